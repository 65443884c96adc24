import { z } from "zod";
import { PLAN_CHECK_IDS } from "../planner/plan-check-guide";

// A rubric is a levels-of-response mark scheme kept as a JSON file in rubrics/. One model
// holds the three shapes boards use (see /work/shared/PEDAGOGY.md):
//   holistic — one ladder of levels: exactly one criterion;
//   strands  — several strands, each placed in a level, combined by best fit into one mark;
//   summed   — separate tables, each marked, weighted and added.
// Every level carries its own mark band, even for strands, so every criterion renders the
// same way (descriptor beside its marks). Strands must then repeat one shared band table;
// the cross-field checks below refuse a strand whose bands drift from the first strand's.
//
// Zero is not a level in the file: 0 marks ("no creditworthy material") is always available
// to every criterion, so the lowest band starts at 1. `zeroDescriptor` is the rubric-wide
// wording shown for it; one rubric-wide sentence is enough because no board's zero differs
// between criteria.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug, like "holistic-25-five-levels"');
const text = z.string().trim().min(1, "must not be empty");

export const MarkBandSchema = z.strictObject({ min: z.int().nonnegative(), max: z.int().nonnegative() });
export type MarkBand = z.infer<typeof MarkBandSchema>;

export const LevelSchema = z.strictObject({
  level: z.int().positive(),
  marks: MarkBandSchema,
  // Teacher-facing: what an answer at this level does.
  descriptor: text,
  // Student-facing: what the next level up needs (for the top level, how to secure it).
  nextStep: text,
});
export type Level = z.infer<typeof LevelSchema>;

export const CriterionSchema = z.strictObject({
  id: slug,
  name: text,
  description: text,
  // Only summed rubrics weight criteria; elsewhere it must stay 1 (checked below).
  weight: z.number().positive().default(1),
  levels: z.array(LevelSchema).min(1, "must list at least one level"),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricShapeSchema = z.enum(["holistic", "strands", "summed"]);
export type RubricShape = z.infer<typeof RubricShapeSchema>;

export const RubricSourceSchema = z.strictObject({
  // Which board's scheme this is modelled on. Descriptors are always our own words.
  modelledOn: text,
  // What could not be checked against the board's own document, shown as a warning.
  unconfirmed: text.optional(),
});

// Which criterion each plan check serves, quoting the level descriptor that asks for it
// (decision 022). The quote must be words from that level's descriptor, so the planner never
// quotes the mark scheme wrongly; the cross-field checks below hold it to that.
export const PlanCheckEntrySchema = z.strictObject({
  criterion: slug,
  // On a holistic ladder every entry has the one criterion, so the feature of the level
  // ("Substantiated judgement") is what the student filters by.
  feature: text.optional(),
  level: z.int().positive(),
  quote: text,
  checks: z.array(z.enum(PLAN_CHECK_IDS)).min(1, "must list at least one check"),
});
export type PlanCheckEntry = z.infer<typeof PlanCheckEntrySchema>;

const RubricObjectSchema = z.strictObject({
  id: slug,
  version: z.int().positive(),
  title: text,
  shape: RubricShapeSchema,
  totalMarks: z.int().positive(),
  source: RubricSourceSchema.optional(),
  zeroDescriptor: text.optional(),
  criteria: z.array(CriterionSchema).min(1, "must list at least one criterion"),
  // Optional: a rubric without it (every snapshot pinned before decision 022) gives the plan
  // check's plain messages.
  planChecks: z.array(PlanCheckEntrySchema).optional(),
});

type RubricObject = z.infer<typeof RubricObjectSchema>;
type FieldPath = (string | number)[];
type RubricIssue = { path: FieldPath; message: string };

export const RubricSchema = RubricObjectSchema.superRefine((rubric, ctx) => {
  for (const issue of rubricIssues(rubric)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type Rubric = z.infer<typeof RubricSchema>;
export type RubricInput = z.input<typeof RubricSchema>;

// Cross-field rules a field-by-field schema cannot express. Messages start lower-case
// because they follow the field path ("criteria[0].levels[2].marks.min: must be 11 …").
function rubricIssues(rubric: RubricObject): RubricIssue[] {
  const issues: RubricIssue[] = [];
  rubric.criteria.forEach((criterion, i) => {
    issues.push(...ladderIssues(criterion.levels, ["criteria", i, "levels"]));
    if (rubric.shape !== "summed" && criterion.weight !== 1) {
      issues.push({ path: ["criteria", i, "weight"], message: `must be 1: only summed rubrics weight their criteria` });
    }
  });
  issues.push(...duplicateIdIssues(rubric.criteria));
  if (rubric.shape === "holistic") issues.push(...holisticIssues(rubric));
  if (rubric.shape === "strands") issues.push(...strandsIssues(rubric));
  if (rubric.shape === "summed") issues.push(...summedIssues(rubric));
  issues.push(...planCheckIssues(rubric));
  return issues;
}

// Levels listed lowest first, numbered 1..n, bands running 1..top with no gap or overlap,
// so every mark from 1 to the top belongs to exactly one level.
function ladderIssues(levels: Level[], at: FieldPath): RubricIssue[] {
  const issues: RubricIssue[] = [];
  levels.forEach(({ level, marks }, i) => {
    if (level !== i + 1) {
      issues.push({ path: [...at, i, "level"], message: `must be ${i + 1}: levels are listed lowest first, numbered from 1` });
    }
    if (marks.min > marks.max) {
      issues.push({ path: [...at, i, "marks"], message: `min (${marks.min}) is above max (${marks.max})` });
    }
    const below = levels[i - 1];
    if (!below) {
      if (marks.min !== 1) {
        issues.push({ path: [...at, i, "marks", "min"], message: `must be 1: the lowest band starts at 1 (0 marks is "no creditworthy material")` });
      }
    } else if (marks.min !== below.marks.max + 1) {
      const expected = below.marks.max + 1;
      const problem = marks.min < expected ? `${marks.min} overlaps it` : `${marks.min} leaves a gap`;
      issues.push({
        path: [...at, i, "marks", "min"],
        message: `must be ${expected} to follow the band below (ends at ${below.marks.max}); ${problem}`,
      });
    }
  });
  return issues;
}

function duplicateIdIssues(criteria: Criterion[]): RubricIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: RubricIssue[] = [];
  criteria.forEach(({ id }, i) => {
    const earlier = firstIndex.get(id);
    if (earlier === undefined) firstIndex.set(id, i);
    else issues.push({ path: ["criteria", i, "id"], message: `"${id}" is already used by criteria[${earlier}]` });
  });
  return issues;
}

function topBandIssue(criterion: Criterion, i: number, totalMarks: number, why: string): RubricIssue[] {
  const last = criterion.levels.length - 1;
  const top = criterion.levels[last];
  if (!top || top.marks.max === totalMarks) return [];
  return [{ path: ["criteria", i, "levels", last, "marks", "max"], message: `must be ${totalMarks} (totalMarks): ${why}; found ${top.marks.max}` }];
}

function holisticIssues(rubric: RubricObject): RubricIssue[] {
  const [only] = rubric.criteria;
  if (rubric.criteria.length !== 1 || !only) {
    return [{ path: ["criteria"], message: `a holistic rubric has exactly one criterion (its single ladder of levels); found ${rubric.criteria.length}` }];
  }
  return topBandIssue(only, 0, rubric.totalMarks, "the top band of a holistic ladder ends at the rubric's total");
}

// Strands are placed in levels, but only the whole answer gets a mark, so they must share
// one band table ending at the total; the first strand is the reference.
function strandsIssues(rubric: RubricObject): RubricIssue[] {
  const [first, ...rest] = rubric.criteria;
  if (!first || rest.length === 0) {
    return [{ path: ["criteria"], message: `a strands rubric needs at least two strands; found ${rubric.criteria.length}` }];
  }
  const issues = topBandIssue(first, 0, rubric.totalMarks, "strands share one band table, which ends at the rubric's total");
  const reference = `criteria[0] ("${first.name}")`;
  rest.forEach((strand, r) => {
    const i = r + 1;
    if (strand.levels.length !== first.levels.length) {
      issues.push({
        path: ["criteria", i, "levels"],
        message: `must have ${first.levels.length} levels like ${reference}: strands share one band table; found ${strand.levels.length}`,
      });
      return;
    }
    strand.levels.forEach(({ marks }, j) => {
      const shared = first.levels[j]?.marks;
      if (shared && (shared.min !== marks.min || shared.max !== marks.max)) {
        issues.push({
          path: ["criteria", i, "levels", j, "marks"],
          message: `must be ${shared.min}–${shared.max} to match ${reference}: strands share one band table; found ${marks.min}–${marks.max}`,
        });
      }
    });
  });
  return issues;
}

function summedIssues(rubric: RubricObject): RubricIssue[] {
  const terms = rubric.criteria.map((c) => ({ top: c.levels.at(-1)?.marks.max ?? 0, weight: c.weight }));
  const sum = terms.reduce((total, t) => total + t.top * t.weight, 0);
  // Weights may be fractional (0.5), so compare with a tolerance rather than exactly.
  if (Math.abs(sum - rubric.totalMarks) < 1e-9) return [];
  const working = terms.map((t) => (t.weight === 1 ? `${t.top}` : `${t.top}×${t.weight}`)).join(" + ");
  return [{ path: ["totalMarks"], message: `must equal the criteria's weighted top marks (${working} = ${sum}); found ${rubric.totalMarks}` }];
}

// Descriptors and quotes are compared with case, spacing, dashes and curly quotes evened out,
// so a quote copied from the descriptor always matches and a paraphrase never does.
const comparable = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

function planCheckIssues(rubric: RubricObject): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const mappedBy = new Map<string, number>();
  const ids = rubric.criteria.map((c) => `"${c.id}"`).join(", ");
  rubric.planChecks?.forEach((entry, i) => {
    const at: FieldPath = ["planChecks", i];
    entry.checks.forEach((check, j) => {
      const earlier = mappedBy.get(check);
      if (earlier === undefined) mappedBy.set(check, i);
      else issues.push({ path: [...at, "checks", j], message: `"${check}" is already mapped by planChecks[${earlier}]; a check serves one criterion` });
    });
    const c = rubric.criteria.findIndex((x) => x.id === entry.criterion);
    const criterion = rubric.criteria[c];
    if (!criterion) {
      issues.push({ path: [...at, "criterion"], message: `must be one of this rubric's criteria (${ids}); found "${entry.criterion}"` });
      return;
    }
    const level = criterion.levels[entry.level - 1];
    if (!level) {
      issues.push({ path: [...at, "level"], message: `must be a level of "${criterion.id}" (1–${criterion.levels.length}); found ${entry.level}` });
      return;
    }
    if (!comparable(level.descriptor).includes(comparable(entry.quote))) {
      issues.push({
        path: [...at, "quote"],
        message: `must be words from criteria[${c}].levels[${entry.level - 1}].descriptor ("${criterion.name}", Level ${entry.level}); "${entry.quote}" is not in it`,
      });
    }
  });
  return issues;
}
