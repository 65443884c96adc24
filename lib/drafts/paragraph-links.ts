import { db } from "../db";
import { AppError } from "../errors";
import { requireOwnWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { LINK_LIMITS, readLinks, type ParagraphLinks } from "../coverage/links";
import { assertOpen } from "./drafts";
import { SetParagraphLinkSchema, type SetParagraphLinkInput } from "./paragraph-link-schema";

/**
 * Sets (or clears, with a null target) one paragraph's link on the student's own open draft,
 * in one statement that changes that key alone, so two tabs linking different paragraphs
 * both keep theirs. It leaves the text, its revision and updatedAt alone: a link is not an
 * edit, and must never make an autosave look stale (docs/decisions/021-plan-coverage.md).
 */
export async function setParagraphLink(user: SessionUser, raw: SetParagraphLinkInput): Promise<{ links: ParagraphLinks }> {
  const { assignmentId, key, target } = SetParagraphLinkSchema.parse(raw);
  assertOpen(await requireOwnWork(user, assignmentId));
  const rows = await db().$queryRaw<{ paragraphLinks: unknown }[]>`
    UPDATE "Draft"
    SET "paragraphLinks" = CASE WHEN ${target}::text IS NULL THEN "paragraphLinks" - ${key}::text
                                ELSE "paragraphLinks" || jsonb_build_object(${key}::text, ${target}::text) END
    WHERE "assignmentId" = ${assignmentId} AND "studentId" = ${user.id} AND "submittedAt" IS NULL
      AND (${target}::text IS NULL OR jsonb_exists("paragraphLinks", ${key}::text)
           OR (SELECT count(*) FROM jsonb_object_keys("paragraphLinks")) < ${LINK_LIMITS.links})
    RETURNING "paragraphLinks"`;
  if (rows[0]) return { links: readLinks(rows[0].paragraphLinks) };
  // Refused: say why.
  const draft = await db().draft.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId: user.id } }, select: { submittedAt: true } });
  if (!draft) throw new AppError("There is no essay to link yet. Reload the page.", 409);
  if (draft.submittedAt) throw new AppError("This essay has been submitted, so its paragraphs can no longer be linked.", 423);
  throw new AppError(`An essay can hold ${LINK_LIMITS.links} links set by hand. Set some paragraphs back to “Found automatically” first.`, 422);
}
