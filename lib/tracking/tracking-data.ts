import { db } from "../db";
import { assertTeacher, requireTeacherOf, requireTeacherOfAssignment, taughtBy } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { notFound } from "../errors";
import { AwardSchema } from "../marking/schemas";
import { funnel, heatmapFromTallies, heatmapRows, markDistribution } from "./analytics";
import type { Board, BoardColumn, BoardFilter, TrackedAssignment } from "./board";
import { boardPage, columnSummaries, departmentSummaries, emptySummary, PAGE_SIZE, type ColumnSummary } from "./internal/board-sql";
import { HEATMAP_PAGE_SIZE, markedWork } from "./internal/analytics-sql";
import { loadAssignments, loadTracking } from "./internal/load-tracking";
import { candidateRows, maskBlindColumns } from "../marking/blind-board";
import { classCandidateNumbers } from "../marking/internal/candidate-numbers";
import { displayName } from "../marking/display-name";

// The board, the analytics and the department view for the acting teacher: each authorizes,
// then reads a fixed number of statements. Counting, filtering, sorting and paging happen in
// SQL (internal/board-sql.ts); only one page of students is loaded in full.

export type ClassBoard = { classroom: { id: string; name: string; yearGroup: string }; board: Board };

/** The whole board (every student): for the class's CSV export and the tests. */
export async function getClassBoard(user: SessionUser, classroomId: string, now = new Date()): Promise<ClassBoard> {
  await requireTeacherOf(user, classroomId);
  const [only] = await loadTracking({ classroomIds: [classroomId] }, now);
  if (!only) throw notFound("That class");
  // The class export names every student: blind columns whose names are hidden are left blank.
  return { ...only, board: maskBlindColumns(only.board) };
}

const scopeOf = (classroomIds: string[], assignments: TrackedAssignment[], now: Date) => ({
  classroomIds,
  assignments: assignments.map((a) => ({ id: a.id, totalMarks: a.rubric.totalMarks })),
  now,
});

const column = (a: TrackedAssignment, i: number, summary: ColumnSummary | undefined): BoardColumn => ({ ...a, number: i + 1, ...(summary ?? emptySummary()) });

export type BoardPage = ClassBoard & {
  /** Every column, numbered A1… in due order, with its summaries over the whole class. */
  columns: BoardColumn[];
  students: number;
  matched: number;
  page: number;
  pages: number;
  /** Filtered to a blind assignment whose names are hidden: rows are candidate numbers (decision 029). */
  candidateView: boolean;
};

/**
 * One page of the filtered, sorted board: `board` holds the page's rows and the chosen
 * column(s); the column summaries and the counts cover the whole class.
 */
export async function getBoardPage(user: SessionUser, classroomId: string, filter: BoardFilter, requestedPage = 1, now = new Date()): Promise<BoardPage> {
  await requireTeacherOf(user, classroomId);
  const assignments = await loadAssignments([classroomId]);
  const scope = { ...scopeOf([classroomId], assignments, now), classroomId };
  // Blind marking (decision 029): the column view of a hidden assignment shows candidate
  // numbers, drawn before the page's SQL orders the rows by them; elsewhere its cells are blank.
  const hiddenIds = assignments.filter((a) => a.namesHidden).map((a) => a.id);
  const candidatesOf = filter.assignmentId && hiddenIds.includes(filter.assignmentId) ? filter.assignmentId : undefined;
  const numbers = candidatesOf ? await classCandidateNumbers(candidatesOf) : null;
  const blind = { hiddenIds, candidatesOf };
  let page = Math.max(1, Math.floor(requestedPage) || 1);
  const first = await boardPage(scope, filter, page, PAGE_SIZE, blind);
  const { summaries, students } = first;
  const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
  // Past the end (a stale link): show the last page rather than an empty one.
  const chosen = page > pages ? await boardPage(scope, filter, (page = pages), PAGE_SIZE, blind) : first;
  const [loaded] = await loadTracking({ classroomIds: [classroomId], studentIds: chosen.ids }, now, assignments);
  if (!loaded) throw notFound("That class");
  const columns = assignments.map((a, i) => column(a, i, summaries.get(a.id)));
  const keep = columns.flatMap((c, i) => (!filter.assignmentId || c.id === filter.assignmentId ? [i] : []));
  const full = candidatesOf ? loaded.board : maskBlindColumns(loaded.board);
  const byId = new Map(full.rows.map((r) => [r.student.id, r]));
  const rows = chosen.ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, cells: keep.map((i) => r.cells[i]!) }] : [];
  });
  const shown = { columns: keep.map((i) => columns[i]!), rows };
  const board = numbers ? candidateRows(shown, numbers) : shown;
  return { classroom: loaded.classroom, columns, board, students, matched: chosen.total, page, pages, candidateView: !!numbers };
}

export type ClassOverview = {
  classroom: { id: string; name: string; yearGroup: string };
  columns: BoardColumn[];
  students: number;
  inactive: number;
  averagePercent: number | null;
};

/** Every class the teacher teaches (owns or co-teaches), each with its assignments' summaries (the department view). */
export async function getDepartmentOverview(user: SessionUser, now = new Date()): Promise<ClassOverview[]> {
  assertTeacher(user);
  const classes = await db().classroom.findMany({ where: taughtBy(user.id), orderBy: { name: "asc" }, select: { id: true, name: true, yearGroup: true } });
  if (!classes.length) return [];
  const ids = classes.map((c) => c.id);
  const assignments = await loadAssignments(ids);
  const scope = scopeOf(ids, assignments, now);
  const { columns: summaries, classes: perClass } = await departmentSummaries(scope);
  return classes.map((classroom) => ({
    classroom,
    columns: assignments.filter((a) => a.classroomId === classroom.id).map((a, i) => column(a, i, summaries.get(a.id))),
    students: perClass.get(classroom.id)?.students ?? 0,
    inactive: perClass.get(classroom.id)?.inactive ?? 0,
    averagePercent: perClass.get(classroom.id)?.averagePercent ?? null,
  }));
}

const awardsOf = (json: unknown) => {
  const parsed = AwardSchema.array().safeParse(json);
  return parsed.success ? parsed.data : [];
};

/**
 * The funnel, the distribution of totals and the level heatmap for one assignment. The
 * counts, the distribution and the heatmap's averages cover the whole class; the heatmap's
 * rows are one page of the marked students (HEATMAP_PAGE_SIZE, by name), so a large class's
 * page stays small.
 */
export async function getAssignmentAnalytics(user: SessionUser, assignmentId: string, now = new Date(), requestedPage = 1) {
  const { classroomId } = await requireTeacherOfAssignment(user, assignmentId);
  const [classroom, assignments] = await Promise.all([
    db().classroom.findUnique({ where: { id: classroomId }, select: { id: true, name: true, yearGroup: true } }),
    loadAssignments([classroomId]),
  ]);
  const index = assignments.findIndex((a) => a.id === assignmentId);
  if (!classroom || index < 0) throw notFound("That assignment");
  const only = assignments[index]!;
  const scope = scopeOf([classroomId], [only], now);
  let page = Math.max(1, Math.floor(requestedPage) || 1);
  // Blind with names hidden (decision 029): every row by candidate number, in number order.
  const hidden = !!only.namesHidden;
  if (hidden) await classCandidateNumbers(assignmentId);
  const [summaries, students, first] = await Promise.all([
    columnSummaries(scope),
    db().enrolment.count({ where: { classroomId } }),
    markedWork(classroomId, assignmentId, page, HEATMAP_PAGE_SIZE, hidden),
  ]);
  const pages = Math.max(1, Math.ceil(first.marked / HEATMAP_PAGE_SIZE));
  // Past the end (a stale link): the last page rather than an empty one.
  const work = page > pages ? await markedWork(classroomId, assignmentId, (page = pages), HEATMAP_PAGE_SIZE, hidden) : first;
  const assignment = column(only, index, summaries.get(assignmentId));
  const rubric = assignment.rubric;
  const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name, levelCount: c.levels.length }));
  return {
    classroom,
    assignment,
    students,
    funnel: funnel(Object.entries(assignment.counts).flatMap(([status, n]) => Array.from({ length: n }, () => status as keyof typeof assignment.counts))),
    distribution: markDistribution(
      work.totals.flatMap((t) => Array.from({ length: t.n }, () => t.total)),
      rubric.totalMarks,
    ),
    marked: work.marked,
    averageMark: assignment.averageMark,
    heatmap: heatmapFromTallies(criteria, work.tallies, heatmapRows({ criteria, students: work.rows.map((m) => ({ id: m.id, name: displayName(m, { hidden, candidate: m.cand }), awards: awardsOf(m.awards) })) })),
    heatmapPage: { page, pages, pageSize: HEATMAP_PAGE_SIZE },
  };
}

export type AssignmentAnalytics = Awaited<ReturnType<typeof getAssignmentAnalytics>>;
