import { describe, expect, it } from "vitest";
import { analyseQuestion, type QuestionAnalysis } from "../questions/analyse-question";
import { areaFactors, initialPlan, SUGGESTED_AREAS } from "./initial-plan";
import { PlanSchema } from "./plan-schema";
import { howFar, toWhatExtent } from "./example-analyses";

function counter() {
  let n = 0;
  return () => `id-${++n}`;
}

describe("initialPlan", () => {
  it("starts a stated-factor question with the stated factor, unweighed", () => {
    const { plan, suggestedAreas } = initialPlan(howFar, { makeId: counter() });
    expect(plan.factors).toEqual([
      { id: "id-1", name: "de-Stalinisation", kind: "stated", evidence: [], argumentFor: "", argumentAgainst: "", weight: null, miniJudgement: "" },
    ]);
    expect(suggestedAreas).toEqual([]);
    expect(plan.judgement).toEqual({ position: null, argument: "" });
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it("does the same for how-significant and assess questions with a stated factor", () => {
    for (const stem of ["how-significant", "assess"] as const) {
      const { plan } = initialPlan({ ...howFar, stem, statedFactor: "  the Cuban Missile Crisis " }, { makeId: counter() });
      expect(plan.factors.map((f) => [f.kind, f.name])).toEqual([["stated", "the Cuban Missile Crisis"]]);
    }
  });

  it("starts a change claim with change against continuity, and offers areas", () => {
    const { plan, suggestedAreas } = initialPlan(toWhatExtent, { makeId: counter() });
    expect(plan.factors.map((f) => [f.id, f.kind, f.name])).toEqual([
      ["id-1", "claim", "Change: Khrushchev's reforms transformed the USSR"],
      ["id-2", "counter", "Continuity / limits"],
    ]);
    expect(suggestedAreas).toEqual([...SUGGESTED_AREAS]);
    expect(suggestedAreas).toContain("Political");
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it("weighs a claim that is not about change as a case for and against", () => {
    const { plan } = initialPlan({ ...toWhatExtent, claim: "Khrushchev's foreign policy was successful" }, { makeId: counter() });
    expect(plan.factors.map((f) => f.name)).toEqual(["Case for: Khrushchev's foreign policy was successful", "Case against"]);
  });

  it("takes the areas to offer from the options", () => {
    expect(initialPlan(toWhatExtent, { makeId: counter(), areas: ["Religious"] }).suggestedAreas).toEqual(["Religious"]);
  });

  it("starts empty when the question names no factor or claim", () => {
    const other: QuestionAnalysis = { stem: "other", focus: "none", statedFactor: null, claim: null, outcome: null, period: null };
    expect(initialPlan(other)).toEqual({ plan: { factors: [], criteria: [], customCriteria: [], judgement: { position: null, argument: "" } }, suggestedAreas: [] });
    // A stated-factor focus with no factor text is treated the same way rather than seeding a blank factor.
    expect(initialPlan({ ...howFar, statedFactor: " " }).plan.factors).toEqual([]);
  });

  it("uses random UUIDs by default", () => {
    const { plan } = initialPlan(toWhatExtent);
    const [a, b] = plan.factors.map((f) => f.id);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it("seeds the right factors from the real question analysis", () => {
    const fall = initialPlan(analyseQuestion("How far was de-Stalinisation the most significant factor in Khrushchev's fall from power in 1964?"));
    expect(fall.plan.factors.map((f) => [f.kind, f.name])).toEqual([["stated", "de-Stalinisation"]]);
    const reforms = initialPlan(analyseQuestion("To what extent did Khrushchev's reforms transform the USSR by 1964?"));
    expect(reforms.plan.factors.map((f) => f.kind)).toEqual(["claim", "counter"]);
    expect(reforms.plan.factors[0]?.name).toMatch(/^Change: /);
  });

  it("cuts an over-long claim to fit the plan's limits", () => {
    const { plan } = initialPlan({ ...toWhatExtent, claim: `Khrushchev's reforms transformed ${"the USSR ".repeat(60)}` });
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });
});

describe("areaFactors", () => {
  it("pairs a claim and a counter factor for one area", () => {
    const [forCase, against] = areaFactors(" Political ", toWhatExtent, { makeId: counter() });
    expect(forCase).toMatchObject({ id: "id-1", kind: "claim", name: "Political: change", area: "Political" });
    expect(against).toMatchObject({ id: "id-2", kind: "counter", name: "Political: continuity / limits", area: "Political" });
  });
});
