import { deriveWorkStatus, WORK_STATUS_LABELS } from "../assignments/status";

// One cell of the class board: where one student stands on one assignment. Like the
// student's own WorkStatus it is derived, never stored, so the board cannot disagree with
// the plan, draft and marking it summarises.

export type CellStatus = "not-started" | "planning" | "drafting" | "submitted" | "late" | "marked" | "returned" | "resubmitted";

// The funnel's order: the three kinds of handed-in work sit together before marking.
export const CELL_STATUS_ORDER: CellStatus[] = ["not-started", "planning", "drafting", "submitted", "late", "resubmitted", "marked", "returned"];

export const CELL_STATUS_LABELS: Record<CellStatus, string> = {
  ...WORK_STATUS_LABELS,
  // "Late" alone reads like "overdue" (not handed in yet); this status is work that is in.
  late: "Submitted late",
  resubmitted: "Resubmitted",
  marked: "Marked",
  returned: "Returned",
};

export type CellInput = {
  planRevision: number | null;
  draftWords: number | null;
  // Set while the current draft is handed in (locked).
  submittedAt: Date | null;
  // The first submission came after the due time.
  late: boolean;
  // Versions handed in: 1 = first, 2+ = resubmitted.
  submissionCount: number;
  latestMarking: { status: "IN_PROGRESS" | "RETURNED"; complete: boolean; submissionNumber: number } | null;
  dueAt: Date;
  lastActivityAt: Date | null;
  now: Date;
};

export type Cell = { status: CellStatus; overdue: boolean; inactiveDays: number | null };

// A student untouched for this long is worth a nudge.
export const INACTIVE_AFTER_DAYS = 5;

const DAY = 24 * 60 * 60 * 1000;

export function deriveCell(input: CellInput): Cell {
  return {
    status: cellStatus(input),
    overdue: !input.submittedAt && input.submissionCount === 0 && input.now.getTime() > input.dueAt.getTime(),
    inactiveDays: input.lastActivityAt ? daysSince(input.lastActivityAt, input.now) : null,
  };
}

function cellStatus(input: CellInput): CellStatus {
  const { submittedAt, submissionCount, latestMarking: marking } = input;
  // A marking only describes the cell when it is for the version handed in most recently;
  // one for an earlier version is history once the student has resubmitted.
  const current = marking !== null && submissionCount >= 1 && marking.submissionNumber === submissionCount;
  // Returned stays returned while the student redrafts (submittedAt cleared), until they
  // hand in again and the count moves past the marked version.
  if (current && marking.status === "RETURNED") return "returned";
  if (submittedAt) {
    if (current && marking.status === "IN_PROGRESS" && marking.complete) return "marked";
    if (submissionCount >= 2) return "resubmitted";
    return input.late ? "late" : "submitted";
  }
  return deriveWorkStatus(input);
}

// Whole days, rounded down; activity stamped after `now` (clock skew) counts as today.
function daysSince(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / DAY));
}

// Inactivity only matters while the work is in the student's hands. Handed-in work waits on
// the teacher, and returned work may need nothing more, so neither is flagged however
// quiet it is. A student never active at all is flagged once the work is overdue: before
// the due date, not having opened it yet is not a concern (the cell does not know when the
// assignment was set, so "old enough" cannot be judged any other way).
export function isInactive(cell: Cell): boolean {
  if (cell.status !== "not-started" && cell.status !== "planning" && cell.status !== "drafting") return false;
  if (cell.inactiveDays === null) return cell.overdue;
  return cell.inactiveDays >= INACTIVE_AFTER_DAYS;
}
