// history-policy's thinRevisions as one statement, with no database client, so both the
// app (history-store.ts, through Prisma) and the autosave fast path (through its pg pool)
// thin with exactly this SQL. Parameters: $1 the draft's id, $2 the cutoff (ISO text in UTC).
//
// An AUTOSAVE entry older than a day goes when the next entry falls in the same clock hour
// (so it is not the hour's last) and did not replace its text (a restore, an outline, a
// paste or a cut). Ordered by time then id in byte order, as the pure rule orders them.
// tests/integration/draft-history.test.ts checks that both agree. The same statement keeps
// each removed entry's timing (no text) as a DraftSpan, so the writing-process summary
// (lib/process/) still sees every session.
export const THIN_HISTORY_SQL = `WITH gone AS (
DELETE FROM "DraftRevision" AS d
USING (
  SELECT id, reason, "createdAt",
         lead("createdAt") OVER w AS next_at,
         lead(reason) OVER w AS next_reason
  FROM "DraftRevision"
  WHERE "draftId" = $1::text
  WINDOW w AS (ORDER BY "createdAt", id COLLATE "C")
) AS e
WHERE d.id = e.id
  AND e.reason = 'AUTOSAVE'
  AND e."createdAt" < $2::timestamp(3)
  AND e.next_at IS NOT NULL
  AND date_trunc('hour', e.next_at) = date_trunc('hour', e."createdAt")
  AND e.next_reason NOT IN ('RESTORE', 'OUTLINE', 'PASTE', 'CUT')
RETURNING d.id, d."draftId", d."createdAt", d."updatedAt", d."wordCount"
)
INSERT INTO "DraftSpan" (id, "draftId", "startedAt", "endedAt", "wordCount")
SELECT id, "draftId", "createdAt", "updatedAt", "wordCount" FROM gone`;
