import type { Award } from "../rubrics/marks";

// Agreement statistics for a moderation report (one assignment, or a whole department's).
// Pure. Levels are compared criterion by criterion, by criterion name, so the same strand
// in two assignments' rubrics counts together; totals are compared as marks.

export type Marks = { awards: Award[]; total: number | null };
export type Marker = { id: string | null; name: string };

export type ModeratedEssay = {
  /** The rubric's criteria, in order (id → name). */
  criteria: { id: string; name: string }[];
  first: Marks & { marker: Marker };
  second: (Marks & { marker: Marker }) | null;
  agreed: Marks | null;
};

export type CriterionAgreement = {
  criterion: string;
  /** Essays where both markers placed this criterion. */
  compared: number;
  exact: number;
  /** exact / compared, 0–1; null when nothing was compared. */
  exactRate: number | null;
  /** Mean |first level − second level|. */
  meanAbsDiff: number | null;
};

export type MarkerAgreement = {
  marker: Marker;
  /** Agreed essays this marker marked (first or second). */
  essays: number;
  /** Mean (marker's level − agreed level) over every criterion: above 0 is generous. */
  meanLevelDiff: number | null;
  meanAbsLevelDiff: number | null;
  /** Mean (marker's total − agreed total). */
  meanMarkDiff: number | null;
};

export type AgreementReport = {
  sampled: number;
  secondMarked: number;
  agreed: number;
  perCriterion: CriterionAgreement[];
  /** Over every criterion of every second-marked essay. */
  overall: { compared: number; exact: number; exactRate: number | null; meanAbsDiff: number | null; meanAbsMarkDiff: number | null };
  markers: MarkerAgreement[];
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const levelOf = (marks: Marks, criterionId: string) => marks.awards.find((a) => a.criterionId === criterionId)?.level;

export function agreementReport(essays: ModeratedEssay[]): AgreementReport {
  const criteria = new Map<string, { diffs: number[] }>();
  const allDiffs: number[] = [];
  const markDiffs: number[] = [];
  for (const essay of essays) {
    for (const c of essay.criteria) if (!criteria.has(c.name)) criteria.set(c.name, { diffs: [] });
    const { second } = essay;
    if (!second) continue;
    for (const c of essay.criteria) {
      const a = levelOf(essay.first, c.id);
      const b = levelOf(second, c.id);
      if (a === undefined || b === undefined) continue;
      criteria.get(c.name)!.diffs.push(Math.abs(a - b));
      allDiffs.push(Math.abs(a - b));
    }
    if (essay.first.total !== null && second.total !== null) markDiffs.push(Math.abs(essay.first.total - second.total));
  }

  const perCriterion = [...criteria].map(([criterion, { diffs }]) => {
    const exact = diffs.filter((d) => d === 0).length;
    return { criterion, compared: diffs.length, exact, exactRate: diffs.length ? exact / diffs.length : null, meanAbsDiff: mean(diffs) };
  });
  const exact = allDiffs.filter((d) => d === 0).length;

  return {
    sampled: essays.length,
    secondMarked: essays.filter((e) => e.second).length,
    agreed: essays.filter((e) => e.agreed).length,
    perCriterion,
    overall: { compared: allDiffs.length, exact, exactRate: allDiffs.length ? exact / allDiffs.length : null, meanAbsDiff: mean(allDiffs), meanAbsMarkDiff: mean(markDiffs) },
    markers: markerAgreement(essays),
  };
}

// Each marker against the agreed marks, whichever role they had on each essay. A marker with
// no id (account deleted) is grouped by name, so their record still shows.
function markerAgreement(essays: ModeratedEssay[]): MarkerAgreement[] {
  const byMarker = new Map<string, { marker: Marker; essays: number; levels: number[]; marks: number[] }>();
  for (const essay of essays) {
    const { agreed } = essay;
    if (!agreed) continue;
    for (const marked of [essay.first, essay.second]) {
      if (!marked) continue;
      const key = marked.marker.id ?? `name:${marked.marker.name}`;
      const entry = byMarker.get(key) ?? { marker: marked.marker, essays: 0, levels: [], marks: [] };
      entry.essays += 1;
      for (const c of essay.criteria) {
        const mine = levelOf(marked, c.id);
        const final = levelOf(agreed, c.id);
        if (mine !== undefined && final !== undefined) entry.levels.push(mine - final);
      }
      if (marked.total !== null && agreed.total !== null) entry.marks.push(marked.total - agreed.total);
      byMarker.set(key, entry);
    }
  }
  return [...byMarker.values()]
    .map(({ marker, essays: n, levels, marks }) => ({
      marker,
      essays: n,
      meanLevelDiff: mean(levels),
      meanAbsLevelDiff: mean(levels.map(Math.abs)),
      meanMarkDiff: mean(marks),
    }))
    .sort((a, b) => a.marker.name.localeCompare(b.marker.name));
}

/** Per criterion, first level against second, for the side-by-side comparison. */
export function compareLevels(criteria: { id: string; name: string }[], first: Marks, second: Marks) {
  return criteria.map((c) => {
    const a = levelOf(first, c.id) ?? null;
    const b = levelOf(second, c.id) ?? null;
    return { criterionId: c.id, name: c.name, first: a, second: b, difference: a !== null && b !== null ? b - a : null };
  });
}
