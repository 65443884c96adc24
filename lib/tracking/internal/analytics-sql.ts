import "server-only";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { CriterionTally } from "../analytics";

// Internal: callers have already authorized the teacher. What an assignment's analytics
// need from its marked work, in one statement whatever the size of the class: each
// enrolled student's latest complete marking (its total and awards), summed up in SQL into
// the count of each total (the distribution) and each criterion's sum and number of levels
// (the heatmap's averages), and the awards of one page of students, by name, for the
// heatmap's rows. A class of 3,000 no longer sends every marking to JavaScript or every
// row to the browser. tests/integration/tracking-sql.test.ts checks it against the pure
// functions over every student.

export const HEATMAP_PAGE_SIZE = 50;

export type MarkedWork = {
  marked: number;
  totals: { total: number; n: number }[];
  tallies: CriterionTally[];
  rows: { id: string; name: string; awards: unknown; cand: number | null }[];
};

// `byCandidate`: the assignment is marked blind with names hidden (decision 029), so the
// heatmap's rows go in candidate-number order (drawn beforehand), never by name.
export async function markedWork(classroomId: string, assignmentId: string, page: number, pageSize = HEATMAP_PAGE_SIZE, byCandidate = false): Promise<MarkedWork> {
  const order = byCandidate ? Prisma.sql`cand, id` : Prisma.sql`name, id`;
  // An award counts when its level is a number, as AwardSchema would have it; awards that
  // are not an array (never written by the app) count as none.
  const [row] = await db().$queryRaw<{ marked: number; totals: MarkedWork["totals"] | null; tallies: CriterionTally[] | null; rows: MarkedWork["rows"] | null }[]>`
WITH latest AS (
  SELECT DISTINCT ON (d.id) d."studentId", m.total, m.awards
  FROM "Draft" d
  JOIN "Enrolment" e ON e."studentId" = d."studentId" AND e."classroomId" = ${classroomId}
  JOIN "Submission" s ON s."draftId" = d.id
  JOIN "Marking" m ON m."submissionId" = s.id
  WHERE d."assignmentId" = ${assignmentId} AND m.total IS NOT NULL
  ORDER BY d.id, s.number DESC
),
totals AS (SELECT total, count(*)::int AS n FROM latest GROUP BY total),
awards AS (
  SELECT a->>'criterionId' AS "criterionId", (a->>'level')::float8 AS level
  FROM latest, jsonb_array_elements(CASE WHEN jsonb_typeof(latest.awards) = 'array' THEN latest.awards ELSE '[]'::jsonb END) a
  WHERE jsonb_typeof(a->'level') = 'number'
),
tallies AS (SELECT "criterionId", sum(level)::float8 AS sum, count(*)::int AS count FROM awards GROUP BY "criterionId"),
shown AS (
  SELECT u.id, u.name, l.awards, cn.number AS cand FROM latest l JOIN "User" u ON u.id = l."studentId"
  LEFT JOIN "CandidateNumber" cn ON cn."assignmentId" = ${assignmentId} AND cn."studentId" = u.id
  ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
)
SELECT (SELECT count(*)::int FROM latest) AS marked, (SELECT json_agg(totals) FROM totals) AS totals,
  (SELECT json_agg(tallies) FROM tallies) AS tallies, (SELECT json_agg(shown ORDER BY ${order}) FROM shown) AS rows`;
  return { marked: row?.marked ?? 0, totals: row?.totals ?? [], tallies: row?.tallies ?? [], rows: row?.rows ?? [] };
}
