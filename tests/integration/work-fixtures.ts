import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { setAssignment } from "@/lib/assignments/assignments";
import type { SetAssignmentInput } from "@/lib/assignments/schemas";
import { importNotes } from "@/lib/notes/import-notes";
import { enrol, makeClassroom, makeStudent, makeTeacher } from "../factories";

// Shared setup for the assignment, plan and draft tests: a teacher with a class of two
// enrolled students, the Khrushchev topic imported from the sample notes, and (optionally)
// an assignment of its how-far question.
//
// Races (Promise.all) truly overlap only on PostgreSQL. On the embedded PGlite the client
// uses one connection (lib/env.ts: pglite-socket interleaves overlapping queries from several
// connections, electric-sql/pglite#1046), so there the racing calls take turns.

export const notes = readFileSync(path.resolve(import.meta.dirname, "../fixtures/khrushchev-ussr-1953-1964.txt"), "utf8");
export const RUBRIC_ID = "holistic-25-five-levels";
const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

export async function makeClassWithTopic() {
  const teacher = await makeTeacher({ name: "Ms Rosa Hughes" });
  const classroom = await makeClassroom(teacher, { name: "12H History" });
  // Names sort Amira before Ben, which the overview's order relies on.
  const amira = await makeStudent({ name: "Amira Khan" });
  const ben = await makeStudent({ name: "Ben Carter" });
  await enrol(classroom.id, amira);
  await enrol(classroom.id, ben);
  const topic = await importNotes(teacher, { text: notes, title: "Khrushchev and the USSR" });
  const questions = await db().question.findMany({ where: { topicId: topic.id }, select: { id: true, stem: true, text: true } });
  const howFar = questions.find((q) => q.stem === "HOW_FAR")!;
  const toWhatExtent = questions.find((q) => q.stem === "TO_WHAT_EXTENT")!;
  expect(howFar).toBeDefined();
  expect(toWhatExtent).toBeDefined();
  return { teacher, classroom, amira, ben, topic, howFar, toWhatExtent };
}

export type ClassWithTopic = Awaited<ReturnType<typeof makeClassWithTopic>>;

export function assignmentInput(world: ClassWithTopic, overrides: Partial<SetAssignmentInput> = {}): SetAssignmentInput {
  return {
    classroomId: world.classroom.id,
    questionId: world.howFar.id,
    rubricId: RUBRIC_ID,
    dueAt: daysFromNow(7),
    wordLimit: 1500,
    instructions: "Plan first, then write.",
    ...overrides,
  };
}

/** The class, its topic and an open assignment of the how-far question, due in a week. */
export async function makeAssignedClass() {
  const world = await makeClassWithTopic();
  const { id: assignmentId } = await setAssignment(world.teacher, assignmentInput(world));
  return { ...world, assignmentId };
}

/** Another teacher with a class of their own and a student enrolled only there. */
export async function makeOutsiders() {
  const teacher = await makeTeacher({ name: "Mr Other Teacher" });
  const classroom = await makeClassroom(teacher);
  const student = await makeStudent({ name: "Zed Outsider" });
  await enrol(classroom.id, student);
  return { teacher, classroom, student };
}

export const draftOf = (assignmentId: string, studentId: string) =>
  db().draft.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId } } });

export const planOf = (assignmentId: string, studentId: string) =>
  db().plan.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId } } });
