import { AppError } from "../errors";
import { SaveMarkingSchema } from "../marking/schemas";
import { validateMarking, type Award, type MarkingError } from "../rubrics/marks";
import type { Rubric } from "../rubrics/rubric-schema";

// Turning a moderation form's levels (and optional total) into awards stored like a
// Marking's, checked against the rubric the same way the desk's are.

/** Awards as stored (Marking.awards' shape); anything unreadable reads as none. */
export function readAwards(raw: unknown): Award[] {
  const parsed = SaveMarkingSchema.shape.awards.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

function refuse(errors: MarkingError[]): never {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of errors) (fieldErrors[e.criterionId ? `level.${e.criterionId}` : "total"] ??= []).push(e.message);
  throw new AppError(errors.map((e) => e.message).join(" "), 422, fieldErrors);
}

/**
 * A complete marking from a level per criterion. On a holistic rubric the total is the one
 * criterion's mark; on strands it is the best-fit mark the marker chose in the band; summed
 * criteria take their mid-band marks (the total is their sum). Refuses with per-level errors.
 */
export function settleLevels(rubric: Rubric, levels: Record<string, number>, total: number | undefined): { awards: Award[]; total: number } {
  const missing = rubric.criteria.filter((c) => levels[c.id] === undefined);
  if (missing.length) refuse(missing.map((c) => ({ criterionId: c.id, message: `Choose a level for ${c.name}.` })));
  const unknown = Object.keys(levels).filter((id) => !rubric.criteria.some((c) => c.id === id));
  if (unknown.length) refuse(unknown.map((id) => ({ message: `This rubric has no criterion "${id}".` })));
  const awards: Award[] = rubric.criteria.map((c) => ({ criterionId: c.id, level: levels[c.id]! }));
  if (rubric.shape === "holistic" && total !== undefined) awards[0] = { ...awards[0]!, mark: total };
  const result = validateMarking(rubric, { awards, total: rubric.shape === "summed" ? undefined : total });
  if (!result.ok) refuse(result.errors);
  return {
    awards: result.perCriterion.map((c) => (c.mark === undefined ? { criterionId: c.criterionId, level: c.level } : { criterionId: c.criterionId, level: c.level, mark: c.mark })),
    total: result.total,
  };
}
