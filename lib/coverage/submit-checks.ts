import type { PlanProblem } from "../planner/check-plan";
import type { Coverage, EvidenceCoverage, FactorCoverage, JudgementCheck } from "./coverage";

// What the hand-in confirmation lists before "Submit anyway": the plan's factors no paragraph
// argues, key evidence the essay does not use, the plan check's open "Fix:" items (errors
// only: a "Consider:" is advice, not a gap) and a conclusion that contradicts the planned
// judgement. An empty list means the essay is handed in as it always was.

export type SubmitWarnings = {
  uncovered: FactorCoverage[];
  unusedKey: EvidenceCoverage[];
  fixes: PlanProblem[];
  judgement: JudgementCheck | null;
};

export function submitWarnings(coverage: Coverage, problems: readonly PlanProblem[]): SubmitWarnings {
  return {
    uncovered: coverage.factors.filter((f) => f.status !== "covered"),
    unusedKey: coverage.evidence.filter((e) => e.key && !e.used && e.text.trim() !== ""),
    fixes: problems.filter((p) => p.severity === "error"),
    judgement: coverage.judgement.status === "mismatch" ? coverage.judgement : null,
  };
}

export const hasWarnings = (w: SubmitWarnings) => w.uncovered.length > 0 || w.unusedKey.length > 0 || w.fixes.length > 0 || w.judgement !== null;
