import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { THIN_AFTER_MS, type RevisionReason } from "../history-policy";
import { THIN_HISTORY_SQL } from "./thin-history-sql";

// Writes to a draft's history inside the transaction that changed the draft. Internal: the
// caller has already authorised the student and compare-and-swapped the draft itself. An
// autosave's entry is written by the save's own statement (save-draft-cas.ts).

type Tx = Prisma.TransactionClient;

/** A new entry, then the thinning it makes due: history grows only here, so it is bounded here. */
export async function startEntry(tx: Tx, draftId: string, entry: { text: string; wordCount: number; reason: RevisionReason; at: Date }) {
  await tx.draftRevision.create({ data: { draftId, text: entry.text, wordCount: entry.wordCount, reason: entry.reason, createdAt: entry.at, updatedAt: entry.at } });
  await thinHistory(tx, draftId, entry.at);
}

/**
 * history-policy's thinRevisions as one DELETE: an AUTOSAVE entry older than a day goes when
 * the next entry falls in the same clock hour (so it is not the hour's last) and did not
 * replace its text (a restore, an outline, a paste or a cut). Ordered by time then id in
 * byte order, as the pure rule orders them. tests/integration/draft-history.test.ts checks
 * that both agree. The same statement keeps each removed entry's timing (no text) as a
 * DraftSpan, so the writing-process summary (lib/process/) still sees every session.
 */
export async function thinHistory(tx: Tx, draftId: string, now: Date): Promise<number> {
  return tx.$executeRawUnsafe(THIN_HISTORY_SQL, draftId, new Date(now.getTime() - THIN_AFTER_MS).toISOString());
}
