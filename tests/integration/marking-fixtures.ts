import { expect } from "vitest";
import { setAssignment } from "@/lib/assignments/assignments";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { addAnnotation } from "@/lib/marking/annotations";
import { startRedraft } from "@/lib/marking/feedback";
import { saveMarking, type SaveMarkingResult } from "@/lib/marking/markings";
import type { AddAnnotationInput, SaveMarkingInput } from "@/lib/marking/schemas";
import type { SessionUser } from "@/lib/auth/sessions";
import { assignmentInput, draftOf, makeAssignedClass } from "./work-fixtures";

// Shared setup for the marking and feedback tests: a class whose student Amira has handed
// in an essay, and helpers to annotate it by quoting a passage rather than counting offsets.

export const HOLISTIC = "holistic-25-five-levels";
export const STRANDS = "strands-20-four-strands";
export const SUMMED = "summed-30-two-tables";

// Four paragraphs, each with passages the tests quote. Every quoted passage occurs once.
export const ESSAY = [
  "Khrushchev's rise to power after 1953 owed more to his control of the party machine than to his policies.",
  "The Secret Speech of February 1956 denounced Stalin's cult of personality and shocked the delegates.",
  "The Virgin Lands scheme briefly raised grain output, but soil erosion soon undid the gains.",
  "In conclusion, Khrushchev changed the USSR to a large extent, although the system he inherited survived.",
].join("\n\n");

// The redraft: a paragraph inserted before everything, a word changed inside one quoted
// passage ("control of" → "grip on") and one just after another ("shocked" → "stunned"),
// and the Virgin Lands paragraph deleted.
export const REDRAFT = [
  "Historians still disagree about how far Khrushchev reformed the Soviet state.",
  "Khrushchev's rise to power after 1953 owed more to his grip on the party machine than to his policies.",
  "The Secret Speech of February 1956 denounced Stalin's cult of personality and stunned the delegates.",
  "In conclusion, Khrushchev changed the USSR to a large extent, although the system he inherited survived.",
].join("\n\n");

/** Where `quote` is in `text`; it must occur exactly once, so the test means one passage. */
export function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  expect(start, `"${quote}" should be in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(quote, start + 1), `"${quote}" should occur once`).toBe(-1);
  return { start, end: start + quote.length };
}

/** Saves `text` as the student's draft (on whatever revision it is at) and hands it in. */
export async function submitEssay(student: SessionUser, assignmentId: string, text: string, now?: Date) {
  const base = (await draftOf(assignmentId, student.id))?.revision ?? 0;
  const result = await saveDraft(student, { assignmentId, baseRevision: base, text });
  if (!result.ok) expect.fail(`expected the draft save to succeed, got a conflict at revision ${result.conflict.revision}`);
  return submitDraft(student, { assignmentId, baseRevision: result.draft.revision }, now);
}

/** After feedback returned with a redraft allowed: unlocks the draft, rewrites it as `text` and hands it in again. */
export async function redraftAndResubmit(student: SessionUser, assignmentId: string, text: string, now?: Date) {
  await startRedraft(student, assignmentId);
  return submitEssay(student, assignmentId, text, now);
}

/** makeAssignedClass, optionally with the assignment on another rubric, and Amira's essay handed in. */
export async function makeMarkedClass({ rubricId = HOLISTIC, essay = ESSAY }: { rubricId?: string; essay?: string } = {}) {
  const world = await makeAssignedClass();
  const assignmentId = rubricId === HOLISTIC ? world.assignmentId : (await setAssignment(world.teacher, assignmentInput(world, { rubricId }))).id;
  await submitEssay(world.amira, assignmentId, essay);
  return { ...world, assignmentId, work: { assignmentId, studentId: world.amira.id, submissionNumber: 1 } };
}

export type MarkedClass = Awaited<ReturnType<typeof makeMarkedClass>>;
export type Work = MarkedClass["work"];

type AnnotationExtras = Partial<Omit<AddAnnotationInput, "assignmentId" | "studentId" | "submissionNumber" | "start" | "end">>;

/** Annotates the passage `quote` of `text` (the version being annotated). */
export function annotate(teacher: SessionUser, work: Work, text: string, quote: string, extras: AnnotationExtras = {}) {
  return addAnnotation(teacher, {
    ...work,
    ...rangeOf(text, quote),
    comment: `About "${quote}".`,
    criterionId: "overall",
    kind: "TARGET",
    ...extras,
  });
}

export function savedMarking(result: SaveMarkingResult) {
  if (!result.ok) expect.fail(`expected the marking to save, got a conflict at revision ${result.conflict.revision} (${result.conflict.status})`);
  return result.marking;
}

type MarkingExtras = Partial<Omit<SaveMarkingInput, "assignmentId" | "studentId" | "submissionNumber">>;

/** A complete holistic marking (Level 3, 13 marks) returned to the student. */
export async function returnMarking(teacher: SessionUser, work: Work, extras: MarkingExtras = {}) {
  return savedMarking(
    await saveMarking(
      teacher,
      {
        ...work,
        baseRevision: 0,
        awards: [{ criterionId: "overall", level: 3, mark: 13 }],
        wentWell: "Precise knowledge of the Secret Speech.",
        evenBetterIf: "Weigh the factors against each other.",
        ...extras,
      },
      { returning: true },
    ),
  );
}

