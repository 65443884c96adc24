import type { Award } from "../rubrics/marks";
import type { Rubric } from "../rubrics/rubric-schema";
import { deriveCell, isInactive, type Cell, type CellStatus } from "./cell-status";

// The class board as plain data: students × assignments, one derived cell each. Built from
// rows the data layer loads in a fixed number of queries (lib/tracking/tracking-data.ts),
// so it can be tested, filtered and exported without a database.

export type TrackedAssignment = {
  id: string;
  classroomId: string;
  questionText: string;
  dueAt: Date;
  createdAt: Date;
  status: "OPEN" | "CLOSED";
  rubric: Rubric;
  /** Marked blind with the names still hidden (lib/marking/blind.ts, lib/marking/blind-board.ts). */
  namesHidden?: boolean;
};
export type TrackedStudent = { id: string; name: string; email: string };
export type TrackedPlan = { assignmentId: string; studentId: string; revision: number; updatedAt: Date };
export type TrackedMarking = { status: "IN_PROGRESS" | "RETURNED"; total: number | null; awards: Award[]; returnedAt: Date | null };
export type TrackedDraft = {
  assignmentId: string;
  studentId: string;
  wordCount: number;
  submittedAt: Date | null;
  late: boolean;
  updatedAt: Date;
  submissions: { number: number; submittedAt: Date; marking: TrackedMarking | null }[];
};

export type BoardCell = Cell & {
  assignmentId: string;
  studentId: string;
  inactive: boolean;
  words: number;
  /** The first submission came after the due time (it stays so after marking). */
  late: boolean;
  lastActivityAt: Date | null;
  /** The latest complete marking's total (any version), and its awards, for exports and the heatmap. */
  mark: number | null;
  awards: Award[] | null;
  latestVersion: number | null;
  /** The latest version's marking is saved part-way (or complete) but not returned. */
  markingStarted: boolean;
  submittedAt: Date | null;
  returnedAt: Date | null;
  href: string;
  /** A blind column's cell in a row that names the student: it shows nothing of the work (lib/marking/blind-board.ts). */
  blind?: true;
};

export type BoardRow = { student: TrackedStudent; cells: BoardCell[]; lastActivityAt: Date | null; inactive: boolean; averagePercent: number | null };
export type BoardColumn = TrackedAssignment & { number: number; counts: Record<CellStatus, number>; overdue: number; averageMark: number | null; marked: number };
export type Board = { columns: BoardColumn[]; rows: BoardRow[] };

const EMPTY_COUNTS = (): Record<CellStatus, number> => ({ "not-started": 0, planning: 0, drafting: 0, submitted: 0, late: 0, resubmitted: 0, marked: 0, returned: 0 });

export function buildBoard(input: { assignments: TrackedAssignment[]; students: TrackedStudent[]; plans: TrackedPlan[]; drafts: TrackedDraft[]; now: Date }): Board {
  const key = (assignmentId: string, studentId: string) => `${assignmentId} ${studentId}`;
  const plans = new Map(input.plans.map((p) => [key(p.assignmentId, p.studentId), p]));
  const drafts = new Map(input.drafts.map((d) => [key(d.assignmentId, d.studentId), d]));

  const rows = input.students.map((student): BoardRow => {
    const cells = input.assignments.map((a) => boardCell(a, student.id, plans.get(key(a.id, student.id)), drafts.get(key(a.id, student.id)), input.now));
    const percents = cells.flatMap((c, i) => (c.mark === null ? [] : [c.mark / (input.assignments[i]!.rubric.totalMarks || 1)]));
    return {
      student,
      cells,
      lastActivityAt: latest(cells.map((c) => c.lastActivityAt)),
      inactive: cells.some((c) => c.inactive),
      averagePercent: percents.length ? Math.round((100 * percents.reduce((s, p) => s + p, 0)) / percents.length) : null,
    };
  });

  const columns = input.assignments.map((a, i): BoardColumn => {
    const counts = EMPTY_COUNTS();
    let overdue = 0;
    const marks: number[] = [];
    for (const row of rows) {
      const cell = row.cells[i]!;
      counts[cell.status] += 1;
      if (cell.overdue) overdue += 1;
      if (cell.mark !== null) marks.push(cell.mark);
    }
    const averageMark = marks.length ? Math.round((10 * marks.reduce((s, m) => s + m, 0)) / marks.length) / 10 : null;
    // A1, A2… in due order, kept when the board is filtered to one assignment.
    return { ...a, number: i + 1, counts, overdue, averageMark, marked: marks.length };
  });
  return { columns, rows };
}

function boardCell(a: TrackedAssignment, studentId: string, plan: TrackedPlan | undefined, draft: TrackedDraft | undefined, now: Date): BoardCell {
  const submissions = draft?.submissions ?? [];
  const latestSubmission = submissions.at(-1);
  const marking = latestSubmission?.marking ?? null;
  // Words alone (an empty draft row is created when the page first opens) are not activity.
  const lastActivityAt = latest([plan && plan.revision > 0 ? plan.updatedAt : null, draft && (draft.wordCount > 0 || submissions.length) ? draft.updatedAt : null]);
  const cell = deriveCell({
    planRevision: plan?.revision ?? null,
    draftWords: draft?.wordCount ?? null,
    submittedAt: draft?.submittedAt ?? null,
    late: draft?.late ?? false,
    submissionCount: submissions.length,
    latestMarking: marking && latestSubmission ? { status: marking.status, complete: marking.total !== null, submissionNumber: latestSubmission.number } : null,
    dueAt: a.dueAt,
    lastActivityAt,
    now,
  });
  const marked = [...submissions].reverse().find((s) => s.marking?.total !== null && s.marking?.total !== undefined);
  const base = `/assignments/${a.id}/students/${studentId}`;
  return {
    ...cell,
    assignmentId: a.id,
    studentId,
    inactive: a.status === "OPEN" && isInactive(cell),
    words: draft?.wordCount ?? 0,
    late: draft?.late ?? false,
    lastActivityAt,
    mark: marked?.marking?.total ?? null,
    awards: marked?.marking?.awards ?? null,
    latestVersion: latestSubmission?.number ?? null,
    markingStarted: marking?.status === "IN_PROGRESS",
    submittedAt: latestSubmission?.submittedAt ?? null,
    returnedAt: [...submissions].reverse().find((s) => s.marking?.status === "RETURNED")?.marking?.returnedAt ?? null,
    href: cellHref(base, cell.status, latestSubmission?.number ?? null),
  };
}

// Where a click on a cell leads: the plan and draft while the student works, the marking
// desk once something is handed in, the returned version's marking (the feedback) after.
function cellHref(base: string, status: CellStatus, version: number | null): string {
  if (version === null) return base;
  if (status === "returned") return `${base}/mark?version=${version}`;
  return `${base}/mark`;
}

function latest(dates: (Date | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}

// Filtering and sorting, from the board's URL (so a filtered board can be bookmarked).
export type BoardStatusFilter = CellStatus | "overdue" | "inactive" | "to-mark";
export type BoardFilter = { status?: BoardStatusFilter; student?: string; assignmentId?: string; sort?: "name" | "activity" | "mark" };

export const BOARD_SORTS = { name: "Name", activity: "Least recently active first", mark: "Lowest average mark first" } as const;

const TO_MARK: CellStatus[] = ["submitted", "late", "resubmitted"];

export function cellMatches(cell: BoardCell, status: BoardStatusFilter | undefined): boolean {
  if (!status) return true;
  if (status === "overdue") return cell.overdue;
  if (status === "inactive") return cell.inactive;
  if (status === "to-mark") return TO_MARK.includes(cell.status);
  return cell.status === status;
}

/** Keeps the rows (students) with a matching cell in the chosen column(s), sorted. */
export function filterBoard(board: Board, filter: BoardFilter): Board {
  const columnIndexes = board.columns.flatMap((c, i) => (!filter.assignmentId || c.id === filter.assignmentId ? [i] : []));
  const columns = columnIndexes.map((i) => board.columns[i]!);
  const needle = filter.student?.trim().toLowerCase();
  const rows = board.rows
    .filter((r) => !needle || r.student.name.toLowerCase().includes(needle) || r.student.email.includes(needle))
    .map((r) => ({ ...r, cells: columnIndexes.map((i) => r.cells[i]!) }))
    .filter((r) => !filter.status || r.cells.some((c) => cellMatches(c, filter.status)));
  const byName = (a: BoardRow, b: BoardRow) => a.student.name.localeCompare(b.student.name, "en-GB");
  const sorted = [...rows].sort((a, b) => {
    if (filter.sort === "activity") return (a.lastActivityAt?.getTime() ?? -Infinity) - (b.lastActivityAt?.getTime() ?? -Infinity) || byName(a, b);
    if (filter.sort === "mark") return (a.averagePercent ?? Infinity) - (b.averagePercent ?? Infinity) || byName(a, b);
    return byName(a, b);
  });
  return { columns, rows: sorted };
}
