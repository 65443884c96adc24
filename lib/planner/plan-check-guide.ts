import type { Rubric } from "../rubrics/rubric-schema";

// Which part of the mark scheme each plan check serves. A rubric file declares it
// (`planChecks`, validated in lib/rubrics/rubric-schema.ts against the file's own level
// descriptors); planCheckGuide resolves that declaration into plain data the planner can take
// as a prop, so the browser never needs the rubric schema (or zod). Decision 022.

/**
 * Every check checkPlan can report. Rubric files name these ids and assignments pin those
 * files as snapshots, so an id is never renamed or removed (a pinned snapshot naming it must
 * still parse): retire a check by no longer reporting it.
 */
export const PLAN_CHECK_IDS = [
  "stated-factor-missing",
  "stated-factor-unweighed",
  "too-few-factors",
  "factor-unnamed",
  "factor-no-evidence",
  "factor-unweighed",
  "factor-no-mini-judgement",
  "no-criteria",
  "no-judgement",
  "judgement-no-position",
  "judgement-no-argument",
  "judgement-contradicts-weights",
  "argument-contradicts-weights",
] as const;

export type PlanCheckId = (typeof PLAN_CHECK_IDS)[number];

/** What one check serves: a criterion (or, on a holistic ladder, a feature of a level) and the descriptor's own words. */
export type PlanCheckSource = {
  criterionId: string;
  criterionName: string;
  /** A holistic ladder has one criterion, so its entries name the feature of the level they ask for. */
  feature: string | null;
  level: number;
  quote: string;
};

/** The filterable group a check belongs to: the feature on a holistic ladder, else the criterion. */
export type PlanCheckGroup = { key: string; label: string };

export type PlanCheckGuide = {
  rubricTitle: string;
  /** The groups a student can filter by, in the rubric's order (criteria order, then each one's entries). */
  groups: PlanCheckGroup[];
  checks: Partial<Record<PlanCheckId, PlanCheckSource>>;
};

export function planCheckGroup(source: PlanCheckSource): PlanCheckGroup {
  return source.feature ? { key: `feature:${source.feature}`, label: source.feature } : { key: `criterion:${source.criterionId}`, label: source.criterionName };
}

/** The rubric's mapping as plain data, or null when the rubric declares none (the checks then speak as before). */
export function planCheckGuide(rubric: Rubric): PlanCheckGuide | null {
  if (!rubric.planChecks?.length) return null;
  const checks: PlanCheckGuide["checks"] = {};
  const groups = new Map<string, PlanCheckGroup>();
  // The schema refuses an entry naming an unknown criterion, so walking the criteria visits every entry.
  for (const criterion of rubric.criteria) {
    for (const entry of rubric.planChecks.filter((e) => e.criterion === criterion.id)) {
      const source: PlanCheckSource = { criterionId: criterion.id, criterionName: criterion.name, feature: entry.feature ?? null, level: entry.level, quote: entry.quote };
      const group = planCheckGroup(source);
      if (!groups.has(group.key)) groups.set(group.key, group);
      for (const check of entry.checks) checks[check] = source;
    }
  }
  return { rubricTitle: rubric.title, groups: [...groups.values()], checks };
}
