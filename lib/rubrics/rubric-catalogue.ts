import { loadRubrics } from "./load-rubrics";
import { RubricSchema, type Rubric } from "./rubric-schema";

// The rubrics/ folder is read on each call (a handful of small files), so a file added
// there appears without a restart or code change.
export function listRubrics(): { rubrics: Rubric[]; errors: string[] } {
  return loadRubrics();
}

/** A pinned snapshot, re-validated so code always works with a well-formed rubric. */
export function rubricFromSnapshot(content: unknown): Rubric {
  return RubricSchema.parse(content);
}
