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
