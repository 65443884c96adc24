import { db } from "../db";
import { enqueue } from "../jobs/enqueue";
import { Prisma } from "../generated/prisma/client";
import { newId } from "../new-id";
import { AppError } from "../errors";
import { requireOwnWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { readLinks } from "../coverage/links";
import { countWords } from "./word-count";
import { SaveDraftSchema, SubmitDraftSchema, type SaveDraftInput } from "./schemas";
import { ensureDraft } from "./internal/ensure-draft";
import { thinHistory } from "./internal/history-store";
import { casSaveDraft, type CasSave } from "./internal/save-draft-cas";

export type DraftSnapshot = { text: string; revision: number; savedAt: Date; wordCount: number };
/** What a save answers: the text travels back only with a conflict. */
export type SavedDraft = { revision: number; savedAt: Date; wordCount: number };
export type SaveResult = { ok: true; draft: SavedDraft } | { ok: false; conflict: DraftSnapshot };

export const snapshotSelect = { text: true, revision: true, updatedAt: true, wordCount: true } as const;
export const toSnapshot = (d: { text: string; revision: number; updatedAt: Date; wordCount: number }): DraftSnapshot => ({
  text: d.text,
  revision: d.revision,
  savedAt: d.updatedAt,
  wordCount: d.wordCount,
});

type OpenAssignment = Awaited<ReturnType<typeof requireOwnWork>>;

export function assertOpen(assignment: OpenAssignment) {
  if (assignment.status === "CLOSED") {
    throw new AppError("Your teacher has closed this assignment, so changes can no longer be saved. Your text is still on this page: copy it somewhere safe.", 423);
  }
}


/**
 * Saves the student's text if it is based on the latest revision (compare-and-swap on
 * `revision`). A save from a stale tab or device is refused and gets the newer text back,
 * so nothing is ever silently overwritten. History follows lib/drafts/history-policy.ts.
 *
 * A successful save is one statement (casSaveDraft: access, state, revision and history in
 * its WHERE clause and CTEs); only a refusal asks why, with the ordinary guarded queries.
 * See docs/decisions/016-lean-save-path.md.
 */
export async function saveDraft(user: SessionUser, raw: SaveDraftInput, now = new Date()): Promise<SaveResult> {
  const input = SaveDraftSchema.parse(raw);
  const wordCount = countWords(input.text);
  const save = { assignmentId: input.assignmentId, studentId: user.id, baseRevision: input.baseRevision, text: input.text, wordCount, now, checkpoint: input.checkpoint };
  const saved = user.role === "STUDENT" ? await casSaveDraft(save) : null;
  if (saved) {
    // Starting an entry is when history grows, so it is when it is thinned: a second
    // statement about once per five minutes of writing, never on an extending save.
    if (saved.startedEntry) await thinHistory(db(), saved.draftId, now);
    await recordPastes(saved.draftId, input.pastes, now);
    return { ok: true, draft: { revision: saved.revision, savedAt: saved.savedAt, wordCount } };
  }
  return refusedSave(user, save, input.pastes);
}

/**
 * The sizes of the pastes this save carried, stored only once its compare-and-swap has
 * succeeded (a refused save stores none: the client sends them again with its next save).
 * Most saves carry none and cost nothing here; one that does adds one INSERT.
 * See docs/decisions/023-writing-process.md.
 */
async function recordPastes(draftId: string, pastes: number[] | undefined, at: Date) {
  if (!pastes?.length) return;
  // Raw, as one statement: createMany wraps its INSERT in BEGIN/COMMIT (two more round trips).
  // The time as UTC text cast to timestamp(3), as save-draft-cas.ts writes the save's own.
  const when = at.toISOString();
  await db().$executeRaw`
    INSERT INTO "DraftPaste" (id, "draftId", at, chars)
    VALUES ${Prisma.join(pastes.map((chars) => Prisma.sql`(${newId()}, ${draftId}, ${when}::timestamp(3), ${chars}::int)`))}`;
}

/**
 * Why the one-statement save was refused: not theirs (404/403), closed or submitted (423), or
 * stale (the newer text). A refusal is only reported when the row says so: when the draft is
 * still at the save's base revision the statement missed it for a passing reason (the row did
 * not exist yet, or a racing first save from another tab had just created it), so the save is
 * tried again rather than answered with a "conflict" against the very revision it was based on.
 */
async function refusedSave(user: SessionUser, save: CasSave, pastes: number[] | undefined): Promise<SaveResult> {
  const assignment = await requireOwnWork(user, save.assignmentId);
  assertOpen(assignment);
  const where = { assignmentId_studentId: { assignmentId: save.assignmentId, studentId: user.id } };
  const read = () => db().draft.findUnique({ where, select: { ...snapshotSelect, submittedAt: true } });
  let current = await read();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!current && save.baseRevision === 0) {
      // The workspace creates the row when it opens (getOwnWorkspace); a first save that
      // arrives without one (a client that never loaded the page, a row lost to a reset) is
      // still kept rather than refused, on this slow path only.
      await ensureDraft(user.id, save.assignmentId);
      current = await read();
    }
    if (!current) throw new AppError("There is no draft to save into yet. Reload the page; your text is kept in this browser.", 409);
    if (current.submittedAt) throw new AppError("This essay has been submitted, so it is locked. Your teacher can see the submitted version.", 423);
    if (current.revision !== save.baseRevision) return { ok: false, conflict: toSnapshot(current) };
    const retried = await casSaveDraft(save);
    if (retried) {
      if (retried.startedEntry) await thinHistory(db(), retried.draftId, save.now);
      await recordPastes(retried.draftId, pastes, save.now);
      return { ok: true, draft: { revision: retried.revision, savedAt: retried.savedAt, wordCount: save.wordCount } };
    }
    current = await read();
  }
  // Still at the base revision after three tries: something other than a newer save refuses
  // it (e.g. the enrolment ended between the checks). Ask the client to reload, keeping its copy.
  throw new AppError("Your work could not be saved just now. Reload the page; your text is kept in this browser.", 409);
}

/**
 * Hands the draft in: locks it, records when, and freezes a copy as the next numbered
 * version (1 = first submission, 2+ = redrafts after feedback). Only the first submission
 * can be late; a redraft answers the teacher's feedback, not the deadline. Refused if the
 * tab is stale.
 */
export async function submitDraft(user: SessionUser, raw: { assignmentId: string; baseRevision: number; text?: string }, now = new Date()) {
  const input = SubmitDraftSchema.parse(raw);
  const assignment = await requireOwnWork(user, input.assignmentId);
  assertOpen(assignment);
  const draft = await db().draft.findUnique({
    where: { assignmentId_studentId: { assignmentId: input.assignmentId, studentId: user.id } },
    select: { id: true, wordCount: true, text: true, revision: true, submittedAt: true, late: true, paragraphLinks: true, _count: { select: { submissions: true } } },
  });
  if (draft?.submittedAt) throw new AppError("You have already submitted this essay.", 409);
  // The editor sends the text on screen with the revision its autosave last confirmed, and it
  // is saved and handed in together: what is submitted is exactly what the student sees
  // (docs/decisions/006-autosave-state-machine.md). Without text, the saved text is handed in.
  const text = input.text ?? draft?.text ?? "";
  const wordCount = input.text === undefined ? (draft?.wordCount ?? 0) : countWords(text);
  if (!draft || wordCount === 0) throw new AppError("Write your essay before you submit it.", 422);
  if (draft.revision !== input.baseRevision) {
    throw new AppError("A newer version of your essay was saved elsewhere. Check the text on this page, then submit again.", 409);
  }
  const number = draft._count.submissions + 1;
  const late = number === 1 ? now.getTime() > assignment.dueAt.getTime() : false;
  return db().$transaction(async (tx) => {
    const { count } = await tx.draft.updateMany({
      where: { id: draft.id, revision: input.baseRevision, submittedAt: null },
      data: { text, wordCount, submittedAt: now, late: number === 1 ? late : draft.late, revision: { increment: 1 } },
    });
    if (count === 0) throw new AppError("A newer version of your essay was saved elsewhere. Check the text on this page, then submit again.", 409);
    await tx.draftRevision.create({ data: { draftId: draft.id, text, wordCount, reason: "SUBMIT" } });
    // The coverage panel's links travel with the version, so the desk shows what the student linked.
    const { id } = await tx.submission.create({ data: { draftId: draft.id, number, text, wordCount, submittedAt: now, late, paragraphLinks: readLinks(draft.paragraphLinks) }, select: { id: true } });
    // A redraft tells its marker (decision 047); first hand-ins reach teachers in the daily digest.
    if (number > 1) await enqueue(tx, "notify", { type: "resubmitted", submissionId: id });
    return { submittedAt: now, late, number };
  });
}
