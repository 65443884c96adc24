import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRubrics } from "./load-rubrics";
import { checkPartialMarking, midBand, suggestMark, validateMarking, type Award } from "./marks";
import { RubricSchema, type Rubric } from "./rubric-schema";

const { rubrics } = loadRubrics(path.resolve(import.meta.dirname, "../../rubrics"));
function shipped(id: string): Rubric {
  const rubric = rubrics.find((r) => r.id === id);
  if (!rubric) throw new Error(`rubric ${id} did not load`);
  return rubric;
}
const aqa = shipped("holistic-25-five-levels");
const ib = shipped("holistic-15-markbands");
const edexcel = shipped("strands-20-four-strands");
const cambridge = shipped("summed-30-two-tables");

const strandIds = ["analysis", "knowledge", "judgement", "organisation"];
const strandAwards = (...levels: number[]): Award[] => levels.map((level, i) => ({ criterionId: strandIds[i]!, level }));

// Summed rubric with weights: a /10 table counted one and a half times, plus a /15 table.
const weighted = RubricSchema.parse({
  id: "weighted",
  version: 1,
  title: "Weighted",
  shape: "summed",
  totalMarks: 30,
  criteria: [
    { id: "k", name: "Knowledge", description: "K.", weight: 1.5, levels: [1, 2].map((n) => ({ level: n, marks: n === 1 ? { min: 1, max: 5 } : { min: 6, max: 10 }, descriptor: "d", nextStep: "n" })) },
    { id: "j", name: "Judgement", description: "J.", levels: [1, 2, 3].map((n) => ({ level: n, marks: { min: n * 5 - 4, max: n * 5 }, descriptor: "d", nextStep: "n" })) },
  ],
});

describe("holistic marks", () => {
  it("suggests mid-band when no mark is given", () => {
    expect(suggestMark(aqa, [{ criterionId: "overall", level: 3 }])).toBe(13);
    expect(suggestMark(ib, [{ criterionId: "overall", level: 3 }])).toBe(8);
    expect(midBand({ min: 4, max: 7 })).toBe(6);
  });

  it("keeps an explicit mark inside the band", () => {
    expect(suggestMark(aqa, [{ criterionId: "overall", level: 3, mark: 14 }])).toBe(14);
    expect(validateMarking(aqa, { awards: [{ criterionId: "overall", level: 3 }], total: 11 })).toMatchObject({
      ok: true,
      total: 11,
      perCriterion: [{ criterionId: "overall", level: 3, marks: { min: 11, max: 15 }, mark: 11 }],
    });
  });

  it("refuses a mark outside the awarded level's band", () => {
    expect(validateMarking(aqa, { awards: [{ criterionId: "overall", level: 3, mark: 17 }] })).toEqual({
      ok: false,
      errors: [{ criterionId: "overall", message: "Level 3 on Overall quality is 11–15 marks; 17 is outside that band." }],
    });
    expect(validateMarking(aqa, { awards: [{ criterionId: "overall", level: 3 }], total: 16 })).toEqual({
      ok: false,
      errors: [{ criterionId: "overall", message: "Level 3 on Overall quality is 11–15 marks; 16 is outside that band." }],
    });
    expect(() => suggestMark(aqa, [{ criterionId: "overall", level: 2, mark: 3 }])).toThrow(RangeError);
  });

  it("refuses a total that disagrees with the mark, and allows level 0", () => {
    const result = validateMarking(aqa, { awards: [{ criterionId: "overall", level: 4, mark: 18 }], total: 19 });
    expect(result.ok || result.errors[0]?.message).toBe("The total (19) does not match the mark on Overall quality (18).");
    expect(validateMarking(aqa, { awards: [{ criterionId: "overall", level: 0 }] })).toMatchObject({ ok: true, total: 0 });
  });

  it("refuses unknown and missing criteria, missing levels and non-integers", () => {
    expect(validateMarking(aqa, { awards: [{ criterionId: "knowledge", level: 2 }] })).toEqual({
      ok: false,
      errors: [
        { criterionId: "knowledge", message: 'This rubric has no criterion "knowledge".' },
        { criterionId: "overall", message: "Overall quality has no level yet." },
      ],
    });
    const messages = (awards: Award[], total?: number) => {
      const result = validateMarking(aqa, { awards, total });
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(messages([{ criterionId: "overall", level: 6 }])).toEqual([
      "Overall quality has no Level 6; its levels run 1–5 (or 0 for no creditworthy material).",
    ]);
    expect(messages([{ criterionId: "overall", level: 2.5 }])).toEqual(["Levels are whole numbers; 2.5 on Overall quality is not."]);
    expect(messages([{ criterionId: "overall", level: 3, mark: 12.5 }])).toEqual(["Marks are whole numbers; 12.5 on Overall quality is not."]);
    expect(messages([{ criterionId: "overall", level: 3 }], 12.5)).toEqual(["The total must be a whole number; 12.5 is not."]);
    expect(messages([{ criterionId: "overall", level: 3 }, { criterionId: "overall", level: 4 }])).toEqual([
      "Overall quality is awarded more than once.",
    ]);
  });
});

describe("strands best fit", () => {
  it("puts all strands in one level at the top of its band", () => {
    expect(suggestMark(edexcel, strandAwards(3, 3, 3, 3))).toBe(12);
    expect(suggestMark(edexcel, strandAwards(5, 5, 5, 5))).toBe(20);
    expect(suggestMark(edexcel, strandAwards(1, 1, 1, 1))).toBe(3);
  });

  it("lets a weaker strand pull the mark down within the band", () => {
    expect(suggestMark(edexcel, strandAwards(3, 3, 3, 2))).toBe(11);
    expect(suggestMark(edexcel, strandAwards(1, 3, 3, 3))).toBe(10);
    expect(suggestMark(edexcel, strandAwards(4, 3, 4, 4))).toBe(15);
    // Far below still never leaves the band.
    expect(suggestMark(edexcel, strandAwards(5, 5, 1, 5))).toBe(17);
  });

  it("places mixed levels by the middle strand, with stronger strands offsetting weaker ones", () => {
    expect(suggestMark(edexcel, strandAwards(2, 3, 3, 4))).toBe(12);
    expect(suggestMark(edexcel, strandAwards(2, 2, 3, 3))).toBe(7);
    expect(suggestMark(edexcel, strandAwards(4, 4, 5, 5))).toBe(16);
    expect(validateMarking(edexcel, { awards: strandAwards(3, 3, 3, 2) })).toMatchObject({
      ok: true,
      total: 11,
      bestFit: { level: 3, marks: { min: 8, max: 12 } },
    });
  });

  it("accepts a teacher's total inside the best-fit band and refuses one outside it", () => {
    expect(validateMarking(edexcel, { awards: strandAwards(3, 3, 3, 2), total: 9 })).toMatchObject({ ok: true, total: 9 });
    expect(validateMarking(edexcel, { awards: strandAwards(3, 3, 3, 2), total: 14 })).toEqual({
      ok: false,
      errors: [{ message: "Best fit puts this answer in Level 3 (8–12 marks); 14 is outside that band." }],
    });
  });

  it("refuses marks on individual strands", () => {
    const awards = strandAwards(3, 3, 3, 3);
    awards[1] = { criterionId: "knowledge", level: 3, mark: 10 };
    const result = validateMarking(edexcel, { awards });
    expect(result.ok || result.errors).toEqual([
      { criterionId: "knowledge", message: "Strands are not marked one by one: give Knowledge a level, and the whole answer one total." },
    ]);
  });
});

describe("summed marks", () => {
  it("adds per-criterion marks, defaulting to mid-band", () => {
    const awards = [
      { criterionId: "knowledge-understanding", level: 4, mark: 11 },
      { criterionId: "analysis-judgement", level: 3 },
    ];
    expect(suggestMark(cambridge, awards)).toBe(19);
    expect(validateMarking(cambridge, { awards, total: 19 })).toMatchObject({
      ok: true,
      perCriterion: [{ mark: 11 }, { mark: 8 }],
    });
    expect(validateMarking(cambridge, { awards, total: 20 })).toEqual({
      ok: false,
      errors: [{ message: "The criteria add up to 19; a total of 20 does not match." }],
    });
  });

  it("applies weights and rounds the weighted sum to a whole mark", () => {
    // 7 × 1.5 = 10.5, plus 8 = 18.5, which rounds up to 19.
    expect(suggestMark(weighted, [{ criterionId: "k", level: 2, mark: 7 }, { criterionId: "j", level: 2, mark: 8 }])).toBe(19);
    // Full marks: 10 × 1.5 + 15 = the rubric's 30.
    expect(suggestMark(weighted, [{ criterionId: "k", level: 2, mark: 10 }, { criterionId: "j", level: 3, mark: 15 }])).toBe(30);
  });

  it("names the criterion whose mark is outside its band", () => {
    const result = validateMarking(cambridge, {
      awards: [
        { criterionId: "knowledge-understanding", level: 3, mark: 11 },
        { criterionId: "analysis-judgement", level: 3, mark: 8 },
      ],
    });
    expect(result.ok || result.errors).toEqual([
      { criterionId: "knowledge-understanding", message: "Level 3 on Knowledge and understanding is 7–9 marks; 11 is outside that band." },
    ]);
  });
});

describe("marking saved part-way", () => {
  it("accepts criteria still without a level", () => {
    expect(checkPartialMarking(edexcel, { awards: strandAwards(3, 2) })).toEqual([]);
    expect(checkPartialMarking(aqa, { awards: [] })).toEqual([]);
  });

  it("still refuses awards that do not fit the rubric", () => {
    expect(checkPartialMarking(cambridge, { awards: [{ criterionId: "knowledge-understanding", level: 2, mark: 15 }] })).toEqual([
      { criterionId: "knowledge-understanding", message: expect.stringMatching(/15 is outside that band/) },
    ]);
    expect(checkPartialMarking(aqa, { awards: [{ criterionId: "judgement", level: 2 }] })).toEqual([
      { criterionId: "judgement", message: 'This rubric has no criterion "judgement".' },
    ]);
  });

  it("checks the total once every criterion has a level", () => {
    expect(checkPartialMarking(edexcel, { awards: strandAwards(3, 3, 3, 3), total: 5 })).toEqual([
      { message: expect.stringMatching(/Level 3 \(8–12 marks\); 5 is outside that band/) },
    ]);
    expect(checkPartialMarking(edexcel, { awards: strandAwards(3, 3, 3, 3), total: 9 })).toEqual([]);
  });
});
