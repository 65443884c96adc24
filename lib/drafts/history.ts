import { db } from "../db";
import { AppError, notFound } from "../errors";
import { requireOwnWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { assertOpen, snapshotSelect, toSnapshot, type DraftSnapshot } from "./drafts";
import { startEntry } from "./internal/history-store";
import type { RevisionReason } from "./history-policy";
import { PREVIEW_CHARS, revisionPreview } from "./history-preview";
import { RestoreRevisionSchema, RevisionTextSchema } from "./schemas";

// The student's own draft history: the list, one entry's full text, and restoring it.
// Guarded: each takes the acting user and reads only their own draft.

export type RevisionSummary = { id: string; reason: RevisionReason; wordCount: number; startedAt: Date; endedAt: Date; preview: string };

/**
 * Newest first, each with the opening of its text rather than all of it: a long essay's
 * history would otherwise send every full version to the browser to draw a list.
 */
export async function listRevisions(user: SessionUser, assignmentId: string): Promise<RevisionSummary[]> {
  await requireOwnWork(user, assignmentId);
  // Room for whitespace that the preview folds away.
  const opening = PREVIEW_CHARS * 4;
  const rows = await db().$queryRaw<{ id: string; reason: RevisionReason; wordCount: number; createdAt: Date; updatedAt: Date; opening: string }[]>`
    SELECT r.id, r.reason::text AS reason, r."wordCount", r."createdAt", r."updatedAt", left(r.text, ${opening}) AS opening
    FROM "DraftRevision" r JOIN "Draft" d ON d.id = r."draftId"
    WHERE d."assignmentId" = ${assignmentId} AND d."studentId" = ${user.id}
    ORDER BY r."createdAt" DESC, r.id COLLATE "C" DESC`;
  return rows.map((r) => ({ id: r.id, reason: r.reason, wordCount: r.wordCount, startedAt: r.createdAt, endedAt: r.updatedAt, preview: revisionPreview(r.opening) }));
}

/** One entry's whole text, when the student opens it. */
export async function getRevisionText(user: SessionUser, raw: { assignmentId: string; revisionId: string }) {
  const input = RevisionTextSchema.parse(raw);
  await requireOwnWork(user, input.assignmentId);
  const revision = await db().draftRevision.findFirst({
    where: { id: input.revisionId, draft: { assignmentId: input.assignmentId, studentId: user.id } },
    select: { id: true, text: true, wordCount: true },
  });
  if (!revision) throw notFound("That earlier version");
  return revision;
}

/** A restore, unlike an autosave, answers with the text: the editor did not have it. */
export type RestoreResult = { ok: true; draft: DraftSnapshot } | { ok: false; conflict: DraftSnapshot };

/**
 * Makes an earlier entry's text current, as a new RESTORE entry, on the revision the page
 * holds (compare-and-swap, like a save). The text it replaces is the newest entry's by
 * construction; should history ever lack it (drafts written before history was kept), it
 * is written as an entry first, so a restore never loses the text on screen.
 */
export async function restoreRevision(user: SessionUser, raw: { assignmentId: string; revisionId: string; baseRevision: number }, now = new Date()): Promise<RestoreResult> {
  const input = RestoreRevisionSchema.parse(raw);
  assertOpen(await requireOwnWork(user, input.assignmentId));
  const chosen = await db().draftRevision.findFirst({
    where: { id: input.revisionId, draft: { assignmentId: input.assignmentId, studentId: user.id } },
    select: { draftId: true, text: true, wordCount: true },
  });
  if (!chosen) throw notFound("That earlier version");
  const draftId = chosen.draftId;

  return db().$transaction(async (tx) => {
    const replaced = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { text: true, wordCount: true, revision: true } });
    const { count } = await tx.draft.updateMany({
      where: { id: draftId, revision: input.baseRevision, submittedAt: null },
      data: { text: chosen.text, wordCount: chosen.wordCount, revision: { increment: 1 } },
    });
    const current = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { ...snapshotSelect, submittedAt: true } });
    if (count === 0) {
      if (current.submittedAt) throw new AppError("This essay has been submitted, so it is locked. Your teacher can see the submitted version.", 423);
      return { ok: false as const, conflict: toSnapshot(current) };
    }
    // `replaced` is the text on screen unless a save committed between the read and the swap;
    // that save wrote its own entry, so at worst this keeps one entry too many.
    const newest = await tx.draftRevision.findFirst({ where: { draftId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { text: true } });
    if (replaced.text.trim() && newest?.text !== replaced.text) {
      await tx.draftRevision.create({ data: { draftId, text: replaced.text, wordCount: replaced.wordCount, reason: "AUTOSAVE", createdAt: new Date(now.getTime() - 1), updatedAt: new Date(now.getTime() - 1) } });
    }
    await startEntry(tx, draftId, { text: chosen.text, wordCount: chosen.wordCount, reason: "RESTORE", at: now });
    return { ok: true as const, draft: toSnapshot(current) };
  });
}
