import "server-only";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { BoardFilter } from "../board";
import { CELL_STATUS_ORDER, type CellStatus } from "../cell-status";
import { cellsCte, statusMatch, type CellScope } from "./cell-sql";

// Internal: callers have already authorized the teacher. The aggregates and the page of
// students behind the board and the department view, each one SQL statement over the
// `cells` of cell-sql.ts, whatever the size of the class.

export type ColumnSummary = { counts: Record<CellStatus, number>; overdue: number; averageMark: number | null; marked: number };

const emptyCounts = (): Record<CellStatus, number> => Object.fromEntries(CELL_STATUS_ORDER.map((s) => [s, 0])) as Record<CellStatus, number>;
export const emptySummary = (): ColumnSummary => ({ counts: emptyCounts(), overdue: 0, averageMark: null, marked: 0 });

type ColumnRow = { assignmentId: string; status: CellStatus; n: number; overdue: number; marks: number | null; marked: number };
const COLUMN_ROWS = Prisma.sql`SELECT "assignmentId", status, count(*)::int AS n, count(*) FILTER (WHERE overdue)::int AS overdue, sum(mark)::float8 AS marks, count(mark)::int AS marked
FROM cells GROUP BY "assignmentId", status`;

/** Per assignment: students in each status, overdue, the average of the latest complete totals. */
export async function columnSummaries(scope: CellScope): Promise<Map<string, ColumnSummary>> {
  if (!scope.assignments.length) return new Map();
  return summarise(await db().$queryRaw<ColumnRow[]>`${cellsCte(scope)} ${COLUMN_ROWS}`);
}

function summarise(rows: ColumnRow[]): Map<string, ColumnSummary> {
  const out = new Map<string, ColumnSummary>();
  const sums = new Map<string, number>();
  for (const r of rows) {
    const s = out.get(r.assignmentId) ?? emptySummary();
    s.counts[r.status] += r.n;
    s.overdue += r.overdue;
    s.marked += r.marked;
    sums.set(r.assignmentId, (sums.get(r.assignmentId) ?? 0) + (r.marks ?? 0));
    out.set(r.assignmentId, s);
  }
  // Rounded to one decimal, as buildBoard does.
  for (const [id, s] of out) s.averageMark = s.marked ? Math.round((10 * sums.get(id)!) / s.marked) / 10 : null;
  return out;
}

export const PAGE_SIZE = 50;

/** `cells` for the scope, or an empty `cells` when it has no assignments (the statement's other parts still run). */
const cellsOrNone = (scope: CellScope) =>
  scope.assignments.length
    ? cellsCte(scope)
    : Prisma.sql`WITH cells AS (SELECT NULL::text AS "classroomId", NULL::text AS "studentId", NULL::text AS "assignmentId", NULL::float8 AS act, NULL::float8 AS share, NULL::text AS status, false AS overdue, false AS inactive, NULL::int AS mark WHERE false)`;

/**
 * The students on one page of the filtered, sorted board (filterBoard in board.ts, in SQL):
 * a row matches when one of its cells in the chosen column(s) matches the status; the row's
 * last activity and average are over all its cells. Also the number of matching students,
 * the class's number of students and the column summaries over the whole class, from the
 * same materialised `cells`: one round trip.
 */
// Blind marking (docs/decisions/029): `hiddenIds` are blind columns whose names are hidden;
// on the named board they neither match a status nor count in a row's activity or average.
// `candidatesOf` is the hidden column being viewed on its own: rows go in candidate-number
// order and a name search is ignored, so neither the order nor a search gives a name away.
export type BlindScope = { hiddenIds: string[]; candidatesOf?: string };

export async function boardPage(scope: CellScope & { classroomId: string }, filter: BoardFilter, page: number, pageSize = PAGE_SIZE, blind: BlindScope = { hiddenIds: [] }) {
  const needle = blind.candidatesOf ? "" : (filter.student?.trim().toLowerCase() ?? "");
  const inColumn = filter.assignmentId ? Prisma.sql`"assignmentId" = ${filter.assignmentId}` : Prisma.sql`true`;
  const masked = blind.hiddenIds.filter((id) => id !== blind.candidatesOf);
  const visible = masked.length ? Prisma.sql`"assignmentId" NOT IN (${Prisma.join(masked)})` : Prisma.sql`true`;
  const order = blind.candidatesOf
    ? Prisma.sql`cand ASC NULLS LAST, id`
    : filter.sort === "activity"
      ? Prisma.sql`last ASC NULLS FIRST, lower(name), id`
      : filter.sort === "mark"
        ? Prisma.sql`avgp ASC NULLS LAST, lower(name), id`
        : Prisma.sql`lower(name), id`;
  const [row] = await db().$queryRaw<{ students: number; total: number; ids: string[]; columns: ColumnRow[] | null }[]>`${cellsOrNone(scope)},
col AS (${COLUMN_ROWS}),
per AS (
  SELECT "studentId", max(act) FILTER (WHERE ${visible}) AS last, round((100 * avg(share) FILTER (WHERE ${visible}))::numeric) AS avgp,
    bool_or((${statusMatch(filter.status)}) AND ${inColumn} AND ${visible}) AS hit
  FROM cells GROUP BY "studentId"
),
matched AS (
  SELECT u.id, u.name, per.last, per.avgp, cn.number AS cand
  FROM "Enrolment" e JOIN "User" u ON u.id = e."studentId" LEFT JOIN per ON per."studentId" = u.id
  LEFT JOIN "CandidateNumber" cn ON cn."assignmentId" = ${blind.candidatesOf ?? ""} AND cn."studentId" = u.id
  WHERE e."classroomId" = ${scope.classroomId}
    AND (${needle} = '' OR strpos(lower(u.name), ${needle}) > 0 OR strpos(u.email, ${needle}) > 0)
    AND (${filter.status ?? ""} = '' OR COALESCE(per.hit, false))
)
SELECT (SELECT count(*)::int FROM "Enrolment" WHERE "classroomId" = ${scope.classroomId}) AS students,
  (SELECT count(*)::int FROM matched) AS total,
  ARRAY(SELECT id FROM matched ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) AS ids,
  (SELECT json_agg(col) FROM col) AS columns`;
  return { students: row?.students ?? 0, total: row?.total ?? 0, ids: row?.ids ?? [], summaries: summarise(row?.columns ?? []) };
}

export type ClassSummary = { students: number; inactive: number; averagePercent: number | null };

/**
 * The department view in one statement: the column summaries and, per class, its number of
 * students, the students with no recent activity on some open assignment and the mean of
 * the students' averages. The summaries read one materialised `cells`.
 */
export async function departmentSummaries(scope: CellScope): Promise<{ columns: Map<string, ColumnSummary>; classes: Map<string, ClassSummary> }> {
  if (!scope.classroomIds.length) return { columns: new Map(), classes: new Map() };
  type ClassRow = { classroomId: string; students: number; inactive: number | null; average: number | null };
  const [row] = await db().$queryRaw<{ columns: ColumnRow[] | null; classes: ClassRow[] | null }[]>`${cellsOrNone(scope)},
per AS (
  SELECT "classroomId", "studentId", bool_or(inactive) AS inactive, round((100 * avg(share))::numeric) AS avgp
  FROM cells GROUP BY "classroomId", "studentId"
),
col AS (${COLUMN_ROWS}),
cls AS (SELECT "classroomId", count(*) FILTER (WHERE inactive)::int AS inactive, round(avg(avgp))::float8 AS average FROM per GROUP BY "classroomId"),
enrolled AS (SELECT "classroomId", count(*)::int AS students FROM "Enrolment" WHERE "classroomId" = ANY(${scope.classroomIds}::text[]) GROUP BY "classroomId")
SELECT (SELECT json_agg(col) FROM col) AS columns,
  (SELECT json_agg(json_build_object('classroomId', e."classroomId", 'students', e.students, 'inactive', cls.inactive, 'average', cls.average)) FROM enrolled e LEFT JOIN cls USING ("classroomId")) AS classes`;
  return {
    columns: summarise(row?.columns ?? []),
    classes: new Map((row?.classes ?? []).map((r) => [r.classroomId, { students: r.students, inactive: r.inactive ?? 0, averagePercent: r.average }])),
  };
}
