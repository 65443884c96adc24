import type { Criterion, MarkBand, Rubric } from "./rubric-schema";

// What a marker awards per criterion. holistic: one award, with or without a mark.
// strands: one per strand, levels only (the mark is for the whole answer).
// summed: one per criterion, with its mark (mid-band when left out).
// Level 0 (0 marks, "no creditworthy material") is always available.
export type Award = { criterionId: string; level: number; mark?: number };
export type MarkingError = { criterionId?: string; message: string };
export type CriterionMark = { criterionId: string; level: number; marks: MarkBand; mark?: number };
export type MarkingResult =
  | { ok: true; total: number; perCriterion: CriterionMark[]; bestFit?: { level: number; marks: MarkBand } }
  | { ok: false; errors: MarkingError[] };

type Placed = { criterion: Criterion; level: number; marks: MarkBand; mark?: number };

const ZERO_BAND: MarkBand = { min: 0, max: 0 };

// Where markers start inside a band (IB practice). With an even number of marks in the
// band there is no middle mark; halves round up, as everywhere in this file.
export function midBand({ min, max }: MarkBand): number {
  return Math.floor((min + max + 1) / 2);
}

// The suggested total for a set of awards. Throws on awards that do not fit the rubric:
// callers holding untrusted input use validateMarking, which reports instead.
export function suggestMark(rubric: Rubric, awards: Award[]): number {
  const { placed, errors } = placeAwards(rubric, awards);
  if (errors.length) throw new RangeError(errors.map((e) => e.message).join(" "));
  return suggest(rubric, placed).total;
}

// Checks a marking before it is saved. Without a total, the suggested total is used; with
// one, it must agree with the awards (holistic: the award's band or mark; strands: the
// best-fit band; summed: the weighted sum of the criteria's marks).
export function validateMarking(rubric: Rubric, marking: { awards: Award[]; total?: number }): MarkingResult {
  const { placed, errors } = placeAwards(rubric, marking.awards);
  const { total } = marking;
  if (total !== undefined && !Number.isInteger(total)) errors.push({ message: `The total must be a whole number; ${total} is not.` });
  if (errors.length) return { ok: false, errors };

  const suggestion = suggest(rubric, placed);
  if (total === undefined) return { ok: true, ...suggestion };

  const totalError = checkTotal(rubric, placed, suggestion, total);
  if (totalError) return { ok: false, errors: [totalError] };
  if (rubric.shape === "holistic") {
    // The total is the holistic mark; record it against the single criterion.
    return { ok: true, ...suggestion, total, perCriterion: suggestion.perCriterion.map((c) => ({ ...c, mark: total })) };
  }
  return { ok: true, ...suggestion, total };
}

/**
 * Checks the awards made so far, for a marking saved part-way: every award must fit the
 * rubric (a real criterion, an existing level, a mark inside its band), but criteria may
 * still lack a level. Returns the problems; an empty list means it can be saved.
 */
export function checkPartialMarking(rubric: Rubric, marking: { awards: Award[]; total?: number }): MarkingError[] {
  const { placed, errors, missing } = placeAwards(rubric, marking.awards);
  const problems = errors.filter((e) => !missing.has(e));
  const complete = placed.length === rubric.criteria.length;
  if (!problems.length && complete) {
    const result = validateMarking(rubric, marking);
    if (!result.ok) return result.errors;
  }
  return problems;
}

type Suggestion = Omit<Extract<MarkingResult, { ok: true }>, "ok">;

function suggest(rubric: Rubric, placed: Placed[]): Suggestion {
  if (rubric.shape === "strands") {
    const bestFit = strandsBestFit(rubric, placed.map((p) => p.level));
    const perCriterion = placed.map(({ criterion, level, marks }) => ({ criterionId: criterion.id, level, marks }));
    return { total: bestFit.mark, perCriterion, bestFit: { level: bestFit.level, marks: bestFit.marks } };
  }
  const perCriterion = placed.map(({ criterion, level, marks, mark }) => ({
    criterionId: criterion.id,
    level,
    marks,
    mark: mark ?? midBand(marks),
  }));
  // Summed tables may carry fractional weights; a reported mark is a whole number.
  const weighted = perCriterion.reduce((sum, c, i) => sum + c.mark * (placed[i]?.criterion.weight ?? 1), 0);
  return { total: Math.round(weighted), perCriterion };
}

function checkTotal(rubric: Rubric, placed: Placed[], suggestion: Suggestion, total: number): MarkingError | null {
  if (rubric.shape === "holistic") {
    const [only] = placed;
    if (!only) return null;
    if (only.mark !== undefined && only.mark !== total) {
      return { criterionId: only.criterion.id, message: `The total (${total}) does not match the mark on ${only.criterion.name} (${only.mark}).` };
    }
    return outsideBand(only, total);
  }
  if (rubric.shape === "strands") {
    const fit = suggestion.bestFit;
    if (fit && (total < fit.marks.min || total > fit.marks.max)) {
      return { message: `Best fit puts this answer in Level ${fit.level} (${describeBand(fit.marks)}); ${total} is outside that band.` };
    }
    return null;
  }
  if (total !== suggestion.total) {
    return { message: `The criteria add up to ${suggestion.total}; a total of ${total} does not match.` };
  }
  return null;
}

// Matches awards to criteria (in rubric order) and reports every way they fail to fit.
function placeAwards(rubric: Rubric, awards: Award[]): { placed: Placed[]; errors: MarkingError[]; missing: Set<MarkingError> } {
  const errors: MarkingError[] = [];
  // The "no level yet" errors, which a part-way save may ignore.
  const missing = new Set<MarkingError>();
  const byId = new Map<string, Award>();
  for (const award of awards) {
    const criterion = rubric.criteria.find((c) => c.id === award.criterionId);
    if (!criterion) errors.push({ criterionId: award.criterionId, message: `This rubric has no criterion "${award.criterionId}".` });
    else if (byId.has(award.criterionId)) errors.push({ criterionId: criterion.id, message: `${criterion.name} is awarded more than once.` });
    else byId.set(award.criterionId, award);
  }
  const placed: Placed[] = [];
  for (const criterion of rubric.criteria) {
    const award = byId.get(criterion.id);
    if (!award) {
      const error = { criterionId: criterion.id, message: `${criterion.name} has no level yet.` };
      errors.push(error);
      missing.add(error);
      continue;
    }
    const problem = awardProblem(rubric, criterion, award);
    if (problem) errors.push({ criterionId: criterion.id, message: problem });
    else placed.push({ criterion, level: award.level, marks: bandFor(criterion, award.level) ?? ZERO_BAND, mark: award.mark });
  }
  return { placed, errors, missing };
}

function awardProblem(rubric: Rubric, criterion: Criterion, { level, mark }: Award): string | null {
  const { name } = criterion;
  if (!Number.isInteger(level)) return `Levels are whole numbers; ${level} on ${name} is not.`;
  const marks = bandFor(criterion, level);
  if (!marks) return `${name} has no Level ${level}; its levels run 1–${criterion.levels.length} (or 0 for no creditworthy material).`;
  if (mark === undefined) return null;
  if (rubric.shape === "strands") return `Strands are not marked one by one: give ${name} a level, and the whole answer one total.`;
  if (!Number.isInteger(mark)) return `Marks are whole numbers; ${mark} on ${name} is not.`;
  return outsideBand({ criterion, level, marks }, mark)?.message ?? null;
}

function outsideBand({ criterion, level, marks }: Omit<Placed, "mark">, mark: number): MarkingError | null {
  if (mark >= marks.min && mark <= marks.max) return null;
  return { criterionId: criterion.id, message: `Level ${level} on ${criterion.name} is ${describeBand(marks)}; ${mark} is outside that band.` };
}

function bandFor(criterion: Criterion, level: number): MarkBand | undefined {
  if (level === 0) return ZERO_BAND;
  return criterion.levels.find((l) => l.level === level)?.marks;
}

function describeBand({ min, max }: MarkBand): string {
  if (min === max) return `${min} mark${min === 1 ? "" : "s"}`;
  return `${min}–${max} marks`;
}

// Best fit for strands (the rule a teacher can check by hand):
// 1. The band is the level of the middle strand: sort the strands' levels and take the
//    lower median (for four strands, the second lowest). An even split between two levels
//    therefore lands in the lower one, at its top — next to the boundary, where it belongs.
// 2. Start at the top of that band: "all strands in one level" earns the top.
// 3. Pull down by the shortfall: d = (levels by which strands sit below the band, summed)
//    minus (levels by which strands sit above it, summed), kept between 0 and n (strands).
// 4. mark = band.min + round((n − d) / n × (band.max − band.min)), halves rounding up, so
//    the mark never leaves the band.
// Worked example, bands 1–3, 4–7, 8–12, 13–16, 17–20, strands at levels 3, 3, 3, 2:
//    sorted 2,3,3,3 → middle strand Level 3 (8–12); d = 1; 8 + round(3/4 × 4) = 11.
//    All at 3 → 12. Levels 1,3,3,3 → d = 2 → 10. Levels 2,3,3,4 → d = 0 → 12.
//    Levels 2,2,3,3 → Level 2 (4–7), strands above cannot push past its top → 7.
// Raising any strand never lowers the mark: the median only rises, and within a band a
// higher strand only shrinks d.
function strandsBestFit(rubric: Rubric, levels: number[]): { level: number; marks: MarkBand; mark: number } {
  const [reference] = rubric.criteria;
  const sorted = [...levels].sort((a, b) => a - b);
  const n = sorted.length;
  const level = sorted[Math.floor((n - 1) / 2)] ?? 0;
  const marks = (reference && bandFor(reference, level)) ?? ZERO_BAND;
  const shortfall = sorted.reduce((d, l) => d + (level - l), 0);
  const d = Math.min(n, Math.max(0, shortfall));
  const numerator = (n - d) * (marks.max - marks.min);
  // Integer half-up rounding of numerator / n, avoiding floating-point halves.
  const mark = marks.min + Math.floor((2 * numerator + n) / (2 * n));
  return { level, marks, mark };
}
