import { describe, expect, it } from "vitest";
import { emptyPlan } from "./initial-plan";
import { PLAN_LIMITS } from "./plan-limits";
import { PlanSchema, type Evidence, type Factor, type Plan } from "./plan-schema";

function evidence(id: string, text = "Secret Speech, February 1956"): Evidence {
  return { id, text, source: { kind: "own" } };
}

function factor(id: string, overrides: Partial<Factor> = {}): Factor {
  return {
    id,
    name: "de-Stalinisation",
    kind: "stated",
    evidence: [evidence(`${id}-e1`)],
    argumentFor: "It alarmed conservatives in the Presidium.",
    argumentAgainst: "He survived the 1957 challenge.",
    weight: 4,
    miniJudgement: "It lost him the hardliners' trust.",
    ...overrides,
  };
}

function goodPlan(): Plan {
  return {
    factors: [
      factor("destal", {
        evidence: [
          evidence("e1"),
          { id: "e2", text: "Over a million Gulag prisoners released by 1960", source: { kind: "bank", pointId: "clx1abc", path: ["De-Stalinisation", "Reforms to Terror"] } },
        ],
      }),
      factor("agri", { name: "Agricultural failure", kind: "other", weight: null, evidence: [] }),
      factor("pol", { name: "Political: change", kind: "claim", area: "Political" }),
    ],
    criteria: ["everyday-scale", "partington-profundity"],
    customCriteria: ["How the Party elite saw it"],
    judgement: { position: 72.5, argument: "De-Stalinisation was the most significant factor." },
  };
}

const parses = (plan: unknown) => PlanSchema.safeParse(plan).success;

describe("PlanSchema", () => {
  it("parses a good plan unchanged, including after a JSON round trip", () => {
    const plan = goodPlan();
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(PlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it("parses an empty plan, and keeps half-typed text as it is", () => {
    expect(parses(emptyPlan())).toBe(true);
    const plan = goodPlan();
    plan.factors[0]!.name = "";
    plan.factors[0]!.argumentFor = "It alarmed ";
    expect(PlanSchema.parse(plan).factors[0]?.argumentFor).toBe("It alarmed ");
  });

  it("allows at most 12 factors", () => {
    const plan = emptyPlan();
    plan.factors = Array.from({ length: PLAN_LIMITS.factors }, (_, i) => factor(`f${i}`));
    expect(parses(plan)).toBe(true);
    plan.factors.push(factor("f-extra"));
    const result = PlanSchema.safeParse(plan);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("A plan can hold up to 12 factors.");
  });

  it("allows at most 20 pieces of evidence per factor", () => {
    const plan = goodPlan();
    plan.factors[1]!.evidence = Array.from({ length: PLAN_LIMITS.evidencePerFactor }, (_, i) => evidence(`x${i}`));
    expect(parses(plan)).toBe(true);
    plan.factors[1]!.evidence.push(evidence("x-extra"));
    expect(parses(plan)).toBe(false);
  });

  it("limits the length of every text field", () => {
    const long = (n: number) => "x".repeat(n + 1);
    const cases: ((p: Plan) => void)[] = [
      (p) => (p.factors[0]!.name = long(PLAN_LIMITS.factorName)),
      (p) => (p.factors[0]!.evidence[0]!.text = long(PLAN_LIMITS.evidenceText)),
      (p) => (p.factors[0]!.argumentFor = long(PLAN_LIMITS.argument)),
      (p) => (p.factors[0]!.argumentAgainst = long(PLAN_LIMITS.argument)),
      (p) => (p.factors[0]!.miniJudgement = long(PLAN_LIMITS.miniJudgement)),
      (p) => (p.factors[2]!.area = long(PLAN_LIMITS.area)),
      (p) => (p.customCriteria = [long(PLAN_LIMITS.criterion)]),
      (p) => (p.judgement.argument = long(PLAN_LIMITS.lineOfArgument)),
      (p) => (p.factors[0]!.id = long(PLAN_LIMITS.idLength)),
    ];
    cases.forEach((spoil, i) => {
      const plan = goodPlan();
      spoil(plan);
      expect(parses(plan), `case ${i}`).toBe(false);
    });
    const plan = goodPlan();
    plan.factors[0]!.evidence[0]!.text = long(PLAN_LIMITS.evidenceText);
    expect(PlanSchema.safeParse(plan).error?.issues[0]?.message).toBe("Keep each piece of evidence under 600 characters.");
  });

  it("limits the number of criteria and rejects a criterion chosen twice", () => {
    const plan = goodPlan();
    plan.customCriteria = Array.from({ length: PLAN_LIMITS.customCriteria + 1 }, (_, i) => `Criterion ${i}`);
    expect(parses(plan)).toBe(false);
    const twice = goodPlan();
    twice.criteria = ["everyday-scale", "everyday-scale"];
    expect(parses(twice)).toBe(false);
  });

  it("takes weights 1 to 5 as whole numbers, or null", () => {
    for (const weight of [1, 5, null]) expect(parses({ ...goodPlan(), factors: [factor("a", { weight })] }), String(weight)).toBe(true);
    for (const weight of [0, 6, 2.5]) expect(parses({ ...goodPlan(), factors: [factor("a", { weight })] }), String(weight)).toBe(false);
  });

  it("takes a position from 0 to 100, or null", () => {
    for (const position of [0, 100, null]) expect(parses({ ...goodPlan(), judgement: { position, argument: "" } })).toBe(true);
    for (const position of [-1, 100.5]) expect(parses({ ...goodPlan(), judgement: { position, argument: "" } })).toBe(false);
  });

  it("rejects a repeated id anywhere in the plan", () => {
    const factors = goodPlan();
    factors.factors[1]!.id = "destal";
    expect(parses(factors)).toBe(false);
    const items = goodPlan();
    items.factors[1]!.evidence = [evidence("e1")]; // e1 is already used by the first factor
    const result = PlanSchema.safeParse(items);
    expect(result.error?.issues[0]?.path).toEqual(["factors", 1, "evidence", 0, "id"]);
  });

  it("rejects ids with unsafe characters, unknown kinds and malformed sources", () => {
    expect(parses({ ...goodPlan(), factors: [factor("<script>")] })).toBe(false);
    expect(parses({ ...goodPlan(), factors: [{ ...factor("a"), kind: "cause" }] })).toBe(false);
    const noPoint = { ...evidence("b1"), source: { kind: "bank", path: [] } };
    expect(parses({ ...goodPlan(), factors: [{ ...factor("a"), evidence: [noPoint] }] })).toBe(false);
    const unknownSource = { ...evidence("b2"), source: { kind: "web" } };
    expect(parses({ ...goodPlan(), factors: [{ ...factor("a"), evidence: [unknownSource] }] })).toBe(false);
  });

  it("drops fields it does not know rather than storing them", () => {
    const parsed = PlanSchema.parse({ ...goodPlan(), extra: "x".repeat(10_000), factors: [{ ...factor("a"), colour: "red" }] });
    expect(parsed).not.toHaveProperty("extra");
    expect(parsed.factors[0]).not.toHaveProperty("colour");
  });
});
