import { PLAN_LIMITS } from "./plan-limits";
import type { Factor, FactorKind, Plan } from "./plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";

// Where a new plan starts. A stated-factor question ("How far was X the most significant
// factor…") must deal with X, so X is in the plan from the start. A claim question ("To what
// extent did X transform Y…") is answered by weighing the case for the claim against the case
// against, area by area, so it starts with one of each and offers areas to add in pairs.

export const SUGGESTED_AREAS: readonly string[] = ["Political", "Economic", "Social", "Cultural", "Foreign policy"];

export type MakeId = () => string;

export type InitialPlanOptions = {
  /** Injectable for tests and for servers that want their own ids. */
  makeId?: MakeId;
  /** Areas to offer for a claim question, instead of SUGGESTED_AREAS. */
  areas?: readonly string[];
};

export type InitialPlan = {
  plan: Plan;
  /** Areas the UI can offer to add, each as a claim / counter pair (see areaFactors). Empty unless the question weighs a claim. */
  suggestedAreas: string[];
};

const defaultMakeId: MakeId = () => globalThis.crypto.randomUUID();

// "Change" and "Continuity" only make sense when the claim is about change; a claim about
// success, responsibility or motive is weighed as a plain case for and against.
const CHANGE_CLAIM = /\b(transform|chang|revolution|moderni[sz]|overhaul|alter|turning point|break with|undergo|underwent)/i;

export type ClaimSides = { forLabel: string; againstLabel: string };

export function claimSides(claim: string): ClaimSides {
  return CHANGE_CLAIM.test(claim)
    ? { forLabel: "Change", againstLabel: "Continuity / limits" }
    : { forLabel: "Case for", againstLabel: "Case against" };
}

export function blankFactor(name: string, kind: FactorKind, makeId: MakeId = defaultMakeId, area?: string): Factor {
  const factor: Factor = {
    id: makeId(),
    name: name.slice(0, PLAN_LIMITS.factorName),
    kind,
    evidence: [],
    argumentFor: "",
    argumentAgainst: "",
    weight: null,
    miniJudgement: "",
  };
  if (area !== undefined) factor.area = area.slice(0, PLAN_LIMITS.area);
  return factor;
}

/** The claim / counter pair for one area of a claim question, e.g. "Political: change" and "Political: continuity / limits". */
export function areaFactors(area: string, analysis: QuestionAnalysis, opts: { makeId?: MakeId } = {}): [Factor, Factor] {
  const makeId = opts.makeId ?? defaultMakeId;
  const { forLabel, againstLabel } = claimSides(analysis.claim ?? "");
  const name = area.trim();
  return [
    blankFactor(`${name}: ${forLabel.toLowerCase()}`, "claim", makeId, name),
    blankFactor(`${name}: ${againstLabel.toLowerCase()}`, "counter", makeId, name),
  ];
}

export function emptyPlan(): Plan {
  return { factors: [], criteria: [], customCriteria: [], judgement: { position: null, argument: "" } };
}

export function initialPlan(analysis: QuestionAnalysis, opts: InitialPlanOptions = {}): InitialPlan {
  const makeId = opts.makeId ?? defaultMakeId;
  const plan = emptyPlan();
  const statedFactor = analysis.statedFactor?.trim();
  const claim = analysis.claim?.trim();

  if (analysis.focus === "stated-factor" && statedFactor) {
    plan.factors.push(blankFactor(statedFactor, "stated", makeId));
    return { plan, suggestedAreas: [] };
  }
  if (analysis.focus === "claim" && claim) {
    const { forLabel, againstLabel } = claimSides(claim);
    plan.factors.push(blankFactor(`${forLabel}: ${claim}`, "claim", makeId), blankFactor(againstLabel, "counter", makeId));
    return { plan, suggestedAreas: [...(opts.areas ?? SUGGESTED_AREAS)] };
  }
  // Nothing named in the question: the student chooses every factor.
  return { plan, suggestedAreas: [] };
}
