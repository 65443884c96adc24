import { ENTRY_SPAN_MS, SHRINK_FRACTION, SHRINK_MIN_WORDS, SHRINK_WORDS, type Checkpoint } from "../history-policy";

// The autosave's one statement as text and parameters, with no database client: the app's
// route runs it through Prisma (save-draft-cas.ts) and the autosave fast path
// (lib/fast-path/) through its own pg pool, so both run exactly this SQL.
//
// The compare-and-swap UPDATE carries every condition the save needs — the student's own
// draft, still enrolled in the class, the assignment open, the draft not submitted, the base
// revision current — and the same statement writes history: it extends the newest entry or
// starts one, by the rule of history-policy.ts's decideHistoryEntry. The thresholds are that
// file's constants, sent as parameters, so there is one place to change them;
// tests/integration/save-draft-cas.test.ts checks the SQL and the pure rule agree.
//
// Who the student is comes either as their id (the route has already looked the session up)
// or as the session cookie's stored hash, matched in the same statement: a session that has
// expired, that is due for renewal, or that is not a student's matches nothing, and the save
// is then refused here and answered by the route, which renews or refuses the session.

const CHECKPOINT_REASON = { outline: "OUTLINE", paste: "PASTE" } as const;

const sql = (student: string) => `
WITH saved AS (
  UPDATE "Draft" AS d
     SET text = $3::text, "wordCount" = $4::int, revision = d.revision + 1, "updatedAt" = $5::timestamp(3)
    FROM "Assignment" AS a, "Enrolment" AS e
   WHERE d."assignmentId" = $1::text AND d."studentId" = ${student}
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

const STUDENT_BY_ID = "$2::text";
const STUDENT_BY_SESSION = `(SELECT s."userId" FROM "Session" AS s JOIN "User" AS u ON u.id = s."userId"
                               WHERE s."tokenHash" = $2::text AND s."expiresAt" > $13::timestamp(3) AND u.role = 'STUDENT')`;
const BY_ID = sql(STUDENT_BY_ID);
const BY_SESSION = sql(STUDENT_BY_SESSION);

export type DraftCasInput = { assignmentId: string; baseRevision: number; text: string; wordCount: number; now: Date; checkpoint?: Checkpoint; entryId: string };
/** The student: their id, or their session's token hash and the time it must still be valid after. */
export type DraftCasStudent = { studentId: string } | { tokenHash: string; validAfter: Date };
export type DraftCasRow = { draftId: string; revision: number; started: number };

/** ISO text in UTC: cast to `timestamp(3)` (Prisma's DateTime) it is the same instant whatever the session's time zone. */
const utc = (d: Date) => d.toISOString();

export function draftCasStatement(save: DraftCasInput, student: DraftCasStudent): { text: string; values: unknown[] } {
  const values: unknown[] = [
    save.assignmentId,
    "studentId" in student ? student.studentId : student.tokenHash,
    save.text,
    save.wordCount,
    utc(save.now),
    save.baseRevision,
    save.checkpoint ? CHECKPOINT_REASON[save.checkpoint] : null,
    utc(new Date(save.now.getTime() - ENTRY_SPAN_MS)),
    SHRINK_WORDS,
    SHRINK_MIN_WORDS,
    SHRINK_FRACTION,
    save.entryId,
  ];
  if ("studentId" in student) return { text: BY_ID, values };
  return { text: BY_SESSION, values: [...values, utc(student.validAfter)] };
}
