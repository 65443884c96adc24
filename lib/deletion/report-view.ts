import { describeCounts, type DeletionReportView } from "./labels";
import type { PersonCounts } from "./internal/counts";
import type { PersonReport } from "./internal/erase-person";
import type { ClassReport } from "./internal/erase-class";
import type { SchoolReport } from "./school";

// The sentences a confirmation and a report add beneath the counts.

export function personNotes(c: Pick<PersonCounts, "classesAffected" | "keptAnonymised">, retainedMarks = 0, done = false): string[] {
  const notes: string[] = [];
  if (c.classesAffected.length) notes.push(`${done ? "Removed from" : "Removes the account from"} ${c.classesAffected.length === 1 ? "1 class" : `${c.classesAffected.length} classes`}: ${c.classesAffected.map((x) => x.name).join(", ")}.`);
  const { assignments, comments } = c.keptAnonymised;
  if (assignments || comments) {
    notes.push(`${[assignments ? `${assignments} assignments set` : "", comments ? `${comments} comments written` : ""].filter(Boolean).join(" and ")} on other people's work ${done ? "stay" : "will stay"}, shown as by "a former teacher".`);
  }
  if (retainedMarks) notes.push(`${retainedMarks} returned marks are kept without a name, as the school chose.`);
  return notes;
}

export const personReportView = (r: PersonReport): DeletionReportView => ({
  title: `The account of ${r.name} has been deleted.`,
  lines: describeCounts(r.goes),
  notes: personNotes(r, r.retainedMarks, true),
});

export const classReportView = (r: ClassReport): DeletionReportView => ({
  title: `${r.name} has been deleted.`,
  lines: describeCounts(r.goes),
  notes: r.retainedMarks ? [`${r.retainedMarks} returned marks are kept without names, as the school chose.`] : [],
});

export const schoolReportView = (r: SchoolReport): DeletionReportView => ({
  title: `${r.name} and all its data have been deleted.`,
  lines: describeCounts(r.counts),
  notes: ["Its administrators, sign-in rules and LMS links went with it.", ...(r.selfDeleted ? ["Your own account was part of the school, so it has been deleted and you are signed out."] : [])],
});
