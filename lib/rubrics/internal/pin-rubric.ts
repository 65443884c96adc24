import "server-only";
import { db } from "../../db";
import { isUniqueViolation } from "../../db-errors";
import { notFound } from "../../errors";
import { rubricFingerprint } from "../load-rubrics";
import { listRubrics } from "../rubric-catalogue";

// Internal: setAssignment pins the rubric after authorizing the teacher; the seed pins
// directly. app/ may not import this (lint).

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
