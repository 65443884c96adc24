import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { db, disconnectDb } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import type { SessionUser } from "../lib/auth/sessions";
import { parseNotes } from "../lib/notes/parse-notes";
import { saveTopic } from "../lib/notes/internal/save-topic";
import { setAssignment } from "../lib/assignments/assignments";
import { seedMarking } from "./seed-marking";
import { seedFeedbackDemo } from "./seed-feedback";
import { DEMO_HEAD, seedModeration } from "./seed-moderation";
import { BIG_CLASS, BIG_CLASS_STUDENTS, seedBigClass } from "./seed-class";
import { seedSchool } from "./seed-school";
import { emailFor } from "./seed-data/class-13b";

// Demo data for a newcomer: one teacher, a class of students, and the Khrushchev topic
// imported from the user's sample notes. Its accounts share a published password, so it
// belongs only in the embedded database `npm start` makes, or where someone asks for it
// (`npm start -- --demo`, SEED_DEMO=1, `npm run db:seed`): see seedOnStart and
// docs/decisions/013-demo-data-and-local-services.md.
//
// It runs at most once per database. A DemoSeed row is written before anything else (and
// for demo rows already present, e.g. seeded before that record existed), so restarting
// never duplicates, resets or re-creates anything, even a demo account renamed or deleted.

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
// The DemoSeed row's key: one demo per database.
export const DEMO_KEY = "demo";

const DEMO_EMAILS = [DEMO_TEACHER.email, DEMO_HEAD.email, ...DEMO_STUDENTS.map((s) => s.email), ...BIG_CLASS_STUDENTS.map(emailFor)];
const DEMO_JOIN_CODES = [DEMO_JOIN_CODE, BIG_CLASS.joinCode];

export type SeedOutcome = "seeded" | "already seeded" | "interrupted" | "found";

const here = path.dirname(fileURLToPath(import.meta.url));

export async function seed(): Promise<SeedOutcome> {
  const record = await db().demoSeed.findUnique({ where: { key: DEMO_KEY }, select: { finishedAt: true } });
  if (record) return record.finishedAt ? "already seeded" : "interrupted";

  // Demo rows with no record: seeded before the record existed, or a real account or class
  // that happens to use a demo email or join code. Either way, record them and add nothing.
  const [users, classrooms] = await Promise.all([
    db().user.findMany({ where: { email: { in: DEMO_EMAILS } }, select: { id: true } }),
    db().classroom.findMany({ where: { joinCode: { in: DEMO_JOIN_CODES } }, select: { id: true } }),
  ]);
  if (users.length || classrooms.length) {
    await claim({ found: true, finishedAt: new Date(), userIds: users.map((u) => u.id), classroomIds: classrooms.map((c) => c.id) });
    return "found";
  }
  // The claim comes first: a second seed running at the same moment fails on the key here.
  if (!(await claim({}))) return "already seeded";

  const made = await seedDemo();
  await db().demoSeed.update({ where: { key: DEMO_KEY }, data: { finishedAt: new Date(), ...made } });
  return "seeded";
}

async function claim(data: { found?: boolean; finishedAt?: Date; userIds?: string[]; classroomIds?: string[] }): Promise<boolean> {
  const { count } = await db().demoSeed.createMany({ data: [{ key: DEMO_KEY, ...data }], skipDuplicates: true });
  return count === 1;
}

async function seedDemo(): Promise<{ userIds: string[]; classroomIds: string[] }> {
  // The real hash at the real cost, made once and shared: a demo account's sign-in takes as
  // long as anyone's, so timing does not single the demo accounts out.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demoUser = (u: { name: string; email: string; role: "TEACHER" | "STUDENT" }): Promise<SessionUser> =>
    db().user.create({ data: { ...u, passwordHash }, select: { id: true, name: true, email: true, role: true } });

  const teacher = await demoUser({ ...DEMO_TEACHER, role: "TEACHER" });
  const classroom = await db().classroom.create({
    data: {
      name: "12H History",
      subject: "History",
      yearGroup: "Year 12",
      joinCode: DEMO_JOIN_CODE,
      teacherId: teacher.id,
      teachers: { create: { teacherId: teacher.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  const students: SessionUser[] = [];
  for (const s of DEMO_STUDENTS) {
    const student = await demoUser({ ...s, role: "STUDENT" });
    await db().enrolment.create({ data: { classroomId: classroom.id, studentId: student.id } });
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
  const big = await seedBigClass(teacher, passwordHash);
  await seedFeedbackDemo(teacher, big.classroomId);
  // The head of the History department, which Ms Hughes belongs to, and a moderated sample.
  const head = await demoUser({ ...DEMO_HEAD, role: "TEACHER" });
  await seedModeration(teacher, head, assignmentId, big.classroomId);
  await seedSchool(head.email);
  return { userIds: [teacher.id, head.id, ...students.map((s) => s.id), ...big.studentIds], classroomIds: [classroom.id, big.classroomId] };
}

/**
 * What `npm start` does about demo data: seed it into the embedded database, or into a
 * DATABASE_URL database only when asked (`--demo` / SEED_DEMO=1). Returns the line to log.
 */
export async function seedOnStart(opts: { embedded: boolean; demo: boolean }): Promise<string> {
  if (!opts.embedded && !opts.demo) {
    return "No demo data in the database at DATABASE_URL. To add the demo accounts (their password is published in the README), start once with `npm start -- --demo` or SEED_DEMO=1.";
  }
  return describe(await seed());
}

function describe(outcome: SeedOutcome): string {
  switch (outcome) {
    case "seeded":
      return `Demo data seeded: sign in as ${DEMO_TEACHER.email} (password in the README).`;
    case "already seeded":
      return "Demo data: already seeded once in this database; left as it is (renamed or deleted demo accounts are not re-created).";
    case "found":
      return "Demo data: demo accounts or join codes were already in this database; recorded them and added nothing.";
    case "interrupted":
      return 'Demo data: an earlier seed was interrupted, so the demo may be incomplete. It is not retried; for a fresh embedded database, stop the app and delete the data folder (EXTENT_DATA_DIR, default .data), or delete the "DemoSeed" row to seed again.';
  }
}

// `tsx prisma/seed.ts` (npm run db:seed) seeds on request; `--on-start [--embedded] [--demo]`
// is how scripts/start.ts calls it.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const run = args.includes("--on-start") ? seedOnStart({ embedded: args.includes("--embedded"), demo: args.includes("--demo") }) : seed().then(describe);
  run
    .then((line) => console.log(`[extent] ${line}`))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(disconnectDb);
}
