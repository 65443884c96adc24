import "server-only";
import { Prisma } from "../../generated/prisma/client";

// Internal: callers have already authorized the teacher.
//
// The board's cell status, derived in SQL so that a class of thousands can be counted,
// filtered, sorted and paged without loading its work into JavaScript. It mirrors
// deriveCell / isInactive / buildBoard in lib/tracking/cell-status.ts and board.ts, which
// stay the reference: tests/integration/tracking-sql.test.ts compares the two on the same
// data. Only the latest submission's marking and the latest complete total are read; no
// essay text and no awards JSON.
//
// Times are compared as epoch milliseconds: Prisma stores DateTime as UTC `timestamp(3)`,
// whose epoch is the UTC instant. date_part (float8) rather than extract (numeric since
// PostgreSQL 14): numeric arithmetic on every cell cost about a tenth of the statement;
// round() makes the float8 the exact millisecond again.

export type CellScope = { classroomIds: string[]; assignments: { id: string; totalMarks: number }[]; now: Date };

const ms = (column: string) => Prisma.raw(`round(date_part('epoch', ${column}) * 1000)`);

/** `WITH … cells AS (…)`: one row per enrolled student × assignment in scope. */
export function cellsCte({ classroomIds, assignments, now }: CellScope): Prisma.Sql {
  const nowMs = now.getTime();
  const ids = assignments.map((a) => a.id);
  return Prisma.sql`
WITH asg AS (
  SELECT a.id, a."classroomId", a.status::text AS astatus, ${ms('a."dueAt"')} AS due, t.total
  FROM "Assignment" a JOIN unnest(${ids}::text[], ${assignments.map((a) => a.totalMarks)}::int[]) AS t(id, total) ON t.id = a.id
),
-- The submissions of these assignments' drafts summed up per draft in one GROUP BY (hash
-- joins, no sort, no lookup per draft), the drafts joined in "facts" by their unique key. A
-- draft's submission numbers are unique, so the maximum of number × 4 + code is its latest
-- submission's: code = that % 4 is the latest version's marking (0 none, 1 begun, 2
-- complete, 3 returned); the same with the total in the low 32 bits gives the latest complete
-- total. Plain integers, not max(ARRAY[number, x])[2]: an array built per row cost about a
-- third of this statement. A draft with no submission has no row here (n 0, latest NULL).
sub AS (
  SELECT s."draftId", count(*)::int AS n, max(s.number) AS latest,
    (max(s.number::int8 * 4 + CASE WHEN m.status = 'RETURNED' THEN 3 WHEN m.total IS NOT NULL THEN 2 WHEN m.id IS NOT NULL THEN 1 ELSE 0 END) % 4)::int AS mcode,
    (max(s.number::int8 * 4294967296 + (m.total::int8 + 2147483648)) FILTER (WHERE m.total IS NOT NULL) % 4294967296 - 2147483648)::int AS mark
  FROM "Submission" s JOIN "Draft" d ON d.id = s."draftId"
  LEFT JOIN "Marking" m ON m."submissionId" = s.id
  WHERE d."assignmentId" = ANY(${ids}::text[])
  GROUP BY s."draftId"
),
facts AS (
  SELECT e."classroomId", e."studentId", asg.id AS "assignmentId", asg.astatus, asg.due, asg.total,
    COALESCE(p.revision, 0) AS prev, ${ms('p."updatedAt"')} AS pupd,
    COALESCE(d."wordCount", 0) AS words, d."submittedAt" IS NOT NULL AS handed, COALESCE(d.late, false) AS late, ${ms('d."updatedAt"')} AS dupd,
    COALESCE(sub.n, 0) AS subs, sub.latest, COALESCE(sub.mcode, 0) AS mcode, sub.mark
  FROM "Enrolment" e
  JOIN asg ON asg."classroomId" = e."classroomId"
  LEFT JOIN "Plan" p ON p."assignmentId" = asg.id AND p."studentId" = e."studentId"
  LEFT JOIN "Draft" d ON d."assignmentId" = asg.id AND d."studentId" = e."studentId"
  LEFT JOIN sub ON sub."draftId" = d.id
  WHERE e."classroomId" = ANY(${classroomIds}::text[])
),
acts AS (
  SELECT f.*,
    (f.mcode > 0 AND f.subs >= 1 AND f.latest = f.subs) AS cur,
    GREATEST(CASE WHEN f.prev > 0 THEN f.pupd END, CASE WHEN f.words > 0 OR f.subs > 0 THEN f.dupd END) AS act,
    (NOT f.handed AND f.subs = 0 AND ${nowMs}::float8 > f.due) AS overdue
  FROM facts f
),
statuses AS (
  SELECT x.*,
    CASE
      WHEN x.cur AND x.mcode = 3 THEN 'returned'
      WHEN x.handed THEN CASE
        WHEN x.cur AND x.mcode = 2 THEN 'marked'
        WHEN x.subs >= 2 THEN 'resubmitted'
        WHEN x.late THEN 'late'
        ELSE 'submitted' END
      WHEN x.words <> 0 THEN 'drafting'
      WHEN x.prev <> 0 THEN 'planning'
      ELSE 'not-started'
    END AS status
  FROM acts x
),
-- Only the columns the statements read from "cells": it is materialised (read twice), and
-- every column carried costs on each of its rows.
cells AS (
  SELECT c."classroomId", c."studentId", c."assignmentId", c.status, c.overdue, c.mark, c.act,
    (c.astatus = 'OPEN' AND c.status IN ('not-started', 'planning', 'drafting') AND CASE
      WHEN c.act IS NULL THEN c.overdue
      ELSE floor((${nowMs}::float8 - c.act) / 86400000) >= ${INACTIVE_DAYS}
    END) AS inactive,
    c.mark::float8 / CASE WHEN c.total = 0 THEN 1 ELSE c.total END AS share
  FROM statuses c
)`;
}

// INACTIVE_AFTER_DAYS from cell-status.ts, as SQL.
import { INACTIVE_AFTER_DAYS } from "../cell-status";
const INACTIVE_DAYS = Prisma.raw(String(INACTIVE_AFTER_DAYS));

/** A predicate on a `cells` row for the board's status filter (cellMatches in board.ts). */
export function statusMatch(status: string | undefined): Prisma.Sql {
  if (!status) return Prisma.sql`true`;
  if (status === "overdue") return Prisma.sql`overdue`;
  if (status === "inactive") return Prisma.sql`inactive`;
  if (status === "to-mark") return Prisma.sql`status IN ('submitted', 'late', 'resubmitted')`;
  return Prisma.sql`status = ${status}`;
}
