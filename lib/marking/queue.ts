import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { assertTeacher, taughtClassroomIds } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { displayName } from "./display-name";
import { namesHidden } from "./blind";
import { candidateNumbers } from "./internal/candidate-numbers";

// The teacher's marking queue: every handed-in version still waiting for its marking to be
// returned, across the classes they teach, oldest hand-in first (docs/decisions/027).
// One SQL statement a page whatever the size of the classes; the scope is policy's
// taughtClassroomIds, so co-teachers see their shared classes' work with no change here.

export const QUEUE_PAGE_SIZE = 50;

/** "new": nothing saved yet; "begun": some levels saved; "marked": complete but not returned. */
export type QueueState = "new" | "begun" | "marked";

export type QueueItem = {
  submissionId: string;
  assignmentId: string;
  studentId: string;
  student: string;
  classroom: string;
  question: string;
  version: number;
  submittedAt: Date;
  late: boolean;
  state: QueueState;
  // Who saved the marking so far, when it is begun (with co-teachers, perhaps someone else).
  markerName: string | null;
  href: string;
};

type Row = Omit<QueueItem, "student" | "state" | "href"> & {
  studentName: string;
  markingStatus: string | null;
  total: number | null;
  // Blind marking (decision 029): the item shows the candidate number while names are hidden.
  blindMarking: boolean;
  namesRevealedAt: Date | null;
  candidate: number | null;
};

// Only a student's latest version can wait: an earlier one was returned before the redraft
// began (submitDraft refuses otherwise). Checking it keeps the queue right even so, and
// leaves out students who have since left the class, whose work the desk will not open.
function waiting(user: SessionUser): Prisma.Sql {
  return Prisma.sql`
  FROM "Submission" s
  JOIN "Draft" d ON d.id = s."draftId"
  JOIN "Assignment" a ON a.id = d."assignmentId"
  JOIN "Enrolment" e ON e."classroomId" = a."classroomId" AND e."studentId" = d."studentId"
  LEFT JOIN "Marking" m ON m."submissionId" = s.id
  WHERE a."classroomId" IN (${taughtClassroomIds(user)})
    AND (m.id IS NULL OR m.status <> 'RETURNED')
    AND NOT EXISTS (SELECT 1 FROM "Submission" newer WHERE newer."draftId" = s."draftId" AND newer.number > s.number)`;
}

const columns = Prisma.sql`
  w.id AS "submissionId", w."assignmentId", w."studentId", u.name AS "studentName", c.name AS classroom, q.text AS question,
  w.number AS version, w."submittedAt", w.late, w."markingStatus", w.total, mk.name AS "markerName",
  a."blindMarking", a."namesRevealedAt", cn.number AS candidate`;

// LEFT JOINs: the queue page's empty row (see getMarkingQueue) must survive them.
const details = Prisma.sql`
  LEFT JOIN "User" u ON u.id = w."studentId"
  LEFT JOIN "Assignment" a ON a.id = w."assignmentId"
  LEFT JOIN "Classroom" c ON c.id = a."classroomId"
  LEFT JOIN "Question" q ON q.id = a."questionId"
  LEFT JOIN "User" mk ON mk.id = w."markerId"
  LEFT JOIN "CandidateNumber" cn ON cn."assignmentId" = w."assignmentId" AND cn."studentId" = w."studentId"`;

const picked = (user: SessionUser) => Prisma.sql`
  SELECT s.id, d."assignmentId", d."studentId", s.number, s."submittedAt", s.late, m.status::text AS "markingStatus", m.total, m."markerId"
  ${waiting(user)}`;

function toItem(r: Row): QueueItem {
  const { studentName, markingStatus, total, blindMarking, namesRevealedAt, candidate, ...rest } = r;
  return {
    ...rest,
    student: displayName({ name: studentName }, { hidden: namesHidden({ blindMarking, namesRevealedAt }), candidate }),
    state: markingStatus === null ? "new" : total === null ? "begun" : "marked",
    href: `/assignments/${r.assignmentId}/students/${r.studentId}/mark`,
  };
}

// A blind item whose student has no number yet (handed in before the first blind screen was
// opened) is given one here: rare, and never on an assignment that is not blind, so the
// queue's statement count stays the same for the common case.
async function withCandidates<R extends Row>(rows: R[]): Promise<R[]> {
  const missing = rows.filter((r) => r.candidate === null && namesHidden(r));
  if (!missing.length) return rows;
  const drawn = new Map<string, Map<string, number>>();
  for (const assignmentId of new Set(missing.map((r) => r.assignmentId))) {
    drawn.set(assignmentId, await candidateNumbers(assignmentId, missing.filter((r) => r.assignmentId === assignmentId).map((r) => r.studentId)));
  }
  return rows.map((r) => (r.candidate === null && namesHidden(r) ? { ...r, candidate: drawn.get(r.assignmentId)?.get(r.studentId) ?? null } : r));
}

/** One page of the queue and the number waiting in all; a page past the end is empty. */
export async function getMarkingQueue(user: SessionUser, page = 1): Promise<{ items: QueueItem[]; total: number; page: number; pages: number }> {
  assertTeacher(user);
  const offset = (Math.max(1, page) - 1) * QUEUE_PAGE_SIZE;
  // The count rides on the page's rows; the LEFT JOIN from a single row keeps it when the page is empty.
  const rows = await db().$queryRaw<(Partial<Row> & { waitingCount: number })[]>`
    WITH queue AS (${picked(user)})
    SELECT (SELECT count(*) FROM queue)::int AS "waitingCount", ${columns}
    FROM (SELECT 1) one
    LEFT JOIN (SELECT * FROM queue ORDER BY "submittedAt", id LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${offset}) w ON true
    ${details}
    ORDER BY w."submittedAt", w.id`;
  const total = rows[0]?.waitingCount ?? 0;
  const items = (await withCandidates(rows.filter((r): r is Row & { waitingCount: number } => r.submissionId != null))).map(toItem);
  return { items, total, page: Math.max(1, page), pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

/**
 * The essay to mark after `afterSubmissionId`: the next one in queue order, or from the start
 * once the end is passed, never the same one again. With no cursor (or one the teacher cannot
 * see), the oldest. Null when nothing else waits.
 */
export async function nextToMark(user: SessionUser, afterSubmissionId?: string): Promise<QueueItem | null> {
  assertTeacher(user);
  const after = afterSubmissionId ?? "";
  const [row] = await db().$queryRaw<Row[]>`
    WITH queue AS (${picked(user)}),
    cur AS (
      SELECT s."submittedAt", s.id FROM "Submission" s JOIN "Draft" d ON d.id = s."draftId" JOIN "Assignment" a ON a.id = d."assignmentId"
      WHERE s.id = ${after} AND a."classroomId" IN (${taughtClassroomIds(user)})
    )
    SELECT ${columns}
    FROM queue w LEFT JOIN cur ON true
    ${details}
    WHERE w.id <> ${after}
    ORDER BY COALESCE((w."submittedAt", w.id) > (cur."submittedAt", cur.id), true) DESC, w."submittedAt", w.id
    LIMIT 1`;
  return row ? toItem((await withCandidates([row]))[0]!) : null;
}
