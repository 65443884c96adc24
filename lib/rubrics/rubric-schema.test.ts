import { describe, expect, it } from "vitest";
import { RubricSchema, type RubricInput } from "./rubric-schema";

const level = (n: number, min: number, max: number) => ({
  level: n,
  marks: { min, max },
  descriptor: `Level ${n} answers do this.`,
  nextStep: `To reach Level ${n + 1}, do that.`,
});

function holistic(): RubricInput {
  return {
    id: "test-holistic",
    version: 1,
    title: "Test holistic",
    shape: "holistic",
    totalMarks: 9,
    criteria: [{ id: "overall", name: "Overall", description: "Best fit.", levels: [level(1, 1, 3), level(2, 4, 6), level(3, 7, 9)] }],
  };
}

function strands(): RubricInput {
  const ladder = () => [level(1, 1, 3), level(2, 4, 7), level(3, 8, 12)];
  return {
    id: "test-strands",
    version: 1,
    title: "Test strands",
    shape: "strands",
    totalMarks: 12,
    criteria: [
      { id: "analysis", name: "Analysis", description: "A.", levels: ladder() },
      { id: "knowledge", name: "Knowledge", description: "K.", levels: ladder() },
    ],
  };
}

function summed(): RubricInput {
  return {
    id: "test-summed",
    version: 1,
    title: "Test summed",
    shape: "summed",
    totalMarks: 15,
    criteria: [
      { id: "knowledge", name: "Knowledge", description: "K.", levels: [level(1, 1, 3), level(2, 4, 6)] },
      { id: "judgement", name: "Judgement", description: "J.", weight: 1.5, levels: [level(1, 1, 3), level(2, 4, 6)] },
    ],
  };
}

// Field path and message of every issue, in the form the loader reports them.
function issues(input: unknown): string[] {
  const result = RubricSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("RubricSchema", () => {
  it("accepts each shape and defaults weight to 1", () => {
    expect(issues(holistic())).toEqual([]);
    expect(issues(strands())).toEqual([]);
    expect(issues(summed())).toEqual([]);
    expect(RubricSchema.parse(holistic()).criteria[0]?.weight).toBe(1);
  });

  it("refuses bands out of order, overlapping, with gaps, or inverted", () => {
    const r = holistic();
    r.criteria[0]!.levels = [level(1, 1, 3), level(3, 3, 6), level(2, 8, 7)];
    expect(issues(r)).toEqual([
      "criteria.0.levels.1.level: must be 2: levels are listed lowest first, numbered from 1",
      "criteria.0.levels.1.marks.min: must be 4 to follow the band below (ends at 3); 3 overlaps it",
      "criteria.0.levels.2.level: must be 3: levels are listed lowest first, numbered from 1",
      "criteria.0.levels.2.marks: min (8) is above max (7)",
      "criteria.0.levels.2.marks.min: must be 7 to follow the band below (ends at 6); 8 leaves a gap",
      "criteria.0.levels.2.marks.max: must be 9 (totalMarks): the top band of a holistic ladder ends at the rubric's total; found 7",
    ]);
  });

  it("requires the lowest band to start at 1, leaving 0 for no creditworthy material", () => {
    const r = holistic();
    r.criteria[0]!.levels[0]!.marks.min = 0;
    expect(issues(r)).toEqual([
      'criteria.0.levels.0.marks.min: must be 1: the lowest band starts at 1 (0 marks is "no creditworthy material")',
    ]);
  });

  it("gives a holistic rubric exactly one criterion", () => {
    const r = holistic();
    r.criteria.push({ ...r.criteria[0]!, id: "second" });
    expect(issues(r)).toEqual(["criteria: a holistic rubric has exactly one criterion (its single ladder of levels); found 2"]);
  });

  it("refuses duplicate criterion ids", () => {
    const r = strands();
    r.criteria[1]!.id = "analysis";
    expect(issues(r)).toEqual(['criteria.1.id: "analysis" is already used by criteria[0]']);
  });

  it("makes strands share one band table", () => {
    const r = strands();
    r.criteria[1]!.levels[1]!.marks.max = 8;
    r.criteria[1]!.levels[2]!.marks.min = 9;
    expect(issues(r)).toEqual([
      'criteria.1.levels.1.marks: must be 4–7 to match criteria[0] ("Analysis"): strands share one band table; found 4–8',
      'criteria.1.levels.2.marks: must be 8–12 to match criteria[0] ("Analysis"): strands share one band table; found 9–12',
    ]);
    const short = strands();
    short.criteria[1]!.levels.pop();
    expect(issues(short)).toEqual([
      'criteria.1.levels: must have 3 levels like criteria[0] ("Analysis"): strands share one band table; found 2',
    ]);
  });

  it("refuses a strands rubric with one strand and weights outside summed rubrics", () => {
    const r = strands();
    r.criteria.pop();
    r.criteria[0]!.weight = 2;
    expect(issues(r)).toEqual([
      "criteria.0.weight: must be 1: only summed rubrics weight their criteria",
      "criteria: a strands rubric needs at least two strands; found 1",
    ]);
  });

  it("checks a summed rubric's weighted total", () => {
    const r = summed();
    r.totalMarks = 12;
    expect(issues(r)).toEqual(["totalMarks: must equal the criteria's weighted top marks (6 + 6×1.5 = 15); found 12"]);
  });

  it("refuses unknown fields, bad slugs and non-integer marks", () => {
    const r = holistic() as Record<string, unknown>;
    r.id = "Not A Slug";
    r.descripton = "typo";
    r.version = 1.5;
    const messages = issues(r);
    expect(messages).toContain('id: must be a kebab-case slug, like "holistic-25-five-levels"');
    expect(messages.some((m) => m.startsWith("version:"))).toBe(true);
    expect(messages.some((m) => m.includes("descripton"))).toBe(true);
  });

  describe("planChecks", () => {
    // The test ladders' descriptors read "Level n answers do this."
    const mapped = (entries: unknown[]) => ({ ...strands(), planChecks: entries }) as RubricInput;

    it("accepts an entry whose quote is words from the named level's descriptor, in any case and spacing", () => {
      expect(issues(mapped([{ criterion: "analysis", level: 2, quote: "level 2  ANSWERS do", checks: ["no-judgement", "factor-unweighed"] }]))).toEqual([]);
      expect(issues({ ...holistic(), planChecks: [{ criterion: "overall", feature: "Judgement", level: 3, quote: "do this", checks: ["no-criteria"] }] })).toEqual([]);
    });

    it("refuses a quote the descriptor does not contain, naming the criterion and level", () => {
      expect(issues(mapped([{ criterion: "knowledge", level: 3, quote: "a sustained judgement", checks: ["no-judgement"] }]))).toEqual([
        'planChecks.0.quote: must be words from criteria[1].levels[2].descriptor ("Knowledge", Level 3); "a sustained judgement" is not in it',
      ]);
      // The right words at the wrong level are refused too.
      expect(issues(mapped([{ criterion: "analysis", level: 1, quote: "Level 2 answers", checks: ["no-judgement"] }]))).toHaveLength(1);
    });

    it("refuses an unknown criterion or level", () => {
      expect(issues(mapped([{ criterion: "judgement", level: 1, quote: "do this", checks: ["no-judgement"] }]))).toEqual([
        'planChecks.0.criterion: must be one of this rubric\'s criteria ("analysis", "knowledge"); found "judgement"',
      ]);
      expect(issues(mapped([{ criterion: "analysis", level: 4, quote: "do this", checks: ["no-judgement"] }]))).toEqual([
        'planChecks.0.level: must be a level of "analysis" (1–3); found 4',
      ]);
    });

    it("refuses an unknown check or an empty list", () => {
      const messages = issues(
        mapped([
          { criterion: "analysis", level: 1, quote: "do this", checks: ["no-judgment"] },
          { criterion: "knowledge", level: 2, quote: "do this", checks: [] },
        ]),
      );
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatch(/^planChecks\.0\.checks\.0: /);
      expect(messages[1]).toBe("planChecks.1.checks: must list at least one check");
    });

    it("refuses a check mapped to two criteria", () => {
      const twice = mapped([
        { criterion: "analysis", level: 1, quote: "do this", checks: ["no-criteria", "no-judgement"] },
        { criterion: "knowledge", level: 1, quote: "do this", checks: ["no-criteria"] },
      ]);
      expect(issues(twice)).toEqual(['planChecks.1.checks.0: "no-criteria" is already mapped by planChecks[0]; a check serves one criterion']);
    });

    it("refuses unknown fields in an entry", () => {
      expect(issues(mapped([{ criterion: "analysis", level: 1, quote: "do this", checks: ["no-judgement"], qoute: "x" }]))).toHaveLength(1);
    });
  });
});
