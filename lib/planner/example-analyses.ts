import type { QuestionAnalysis } from "../questions/analyse-question";

// The two practice questions from the sample notes, analysed as the planner receives them.
// Shared by the planner's unit tests so every test weighs plans against the same questions.

export const HOW_FAR_QUESTION = "How far was de-Stalinisation the most significant factor in Khrushchev's fall from power in 1964?";
export const howFar: QuestionAnalysis = {
  stem: "how-far",
  focus: "stated-factor",
  statedFactor: "de-Stalinisation",
  claim: null,
  outcome: "Khrushchev's fall from power",
  period: { from: 1964, to: 1964, label: "in 1964" },
};

export const TWE_QUESTION = "To what extent did Khrushchev's reforms transform the USSR by 1964?";
export const toWhatExtent: QuestionAnalysis = {
  stem: "to-what-extent",
  focus: "claim",
  statedFactor: null,
  claim: "Khrushchev's reforms transformed the USSR",
  outcome: null,
  period: { from: null, to: 1964, label: "by 1964" },
};
