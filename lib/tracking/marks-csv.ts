import type { CsvValue } from "../csv/encode-csv";
import { CELL_STATUS_LABELS } from "./cell-status";
import type { Board, BoardColumn, BoardRow } from "./board";

// The rows of the marks exports, as values for lib/csv/encode-csv. One row per student;
// levels per criterion and totals; blank where there is no mark yet.

function levelOf(row: BoardRow, column: number, criterionId: string): number | null {
  return row.cells[column]?.awards?.find((a) => a.criterionId === criterionId)?.level ?? null;
}

function markOf(row: BoardRow, column: number, criterionId: string): number | null {
  return row.cells[column]?.awards?.find((a) => a.criterionId === criterionId)?.mark ?? null;
}

// Summed rubrics record a mark per table; the other shapes mark the answer as a whole.
const marksPerCriterion = (c: BoardColumn) => c.rubric.shape === "summed";

/** One assignment: status, dates, a level (and mark, for summed tables) per criterion, the total. */
export function assignmentMarksRows(board: Board, assignmentId: string): CsvValue[][] {
  const index = board.columns.findIndex((c) => c.id === assignmentId);
  const column = board.columns[index];
  if (!column) throw new RangeError(`No assignment ${assignmentId} on this board.`);
  const criteria = column.rubric.criteria;
  const header = [
    "Student",
    "Email",
    "Status",
    "Handed in",
    "Late",
    "Version",
    ...criteria.flatMap((c) => (marksPerCriterion(column) ? [`${c.name} level`, `${c.name} mark`] : [`${c.name} level`])),
    "Total",
    "Out of",
    "Returned",
  ];
  const rows = board.rows.map((row) => {
    const cell = row.cells[index]!;
    return [
      row.student.name,
      row.student.email,
      CELL_STATUS_LABELS[cell.status],
      cell.submittedAt,
      cell.latestVersion === null ? null : cell.late ? "yes" : "no",
      cell.latestVersion,
      ...criteria.flatMap((c) => (marksPerCriterion(column) ? [levelOf(row, index, c.id), markOf(row, index, c.id)] : [levelOf(row, index, c.id)])),
      cell.mark,
      column.rubric.totalMarks,
      cell.returnedAt,
    ];
  });
  return [header, ...rows];
}

/** A whole class: per assignment (A1, A2… in due order), its total and a level per criterion. */
export function classMarksRows(board: Board): CsvValue[][] {
  const label = (i: number) => `A${i + 1}`;
  const header = [
    "Student",
    "Email",
    ...board.columns.flatMap((c, i) => [`${label(i)} total (out of ${c.rubric.totalMarks})`, ...c.rubric.criteria.map((k) => `${label(i)} ${k.name} level`)]),
    "Average (%)",
  ];
  const rows = board.rows.map((row) => [
    row.student.name,
    row.student.email,
    ...board.columns.flatMap((c, i) => [row.cells[i]!.mark, ...c.rubric.criteria.map((k) => levelOf(row, i, k.id))]),
    row.averagePercent,
  ]);
  // A key below the table: which question each A-number is.
  const key = board.columns.map((c, i) => [`${label(i)}:`, c.questionText, `due ${c.dueAt.toISOString().slice(0, 10)}`]);
  return [header, ...rows, [], ...key];
}
