import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { THIN_AFTER_MS, type RevisionReason } from "../history-policy";

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
  const cutoff = new Date(now.getTime() - THIN_AFTER_MS);
  return tx.$executeRaw`
    WITH gone AS (
    DELETE FROM "DraftRevision" AS d
    USING (
      SELECT id, reason, "createdAt",
             lead("createdAt") OVER w AS next_at,
             lead(reason) OVER w AS next_reason
      FROM "DraftRevision"
      WHERE "draftId" = ${draftId}
      WINDOW w AS (ORDER BY "createdAt", id COLLATE "C")
    ) AS e
    WHERE d.id = e.id
      AND e.reason = 'AUTOSAVE'
      AND e."createdAt" < ${cutoff}
      AND e.next_at IS NOT NULL
      AND date_trunc('hour', e.next_at) = date_trunc('hour', e."createdAt")
      AND e.next_reason NOT IN ('RESTORE', 'OUTLINE', 'PASTE', 'CUT')
    RETURNING d.id, d."draftId", d."createdAt", d."updatedAt", d."wordCount"
    )
    INSERT INTO "DraftSpan" (id, "draftId", "startedAt", "endedAt", "wordCount")
    SELECT id, "draftId", "createdAt", "updatedAt", "wordCount" FROM gone`;
}
