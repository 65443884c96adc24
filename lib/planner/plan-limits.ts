// The planner's limits and scales, with no zod: the client components (the planner, the
// checker, the merge) import these at run time, and the schema in plan-schema.ts imports
// the same numbers to validate, so the browser never downloads zod for a constant
// (docs/decisions/018-client-bundle.md). Client code takes the Plan types from
// plan-schema.ts with `import type` only; lib/client-bundle.test.ts enforces both.

export const PLAN_LIMITS = {
  factors: 12,
  evidencePerFactor: 20,
  criteria: 20,
  customCriteria: 6,
  idLength: 64,
  factorName: 400, // a seeded claim factor is "Change: " + the question's claim (≤ 300)
  area: 60,
  evidenceText: 600,
  bankPath: 8,
  bankPathPart: 200,
  argument: 2000, // argument for / against a factor
  miniJudgement: 600,
  criterion: 120,
  lineOfArgument: 2000,
} as const;

export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 5;

// The judgement line runs from "not at all" (0) to "entirely" (100). At or above LARGELY_YES
// the student is saying "largely yes"; at or below LARGELY_NO, "largely no". The checker and
// the outline's words share these so they never disagree about what a position means.
export const JUDGEMENT_LINE = { min: 0, max: 100, largelyYes: 67, largelyNo: 33 } as const;
