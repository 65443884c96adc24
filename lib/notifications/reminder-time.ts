// When a "due in 24 hours" reminder goes (decision 047). Pure, beside its tests.

export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** A day before the deadline, or now if that has passed; null once the deadline has come. */
export function reminderTime(dueAt: Date, now: Date): Date | null {
  if (dueAt.getTime() <= now.getTime()) return null;
  return new Date(Math.max(dueAt.getTime() - REMINDER_LEAD_MS, now.getTime()));
}
