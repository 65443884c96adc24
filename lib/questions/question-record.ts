import type { QuestionAnalysis, QuestionStem } from "./analyse-question";
import type { QuestionFocus as DbFocus, QuestionStem as DbStem } from "../generated/prisma/enums";

// Maps between the pure analysis (lib/questions/analyse-question.ts) and the columns a
// Question row stores it in.

const STEM_TO_DB: Record<QuestionStem, DbStem> = {
  "to-what-extent": "TO_WHAT_EXTENT",
  "how-far": "HOW_FAR",
  "how-significant": "HOW_SIGNIFICANT",
  assess: "ASSESS",
  other: "OTHER",
};
const FOCUS_TO_DB: Record<QuestionAnalysis["focus"], DbFocus> = {
  "stated-factor": "STATED_FACTOR",
  claim: "CLAIM",
  none: "NONE",
};

export const STEM_LABELS: Record<DbStem, string> = {
  TO_WHAT_EXTENT: "To what extent",
  HOW_FAR: "How far",
  HOW_SIGNIFICANT: "How significant",
  ASSESS: "Assess",
  OTHER: "Other",
};
export const FOCUS_LABELS: Record<DbFocus, string> = {
  STATED_FACTOR: "Stated factor",
  CLAIM: "Claim",
  NONE: "Neither",
};

/** A question's stored analysis, as the columns hold it. */
export type AnalysisColumns = {
  stem: DbStem;
  focus: DbFocus;
  statedFactor: string | null;
  claim: string | null;
  outcome: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  periodLabel: string | null;
};

/** The columns that hold a question's analysis, for Prisma selects. */
export const analysisColumnsSelect = {
  stem: true,
  focus: true,
  statedFactor: true,
  claim: true,
  outcome: true,
  periodFrom: true,
  periodTo: true,
  periodLabel: true,
} as const;

export function analysisToColumns(a: QuestionAnalysis) {
  return {
    stem: STEM_TO_DB[a.stem],
    focus: FOCUS_TO_DB[a.focus],
    statedFactor: a.statedFactor,
    claim: a.claim,
    outcome: a.outcome,
    periodFrom: a.period?.from ?? null,
    periodTo: a.period?.to ?? null,
    periodLabel: a.period?.label ?? null,
  };
}

const STEM_FROM_DB = Object.fromEntries(Object.entries(STEM_TO_DB).map(([k, v]) => [v, k])) as Record<DbStem, QuestionStem>;
const FOCUS_FROM_DB = Object.fromEntries(Object.entries(FOCUS_TO_DB).map(([k, v]) => [v, k])) as Record<DbFocus, QuestionAnalysis["focus"]>;

/** The stored (possibly teacher-corrected) analysis, in the shape the planner works with. */
export function columnsToAnalysis(q: AnalysisColumns): QuestionAnalysis {
  return {
    stem: STEM_FROM_DB[q.stem],
    focus: FOCUS_FROM_DB[q.focus],
    statedFactor: q.statedFactor,
    claim: q.claim,
    outcome: q.outcome,
    period: q.periodLabel || q.periodFrom !== null || q.periodTo !== null ? { from: q.periodFrom, to: q.periodTo, label: q.periodLabel ?? "" } : null,
  };
}
