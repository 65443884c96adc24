import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { db, disconnectDb } from "../lib/db";
import { parseNotes } from "../lib/notes/parse-notes";
import { saveTopic } from "../lib/notes/import-notes";
import { setAssignment } from "../lib/assignments/assignments";
import { seedMarking } from "./seed-marking";
import { seedBigClass } from "./seed-class";
import { enrol, makeClassroom, makeStudent, makeTeacher } from "../tests/factories";

// Demo data for a newcomer: one teacher, a class of students, and the Khrushchev topic
// imported from the user's sample notes. Runs once: a database that already has the demo
// teacher is left alone, so restarting never duplicates or resets anything.

export const DEMO_PASSWORD = "extent-demo";
export const DEMO_TEACHER = { name: "Ms Rosa Hughes", email: "teacher@extent.demo" };
export const DEMO_STUDENTS = [
  { name: "Amira Khan", email: "amira@extent.demo" },
  { name: "Ben Okafor", email: "ben@extent.demo" },
  { name: "Chloe Martin", email: "chloe@extent.demo" },
  { name: "Dev Patel", email: "dev@extent.demo" },
  { name: "Ellie Zhang", email: "ellie@extent.demo" },
];
export const DEMO_JOIN_CODE = "KHRU46";
export const DEMO_RUBRIC = "holistic-25-five-levels";

const here = path.dirname(fileURLToPath(import.meta.url));

export async function seed(): Promise<"seeded" | "already seeded"> {
  if (await db().user.findUnique({ where: { email: DEMO_TEACHER.email }, select: { id: true } })) return "already seeded";

  const teacher = await makeTeacher({ ...DEMO_TEACHER, password: DEMO_PASSWORD });
  const classroom = await makeClassroom(teacher, { name: "12H History", joinCode: DEMO_JOIN_CODE });
  const students = [];
  for (const s of DEMO_STUDENTS) {
    const student = await makeStudent({ ...s, password: DEMO_PASSWORD });
    await enrol(classroom.id, student);
    students.push(student);
  }

  const notes = readFileSync(path.join(here, "seed-data", "khrushchev-ussr-1953-1964.txt"), "utf8");
  const parsed = parseNotes(notes, { format: "text", fallbackTitle: "Khrushchev and the USSR, 1953–1964" });
  const topic = await saveTopic(teacher.id, { ...parsed, title: "Khrushchev and the USSR, 1953–1964" }, "text", notes);

  // An assignment a new user can try straight away: the how-far question, due in a week.
  const question = await db().question.findFirstOrThrow({ where: { topicId: topic.id, stem: "HOW_FAR" }, select: { id: true } });
  const dueAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  dueAt.setUTCHours(16, 0, 0, 0);
  const { id: assignmentId } = await setAssignment(teacher, {
    classroomId: classroom.id,
    questionId: question.id,
    rubricId: DEMO_RUBRIC,
    dueAt,
    wordLimit: 1500,
    instructions: "Plan first: weigh de-Stalinisation against at least two other factors, each with evidence from the notes. Then write your essay beside the plan.",
  });
  // Amira and Ben are left to plan from scratch; Chloe's essay waits to be marked; Dev's is returned.
  await seedMarking(teacher, assignmentId, { toMark: students[2]!, returned: students[3]! });
  // A second, full class with a term of work in every state, so the board and charts have data.
  await seedBigClass(teacher, DEMO_PASSWORD);
  return "seeded";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  seed()
    .then((r) => console.log(`Demo data: ${r}.`))
    .finally(disconnectDb);
}
