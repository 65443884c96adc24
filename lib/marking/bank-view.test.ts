import { describe, expect, it } from "vitest";
import { loadRubrics } from "../rubrics/load-rubrics";
import type { Rubric } from "../rubrics/rubric-schema";
import type { BankEntry } from "./comment-bank";
import { criterionToFill, isInBank, viewBank } from "./bank-view";

// The shipped rubric files: two holistic ladders, four strands, two summed tables.
const { rubrics } = loadRubrics();
const rubric = (id: string): Rubric => rubrics.find((r) => r.id === id)!;
const HOLISTIC = rubric("holistic-25-five-levels");
const STRANDS = rubric("strands-20-four-strands");
const SUMMED = rubric("summed-30-two-tables");
const nameOf = new Map(rubrics.flatMap((r) => r.criteria.map((c) => [c.id, c.name] as const)));

let n = 0;
const saved = (criterionId: string, text: string): BankEntry => ({ id: `e${++n}`, criterionId, criterionName: nameOf.get(criterionId)!, text, kind: "TARGET", uses: 0 });

// One comment saved under each criterion of every shipped scheme.
const BANK = [
  saved("overall", "Add precise evidence here: a date, a figure or a named person."),
  saved("analysis", "Explain the link between this evidence and the outcome."),
  saved("knowledge", "Accurate and relevant detail, used to support the argument."),
  saved("judgement", "Your conclusion needs a supported overall judgement."),
  saved("organisation", "Start each paragraph with a point that answers the question."),
  saved("knowledge-understanding", "Wide-ranging, accurate knowledge."),
  saved("analysis-judgement", "Weigh the stated factor against the others before you conclude."),
];

describe("viewBank names criteria, never ids, on every rubric shape", () => {
  it.each(rubrics.map((r) => [r.id, r] as const))("%s", (_id, r) => {
    const names = [...new Set(rubrics.flatMap((x) => x.criteria.map((c) => c.name)))];
    // Every label is made of criterion names only ("Overall quality", never "overall").
    const labels = new Set(names.flatMap((a) => [a, `Saved under ${a}: choose the criterion`, ...names.map((b) => `${a} (saved under ${b})`)]));
    for (const row of viewBank(BANK, r.criteria)) {
      expect(labels, `${row.criterionId} → ${row.criterionLabel}`).toContain(row.criterionLabel);
      // What "Use" fills is a criterion of the scheme on screen, or nothing.
      if (row.fillCriterionId !== null) expect(r.criteria.map((c) => c.id)).toContain(row.fillCriterionId);
    }
  });

  it("labels a comment by its own criterion on its own scheme, and says where it came from on another", () => {
    const [overall, analysis] = viewBank(BANK, STRANDS.criteria);
    expect(analysis).toMatchObject({ fillCriterionId: "analysis", criterionLabel: "Analysis and explanation" });
    expect(overall).toMatchObject({ fillCriterionId: "knowledge", criterionLabel: "Knowledge (saved under Overall quality)" });
  });
});

describe("criterionToFill: which criterion 'Use' fills", () => {
  const fill = (r: Rubric) => Object.fromEntries(BANK.map((e) => [e.criterionId, criterionToFill(e, r.criteria)]));

  it("fills the one criterion of a holistic ladder, whatever the comment was saved under", () => {
    expect(new Set(Object.values(fill(HOLISTIC)))).toEqual(new Set(["overall"]));
  });

  it("on four strands, fills the same strand, the strand a summed table's name shares, or the strand the comment's words point to", () => {
    expect(fill(STRANDS)).toEqual({
      overall: "knowledge", // "precise evidence" — the knowledge strand's "evidence used"
      analysis: "analysis",
      knowledge: "knowledge",
      judgement: "judgement",
      organisation: "organisation",
      "knowledge-understanding": "knowledge", // shares "knowledge"
      "analysis-judgement": "judgement", // shares both; "weigh" is in the judgement strand
    });
  });

  it("on two summed tables, fills the table whose name shares a word, or the one the comment's words point to", () => {
    expect(fill(SUMMED)).toEqual({
      overall: null, // neither table's description speaks of evidence: the teacher chooses
      analysis: "analysis-judgement",
      knowledge: "knowledge-understanding",
      judgement: "analysis-judgement",
      organisation: null, // no table is about organisation, and the comment does not say
      "knowledge-understanding": "knowledge-understanding",
      "analysis-judgement": "analysis-judgement",
    });
  });

  it("asks the teacher rather than guess when the comment's words point nowhere or both ways", () => {
    const vague = { ...saved("overall", "Good."), criterionName: "Overall quality" };
    expect(criterionToFill(vague, STRANDS.criteria)).toBeNull();
    const both = saved("overall", "Good weighing: you explain why this matters more.");
    expect(criterionToFill(both, STRANDS.criteria)).toBeNull();
  });

  it("reads British and American spellings and word forms alike", () => {
    const organised = saved("overall", "Organise these paragraphs so the structure is clear.");
    expect(criterionToFill(organised, STRANDS.criteria)).toBe("organisation");
  });
});

describe("isInBank", () => {
  it("matches on criterion and text, as the bank's unique key does", () => {
    const bank = [saved("judgement", "Reach a judgement.")];
    expect(isInBank(bank, { criterionId: "judgement", comment: "Reach a judgement." })).toBe(true);
    expect(isInBank(bank, { criterionId: "analysis", comment: "Reach a judgement." })).toBe(false);
    expect(isInBank(bank, { criterionId: "judgement", comment: "Reach a judgement!" })).toBe(false);
    expect(isInBank([], { criterionId: "judgement", comment: "Reach a judgement." })).toBe(false);
  });
});
