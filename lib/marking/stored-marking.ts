import { storedRecord } from "../client/stored-record";
import type { Award } from "../rubrics/marks";

/**
 * Marks a teacher has given but not yet saved, kept in this browser (localStorage) so a
 * dropped connection, a crash or a reload loses nothing. Pure: the panel does the reading
 * and writing; this decides the key, the format, and whether a stored copy is worth offering.
 */
export type MarkingDraft = { awards: Award[]; total: number | null; wentWell: string; evenBetterIf: string; allowRedraft: boolean };
export type StoredMarking = { draft: MarkingDraft; baseRevision: number; at: number };
export type MarkingPlace = { teacherId: string; assignmentId: string; studentId: string; submissionNumber: number };
type ServerMarking = MarkingDraft & { status: "IN_PROGRESS" | "RETURNED"; revision: number };

// Per teacher too: two teachers sharing a school computer must not be offered each other's marks.
export const markingStorageKey = (p: MarkingPlace) => `extent:marking:${p.teacherId}:${p.assignmentId}:${p.studentId}:${p.submissionNumber}`;

/** What the panel edits, taken from a saved marking. Only a strands rubric has a total of its own (the others compute it). */
export function draftOf(view: Omit<MarkingDraft, "total"> & { total: number | null }, ownTotal: boolean): MarkingDraft {
  return { awards: view.awards, total: ownTotal ? view.total : null, wentWell: view.wentWell, evenBetterIf: view.evenBetterIf, allowRedraft: view.allowRedraft };
}

export function encodeStoredMarking(draft: MarkingDraft, baseRevision: number, at: number): string {
  return JSON.stringify({ draft, baseRevision, at } satisfies StoredMarking);
}

/** Anything unreadable (another version's format, a hand edit, a full disk's half write) is treated as nothing stored. */
export function decodeStoredMarking(raw: string | null): StoredMarking | null {
  const v = storedRecord(raw);
  if (!v || !isRecord(v.draft) || !isInt(v.baseRevision) || typeof v.at !== "number") return null;
  const d = v.draft;
  if (!Array.isArray(d.awards) || !d.awards.every(isAward)) return null;
  if (!(d.total === null || typeof d.total === "number") || typeof d.wentWell !== "string" || typeof d.evenBetterIf !== "string" || typeof d.allowRedraft !== "boolean") return null;
  const draft: MarkingDraft = { awards: d.awards.map(({ criterionId, level, mark }) => (mark === undefined ? { criterionId, level } : { criterionId, level, mark })), total: d.total, wentWell: d.wentWell, evenBetterIf: d.evenBetterIf, allowRedraft: d.allowRedraft };
  return { draft, baseRevision: v.baseRevision, at: v.at };
}

/** Same marks and words, whatever order the criteria were marked in. */
export function sameMarking(a: MarkingDraft, b: MarkingDraft): boolean {
  const awards = (x: MarkingDraft) => JSON.stringify([...x.awards].sort((p, q) => p.criterionId.localeCompare(q.criterionId)).map((w) => [w.criterionId, w.level, w.mark ?? null]));
  return a.total === b.total && a.wentWell === b.wentWell && a.evenBetterIf === b.evenBetterIf && a.allowRedraft === b.allowRedraft && awards(a) === awards(b);
}

/**
 * Whether a stored copy should be brought back over the server's marking, and on which
 * revision it was based. A copy based on an older revision is still offered: saving it then
 * meets the compare-and-swap conflict, which shows both markings rather than overwriting.
 */
export function markingToRestore(stored: StoredMarking | null, server: ServerMarking): { draft: MarkingDraft; baseRevision: number } | null {
  if (!stored) return null;
  // A returned marking is final, and the server already holds anything identical.
  if (server.status === "RETURNED" || sameMarking(stored.draft, server)) return null;
  // Based on a revision the server never had (the database was reset): not this marking.
  if (stored.baseRevision > server.revision) return null;
  return { draft: stored.draft, baseRevision: stored.baseRevision };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
function isAward(v: unknown): v is Award {
  return isRecord(v) && typeof v.criterionId === "string" && isInt(v.level) && (v.mark === undefined || typeof v.mark === "number");
}
