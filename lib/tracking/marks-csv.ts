import type { CsvValue } from "../csv/encode-csv";
import { csvDateTime } from "../time/format";
import { CELL_STATUS_LABELS } from "./cell-status";
import type { Board, BoardColumn, BoardRow } from "./board";

// The rows of the marks exports, as values for lib/csv/encode-csv. One row per student;
// levels per criterion and totals; blank where there is no mark yet. Times are the school
// clock's "YYYY-MM-DD HH:mm" (which spreadsheets read as a date), with the zone named in the
// header, not UTC ISO strings a teacher would have to convert in their head.

function levelOf(row: BoardRow, column: number, criterionId: string): number | null {
  return row.cells[column]?.awards?.find((a) => a.criterionId === criterionId)?.level ?? null;
}

function markOf(row: BoardRow, column: number, criterionId: string): number | null {
  return row.cells[column]?.awards?.find((a) => a.criterionId === criterionId)?.mark ?? null;
}

// Summed rubrics record a mark per table; the other shapes mark the answer as a whole.
const marksPerCriterion = (c: BoardColumn) => c.rubric.shape === "summed";

const when = (d: Date | null, zone: string) => (d ? csvDateTime(d, zone) : null);

/** One assignment: status, dates, a level (and mark, for summed tables) per criterion, the total. */
// `namesHidden`: the rows hold candidate numbers (lib/marking/blind-board.ts candidateRows),
// so the first column is headed "Candidate" and the email column stays empty.
export function assignmentMarksRows(board: Board, assignmentId: string, zone: string, namesHidden = false): CsvValue[][] {
  const index = board.columns.findIndex((c) => c.id === assignmentId);
  const column = board.columns[index];
  if (!column) throw new RangeError(`No assignment ${assignmentId} on this board.`);
  const criteria = column.rubric.criteria;
  const header = [
    namesHidden ? "Candidate" : "Student",
    "Email",
    "Status",
    `Handed in (${zone})`,
    "Late",
    "Version",
    ...criteria.flatMap((c) => (marksPerCriterion(column) ? [`${c.name} level`, `${c.name} mark`] : [`${c.name} level`])),
    "Total",
    "Out of",
    `Returned (${zone})`,
  ];
  const rows = board.rows.map((row) => {
    const cell = row.cells[index]!;
    return [
      row.student.name,
      namesHidden ? null : row.student.email,
      CELL_STATUS_LABELS[cell.status],
      when(cell.submittedAt, zone),
      cell.latestVersion === null ? null : cell.late ? "yes" : "no",
      cell.latestVersion,
      ...criteria.flatMap((c) => (marksPerCriterion(column) ? [levelOf(row, index, c.id), markOf(row, index, c.id)] : [levelOf(row, index, c.id)])),
      cell.mark,
      column.rubric.totalMarks,
      when(cell.returnedAt, zone),
    ];
  });
  return [header, ...rows];
}

/** A whole class: per assignment (A1, A2… in due order), its total and a level per criterion. */
export function classMarksRows(board: Board, zone: string): CsvValue[][] {
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
  // A key below the table: which question each A-number is, and when it was due.
  // A blind column whose names are hidden is blank in every row (lib/marking/blind-board.ts): the key says so.
  const key = board.columns.map((c, i) => [
    `${label(i)}:`,
    c.questionText,
    `due ${csvDateTime(c.dueAt, zone)} (${zone})`,
    ...(c.namesHidden ? ["Marked blind, names hidden: marks left out until revealed"] : []),
  ]);
  return [header, ...rows, [], ...key];
}
