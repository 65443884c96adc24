import type { Board, BoardCell, BoardRow } from "../tracking/board";
import { displayName } from "./display-name";

// How the class board treats blind-marked assignments whose names are hidden
// (docs/decisions/029-blind-marking.md). The board's rows name students across several
// assignments, so a row cannot both name the student and show their blind work:
// - on the whole board (and in the class's CSV), a blind column's cells are blanked: no
//   status, words, mark or link to the work, only a link to the column's own view; the
//   row's average and last activity leave them out;
// - the board filtered to that one assignment (its column view) shows every row by
//   candidate number instead of name, with the row's figures from that column alone.

/** The whole board with every hidden column's cells blanked and the rows' figures recomputed without them. */
export function maskBlindColumns(board: Board): Board {
  const hidden = board.columns.map((c) => !!c.namesHidden);
  if (!hidden.some(Boolean)) return board;
  const rows = board.rows.map((row): BoardRow => {
    const cells = row.cells.map((cell, i) => (hidden[i] ? blankCell(cell, board.columns[i]!.classroomId) : cell));
    const shown = row.cells.filter((_, i) => !hidden[i]);
    const percents = row.cells.flatMap((c, i) => (hidden[i] || c.mark === null ? [] : [c.mark / (board.columns[i]!.rubric.totalMarks || 1)]));
    return {
      ...row,
      cells,
      lastActivityAt: latest(shown.map((c) => c.lastActivityAt)),
      inactive: shown.some((c) => c.inactive),
      averagePercent: percents.length ? Math.round((100 * percents.reduce((s, p) => s + p, 0)) / percents.length) : null,
    };
  });
  return { columns: board.columns, rows };
}

/**
 * The column view of one hidden assignment: rows named by candidate number (`numbers`, by
 * student id), in number order, each row's figures from this column alone, and no email.
 * `board` holds that one column.
 */
export function candidateRows(board: Board, numbers: ReadonlyMap<string, number>): Board {
  const column = board.columns[0];
  if (!column || board.columns.length !== 1) throw new RangeError("candidateRows takes a board of one column.");
  const rows = board.rows.map((row): BoardRow => {
    const cell = row.cells[0]!;
    const candidate = numbers.get(row.student.id) ?? null;
    return {
      student: { id: row.student.id, name: displayName(row.student, { hidden: true, candidate }), email: "" },
      cells: [cell],
      lastActivityAt: cell.lastActivityAt,
      inactive: cell.inactive,
      averagePercent: cell.mark === null ? null : Math.round((100 * cell.mark) / (column.rubric.totalMarks || 1)),
    };
  });
  const numberOf = (r: BoardRow) => numbers.get(r.student.id) ?? Number.MAX_SAFE_INTEGER;
  return { columns: board.columns, rows: rows.sort((a, b) => numberOf(a) - numberOf(b) || a.student.id.localeCompare(b.student.id)) };
}

/** Where a blanked cell leads: the column's own view, which shows candidate numbers. */
export const blindColumnHref = (classroomId: string, assignmentId: string) => `/classes/${classroomId}/board?assignment=${assignmentId}`;

function blankCell(cell: BoardCell, classroomId: string): BoardCell {
  return {
    assignmentId: cell.assignmentId,
    studentId: cell.studentId,
    status: "not-started",
    overdue: false,
    inactiveDays: null,
    inactive: false,
    words: 0,
    late: false,
    lastActivityAt: null,
    mark: null,
    awards: null,
    latestVersion: null,
    markingStarted: false,
    submittedAt: null,
    returnedAt: null,
    href: blindColumnHref(classroomId, cell.assignmentId),
    blind: true,
  };
}

function latest(dates: (Date | null)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}
