import { db } from "../db";
import { loadRubrics, rubricFingerprint } from "./load-rubrics";
import { RubricSchema, type Rubric } from "./rubric-schema";
import { notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";

// The rubrics/ folder is read on each call (a handful of small files), so a file added
// there appears without a restart or code change.
export function listRubrics(): { rubrics: Rubric[]; errors: string[] } {
  return loadRubrics();
}

/** Pins the rubric as it is now: an identical snapshot is shared, an edited file makes a new one. */
export async function pinRubric(rubricId: string): Promise<{ id: string }> {
  const rubric = listRubrics().rubrics.find((r) => r.id === rubricId);
  if (!rubric) throw notFound("That mark scheme");
  const fingerprint = rubricFingerprint(rubric);
  const upsert = () =>
    db().rubricVersion.upsert({
      where: { fingerprint },
      create: { rubricId: rubric.id, version: rubric.version, fingerprint, title: rubric.title, content: rubric },
      update: {},
      select: { id: true },
    });
  // On the driver-adapter path upsert is a SELECT then an INSERT (no ON CONFLICT), so two
  // first pins of one rubric at once collide on the fingerprint; the retry finds the row.
  return upsert().catch((e: unknown) => {
    if (isUniqueViolation(e, "fingerprint")) return upsert();
    throw e;
  });
}

/** A pinned snapshot, re-validated so code always works with a well-formed rubric. */
export function rubricFromSnapshot(content: unknown): Rubric {
  return RubricSchema.parse(content);
}
