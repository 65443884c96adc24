import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlan, type PlanProblem } from "../planner/check-plan";
import { howFar, toWhatExtent } from "../planner/example-analyses";
import { emptyPlan } from "../planner/initial-plan";
import { PLAN_CHECK_IDS, planCheckGuide, type PlanCheckGuide } from "../planner/plan-check-guide";
import type { Plan } from "../planner/plan-schema";
import { loadRubrics, parseRubricFile } from "./load-rubrics";
import type { Rubric } from "./rubric-schema";

// Decision 022: every shipped rubric maps every plan check to a criterion and quotes its own
// descriptor; the plan check then names that criterion. Checked here against the real files.

const { rubrics, errors } = loadRubrics(path.resolve(import.meta.dirname, "../../rubrics"));
const byId = (id: string) => rubrics.find((r) => r.id === id)!;
const guideOf = (id: string) => planCheckGuide(byId(id))!;

// A plan that trips every check at once: one unnamed, unweighed, bare factor beside a weighted
// pair, no criteria, and a line of argument that crowns a factor the weights put lower.
function everyProblem(): Plan {
  const bare = { evidence: [], argumentFor: "", argumentAgainst: "", miniJudgement: "" };
  return {
    factors: [
      { id: "blank", name: "", kind: "other", weight: null, ...bare },
      { id: "agri", name: "Agricultural failure", kind: "other", weight: 5, ...bare },
    ],
    criteria: [],
    customCriteria: [],
    judgement: { position: null, argument: "" },
  };
}

const judgementChecks = ["no-judgement", "judgement-no-position", "judgement-no-argument", "judgement-contradicts-weights", "argument-contradicts-weights", "factor-no-mini-judgement", "no-criteria", "factor-unweighed"] as const;

describe("the shipped rubrics' plan-check mappings", () => {
  it("all load, and each maps every check", () => {
    expect(errors).toEqual([]);
    expect(rubrics.map((r) => r.id)).toEqual(["holistic-15-markbands", "holistic-25-five-levels", "strands-20-four-strands", "summed-30-two-tables"]);
    for (const rubric of rubrics) expect(Object.keys(guideOf(rubric.id).checks).sort(), rubric.id).toEqual([...PLAN_CHECK_IDS].sort());
  });

  it("quotes each rubric's own level descriptors", () => {
    for (const rubric of rubrics) {
      for (const [check, source] of Object.entries(guideOf(rubric.id).checks)) {
        const descriptor = rubric.criteria.find((c) => c.id === source.criterionId)?.levels[source.level - 1]?.descriptor ?? "";
        expect(descriptor.toLowerCase(), `${rubric.id} ${check}`).toContain(source.quote.toLowerCase());
      }
    }
  });

  it("puts the four-strand scheme's judgement checks under Evaluation and judgement", () => {
    const checks = guideOf("strands-20-four-strands").checks;
    for (const check of judgementChecks) expect(checks[check]?.criterionName, check).toBe("Evaluation and judgement");
    expect(checks["factor-no-evidence"]?.criterionName).toBe("Knowledge");
    expect(checks["stated-factor-missing"]?.criterionName).toBe("Analysis and explanation");
    expect(checks["factor-unnamed"]?.criterionName).toBe("Organisation and communication");
  });

  it("gives the holistic ladders' judgement checks the level's substantiated-judgement wording", () => {
    for (const id of ["holistic-25-five-levels", "holistic-15-markbands"]) {
      const source = guideOf(id).checks["no-judgement"]!;
      expect(source).toMatchObject({ criterionId: "overall", feature: "Substantiated judgement", level: 5 });
      expect(source.quote).toContain("substantiated");
    }
  });
});

describe("checkPlan with a rubric's mapping", () => {
  const run = (guide: PlanCheckGuide | null, plan = everyProblem()) => checkPlan(plan, howFar, { guide });

  it("names the strand and quotes its words in every message, on a four-strand scheme", () => {
    const problems = run(guideOf("strands-20-four-strands"));
    expect(problems.length).toBeGreaterThan(5);
    for (const p of problems) {
      expect(p.serves, p.code).toBeDefined();
      expect(p.message).toBe(`${p.advice} Mark scheme: ${p.serves!.criterionName}, Level ${p.serves!.level}: “${p.serves!.quote}”.`);
    }
    const noJudgement = problems.find((p) => p.code === "no-judgement")!;
    expect(noJudgement.message).toContain(
      "Mark scheme: Evaluation and judgement, Level 5: “the line of argument is stated at the start, carried at the end of each paragraph and confirmed in the conclusion”.",
    );
  });

  it("names the feature of the level on a holistic ladder", () => {
    const problems = run(guideOf("holistic-25-five-levels"));
    expect(problems.find((p) => p.code === "no-judgement")?.message).toMatch(/ Mark scheme: Substantiated judgement, Level 5: “substantiated by evidence and reasoning”\.$/);
    expect(problems.find((p) => p.code === "factor-no-evidence")?.message).toContain("Precise evidence, Level 5:");
  });

  it("maps every check a plan can trip, on every shipped rubric, for stated-factor and claim questions", () => {
    const contradicting = everyProblem();
    contradicting.judgement = { position: 90, argument: "Agricultural failure was the most important reason." };
    for (const rubric of rubrics) {
      const guide = guideOf(rubric.id);
      const problems: PlanProblem[] = [
        ...checkPlan(emptyPlan(), howFar, { guide }),
        ...checkPlan(everyProblem(), howFar, { guide }),
        ...checkPlan(contradicting, toWhatExtent, { guide }),
      ];
      for (const p of problems) expect(p.serves, `${rubric.id} ${p.code}`).toBeDefined();
    }
  });

  it("falls back to today's messages for a rubric that declares no mapping (a snapshot pinned before it)", () => {
    const bare: Rubric = { ...byId("strands-20-four-strands"), planChecks: undefined };
    expect(planCheckGuide(bare)).toBeNull();
    const withNone = run(planCheckGuide(bare));
    expect(withNone.map((p) => p.message)).toEqual(checkPlan(everyProblem(), howFar).map((p) => p.message));
    for (const p of withNone) {
      expect(p.serves).toBeUndefined();
      expect(p.message).toBe(p.advice);
      expect(p.message).not.toContain("Mark scheme");
    }
  });
});

describe("a broken mapping in a rubric file", () => {
  it("is reported with the file's name and the field's path", () => {
    const rubric = structuredClone(byId("strands-20-four-strands")) as Record<string, unknown> & Rubric;
    rubric.planChecks![2]!.quote = "a sustained judgement";
    rubric.planChecks![3]!.criterion = "evaluation";
    (rubric.planChecks![4]!.checks as string[]).push("no-judgment");
    const result = parseRubricFile("rubrics/strands-20-four-strands.json", JSON.stringify(rubric));
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.error.split("\n");
    expect(lines[0]).toMatch(/^rubrics\/strands-20-four-strands\.json: planChecks\[4\]\.checks\[1\]: must be one of "stated-factor-missing", .*; found "no-judgment"$/);
    // Cross-field rules run once the fields themselves are well formed.
    (rubric.planChecks![4]!.checks as string[]).pop();
    const second = parseRubricFile("rubrics/strands-20-four-strands.json", JSON.stringify(rubric));
    expect(second.ok ? [] : second.error.split("\n")).toEqual([
      'rubrics/strands-20-four-strands.json: planChecks[2].quote: must be words from criteria[0].levels[3].descriptor ("Analysis and explanation", Level 4); "a sustained judgement" is not in it',
      'rubrics/strands-20-four-strands.json: planChecks[3].criterion: must be one of this rubric\'s criteria ("analysis", "knowledge", "judgement", "organisation"); found "evaluation"',
    ]);
  });
});

describe("planCheckGuide's filter groups", () => {
  it("lists a strands rubric's strands and a holistic ladder's features, in the rubric's order", () => {
    expect(guideOf("strands-20-four-strands").groups.map((g) => g.label)).toEqual(["Analysis and explanation", "Knowledge", "Evaluation and judgement", "Organisation and communication"]);
    expect(guideOf("summed-30-two-tables").groups.map((g) => g.label)).toEqual(["Knowledge and understanding", "Analysis and judgement"]);
    expect(guideOf("holistic-25-five-levels").groups.map((g) => g.label)).toEqual([
      "Balance", "Precise evidence", "Analysis", "Sustained judgement", "Substantiated judgement", "Explicit criteria",
    ]);
  });
});
