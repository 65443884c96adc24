import "server-only";
import { db } from "../../db";
import { newId } from "../../new-id";
import { ENTRY_SPAN_MS, SHRINK_FRACTION, SHRINK_MIN_WORDS, SHRINK_WORDS, type Checkpoint } from "../history-policy";

// The autosave as ONE statement (docs/decisions/016-lean-save-path.md): the compare-and-swap
// UPDATE carries every condition the save needs — the student's own draft, still enrolled in
// the class, the assignment open, the draft not submitted, the base revision current — and
// the same statement writes history: it extends the newest entry or starts one, by the rule
// of history-policy.ts's decideHistoryEntry. The thresholds are that file's constants, sent
// as parameters, so there is one place to change them; tests/integration/save-draft-cas.test.ts
// checks the SQL and the pure rule agree on many random cases.
//
// Internal: the caller passes the acting user's own id. Zero rows means "refused"; the
// caller then works out why with ordinary queries (a refusal may cost more statements).

const CHECKPOINT_REASON = { outline: "OUTLINE", paste: "PASTE" } as const;

const SQL = `
WITH saved AS (
  UPDATE "Draft" AS d
     SET text = $3::text, "wordCount" = $4::int, revision = d.revision + 1, "updatedAt" = $5::timestamp(3)
    FROM "Assignment" AS a, "Enrolment" AS e
   WHERE d."assignmentId" = $1::text AND d."studentId" = $2::text
     AND d.revision = $6::int AND d."submittedAt" IS NULL
     AND a.id = d."assignmentId" AND a.status = 'OPEN'
     AND e."classroomId" = a."classroomId" AND e."studentId" = d."studentId"
  RETURNING d.id, d.revision, d."updatedAt"
),
latest AS (
  SELECT r.id, r.reason, r."createdAt", r."wordCount"
    FROM "DraftRevision" AS r, saved
   WHERE r."draftId" = saved.id
   ORDER BY r."createdAt" DESC, r.id COLLATE "C" DESC
   LIMIT 1
),
decision AS (
  SELECT saved.id AS draft_id, latest.id AS latest_id,
         CASE
           WHEN $7::text IS NOT NULL THEN $7::text
           WHEN latest.id IS NULL THEN 'AUTOSAVE'
           WHEN latest."wordCount" - $4::int >= $9::int
             OR (latest."wordCount" - $4::int >= $10::int
                 AND (latest."wordCount" - $4::int)::float8 > latest."wordCount"::float8 * $11::float8) THEN 'CUT'
           WHEN latest.reason <> 'AUTOSAVE' THEN 'AUTOSAVE'
           WHEN latest."createdAt" <= $8::timestamp(3) THEN 'AUTOSAVE'
         END AS new_reason
    FROM saved LEFT JOIN latest ON true
),
extended AS (
  UPDATE "DraftRevision" AS r
     SET text = $3::text, "wordCount" = $4::int, "updatedAt" = $5::timestamp(3)
    FROM decision
   WHERE r.id = decision.latest_id AND decision.new_reason IS NULL
  RETURNING r.id
),
started AS (
  INSERT INTO "DraftRevision" (id, "draftId", text, "wordCount", reason, "createdAt", "updatedAt")
  SELECT $12::text, draft_id, $3::text, $4::int, new_reason::"RevisionReason", $5::timestamp(3), $5::timestamp(3)
    FROM decision WHERE new_reason IS NOT NULL
  RETURNING id
)
SELECT saved.id AS "draftId", saved.revision, (SELECT count(*) FROM started)::int AS started
  FROM saved`;

export type CasSave = { assignmentId: string; studentId: string; baseRevision: number; text: string; wordCount: number; now: Date; checkpoint?: Checkpoint };
export type CasSaved = { draftId: string; revision: number; savedAt: Date; startedEntry: boolean };

/** ISO text in UTC: cast to `timestamp(3)` (Prisma's DateTime) it is the same instant whatever the session's time zone. */
const utc = (d: Date) => d.toISOString();

export async function casSaveDraft(save: CasSave): Promise<CasSaved | null> {
  const rows = await db().$queryRawUnsafe<{ draftId: string; revision: number; started: number }[]>(
    SQL,
    save.assignmentId,
    save.studentId,
    save.text,
    save.wordCount,
    utc(save.now),
    save.baseRevision,
    save.checkpoint ? CHECKPOINT_REASON[save.checkpoint] : null,
    utc(new Date(save.now.getTime() - ENTRY_SPAN_MS)),
    SHRINK_WORDS,
    SHRINK_MIN_WORDS,
    SHRINK_FRACTION,
    newId(),
  );
  const row = rows[0];
  // The row's updatedAt is `now`, set above: no need to read it back.
  return row ? { draftId: row.draftId, revision: row.revision, savedAt: save.now, startedEntry: row.started > 0 } : null;
}
