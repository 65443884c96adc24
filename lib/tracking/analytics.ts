import { CELL_STATUS_LABELS, CELL_STATUS_ORDER, type CellStatus } from "./cell-status";

// Summaries behind an assignment's charts. Pure arithmetic over rows the page has loaded.

// How far along the pipeline each status is. Late and resubmitted work is handed-in work
// like any other, so all three share the "handed in" stage: a late essay has got exactly
// as far as an on-time one, and a resubmission is back waiting for the teacher.
const STAGE: Record<CellStatus, number> = {
  "not-started": 0,
  planning: 1,
  drafting: 2,
  submitted: 3,
  late: 3,
  resubmitted: 3,
  marked: 4,
  returned: 5,
};

export type FunnelStep = { status: CellStatus; label: string; count: number; reached: number };

// count: cells in exactly this status; reached: cells at this stage or beyond.
export function funnel(statuses: CellStatus[]): FunnelStep[] {
  return CELL_STATUS_ORDER.map((status) => ({
    status,
    label: CELL_STATUS_LABELS[status],
    count: statuses.filter((s) => s === status).length,
    reached: statuses.filter((s) => STAGE[s] >= STAGE[status]).length,
  }));
}

export type MarkBucket = { from: number; to: number; count: number };

// Whole-mark buckets covering 0..totalMarks with no gap or overlap. When the marks do not
// divide evenly the lower buckets take the extra mark (0–5, 6–10, … 21–25 for 25), so the
// top buckets end on the round numbers teachers use as grade boundaries. A paper out of 3
// gets four one-mark buckets rather than empty ones.
export function markDistribution(totals: number[], totalMarks: number, bucketCount = 5): MarkBucket[] {
  if (!Number.isInteger(totalMarks) || totalMarks < 0) throw new RangeError(`totalMarks must be a whole number ≥ 0; got ${totalMarks}.`);
  if (!Number.isInteger(bucketCount) || bucketCount < 1) throw new RangeError(`bucketCount must be a whole number ≥ 1; got ${bucketCount}.`);

  const values = totalMarks + 1;
  const count = Math.min(bucketCount, values);
  const size = Math.floor(values / count);
  const extra = values % count;
  const buckets: MarkBucket[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const to = from + size + (i < extra ? 1 : 0) - 1;
    buckets.push({ from, to, count: 0 });
    from = to + 1;
  }

  for (const total of totals) {
    // Totals are whole marks (see lib/rubrics/marks.ts); a fraction would fall between
    // buckets, so it is refused like any other impossible total.
    if (!Number.isInteger(total) || total < 0 || total > totalMarks) {
      throw new RangeError(`A total of ${total} is not a whole number of marks from 0 to ${totalMarks}.`);
    }
    const bucket = buckets.find((b) => total <= b.to);
    if (bucket) bucket.count++;
  }
  return buckets;
}

export type HeatmapInput = {
  criteria: { id: string; name: string; levelCount: number }[];
  // awards is null for a student not marked yet.
  students: { id: string; name: string; awards: { criterionId: string; level: number }[] | null }[];
};

export type Heatmap = {
  criteria: { id: string; name: string; levelCount: number; average: number | null; awardedCount: number }[];
  rows: { studentId: string; name: string; levels: (number | null)[] }[];
  weakest: { id: string; name: string; relative: number } | null;
};

// Levels awarded per student per criterion, with each criterion's class average. Level 0
// ("no creditworthy material") is an award like any other and pulls the average down.
export function levelHeatmap(input: HeatmapInput): Heatmap {
  const rows = heatmapRows(input);
  const tallies = input.criteria.map((c, i) => {
    const awarded = rows.map((r) => r.levels[i]).filter((level): level is number => typeof level === "number");
    return { criterionId: c.id, sum: awarded.reduce((sum, l) => sum + l, 0), count: awarded.length };
  });
  return heatmapFromTallies(input.criteria, tallies, rows);
}

/** One row per student: the level awarded on each criterion, null where none was. */
export function heatmapRows(input: HeatmapInput): Heatmap["rows"] {
  for (const c of input.criteria) {
    if (!(c.levelCount >= 1)) throw new RangeError(`${c.name} must have at least one level; got ${c.levelCount}.`);
  }
  return input.students.map((student) => ({
    studentId: student.id,
    name: student.name,
    levels: input.criteria.map((c) => student.awards?.find((a) => a.criterionId === c.id)?.level ?? null),
  }));
}

/** Per criterion, the sum and number of the levels awarded across the whole class. */
export type CriterionTally = { criterionId: string; sum: number; count: number };

/**
 * The heatmap from the class's per-criterion tallies and some of its rows: a large class's
 * tallies are summed in SQL and only one page of rows is shown, yet the averages and the
 * weakest criterion are the whole class's, exactly as levelHeatmap gives for every row.
 */
export function heatmapFromTallies(criteria: HeatmapInput["criteria"], tallies: CriterionTally[], rows: Heatmap["rows"]): Heatmap {
  const stats = criteria.map((c) => {
    const t = tallies.find((x) => x.criterionId === c.id);
    const count = t?.count ?? 0;
    return { criterion: c, mean: count ? t!.sum / count : null, awardedCount: count };
  });
  return {
    criteria: stats.map(({ criterion: { id, name, levelCount }, mean, awardedCount }) => ({
      id,
      name,
      levelCount,
      average: mean === null ? null : round(mean, 1),
      awardedCount,
    })),
    rows,
    weakest: weakest(stats),
  };
}

type CriterionStats = { criterion: HeatmapInput["criteria"][number]; mean: number | null };

// Weakest means "lowest compared with the others", so it needs at least two criteria with
// data; a holistic rubric's single ladder has nothing to compare with. Criteria are compared
// as a share of their top level, because summed rubrics mix ladders of different lengths.
// The unrounded mean is compared so rounding cannot manufacture a tie; ties go to the
// criterion listed first.
function weakest(stats: CriterionStats[]): Heatmap["weakest"] {
  const candidates = stats.flatMap(({ criterion, mean }) => (mean === null ? [] : [{ criterion, relative: mean / criterion.levelCount }]));
  if (candidates.length < 2) return null;
  const lowest = candidates.reduce((low, c) => (c.relative < low.relative ? c : low));
  return { id: lowest.criterion.id, name: lowest.criterion.name, relative: round(lowest.relative, 2) };
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
