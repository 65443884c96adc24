// Where a student stands on an assignment, derived from their plan and draft rather than
// stored, so it can never disagree with the work itself.

export type WorkStatus = "not-started" | "planning" | "drafting" | "submitted";

export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  "not-started": "Not started",
  planning: "Planning",
  drafting: "Drafting",
  submitted: "Submitted",
};

export function deriveWorkStatus(work: { planRevision: number | null; draftWords: number | null; submittedAt: Date | null }): WorkStatus {
  if (work.submittedAt) return "submitted";
  if (work.draftWords) return "drafting";
  if (work.planRevision) return "planning";
  return "not-started";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days`;
  if (ms >= DAY) return "1 day";
  if (ms >= 2 * HOUR) return `${Math.floor(ms / HOUR)} hours`;
  if (ms >= HOUR) return "1 hour";
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** "3 days left", "Due in 1 hour", "Overdue by 2 days". */
export function timeLeft(dueAt: Date, now: Date): { label: string; overdue: boolean; soon: boolean } {
  const ms = dueAt.getTime() - now.getTime();
  if (ms < 0) return { label: `Overdue by ${span(-ms)}`, overdue: true, soon: false };
  if (ms < DAY) return { label: `Due in ${span(ms)}`, overdue: false, soon: true };
  return { label: `${span(ms)} left`, overdue: false, soon: ms < 3 * DAY };
}

/** A sensible default for a new assignment: a week from now. */
export function defaultDueAt(now = new Date()): Date {
  return new Date(now.getTime() + 7 * DAY);
}
