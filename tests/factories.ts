import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/sessions";
import { generateJoinCode } from "@/lib/classes/join-code";

// Test and demo data builders. The seed uses them too, so demo data and test data are
// made the same way.

// Cheap argon2id parameters for made-up users (1 MiB, one pass: well under a millisecond,
// where the real cost in lib/auth/password.ts is ~10 ms and 19 MiB). Verification reads the
// parameters from the hash, so these users sign in normally, and their first sign-in
// rehashes them at the real cost (lib/auth/rehash.ts).
export const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

export async function makeUser(
  overrides: Partial<{ name: string; email: string; role: "STUDENT" | "TEACHER"; password: string }> = {},
): Promise<SessionUser> {
  const role = overrides.role ?? "STUDENT";
  return db().user.create({
    data: {
      name: overrides.name ?? `${role === "TEACHER" ? "Teacher" : "Student"} ${unique()}`,
      email: (overrides.email ?? `user-${unique()}@example.test`).toLowerCase(),
      role,
      passwordHash: await hashPassword(overrides.password ?? "correct horse battery", FAST),
    },
    select: { id: true, name: true, email: true, role: true },
  });
}

export const makeTeacher = (o: Parameters<typeof makeUser>[0] = {}) => makeUser({ ...o, role: "TEACHER" });
export const makeStudent = (o: Parameters<typeof makeUser>[0] = {}) => makeUser({ ...o, role: "STUDENT" });

export async function makeClassroom(teacher: SessionUser, overrides: Partial<{ name: string; joinCode: string }> = {}) {
  return db().classroom.create({
    data: {
      name: overrides.name ?? `Class ${unique()}`,
      subject: "History",
      yearGroup: "Year 12",
      joinCode: overrides.joinCode ?? generateJoinCode(),
      teacherId: teacher.id,
      // As createClassroom does: access goes by the membership row (decision 025).
      teachers: { create: { teacherId: teacher.id, role: "OWNER" } },
    },
  });
}

/** Makes `teacher` a co-teacher of the class directly, as an accepted invitation would. */
export async function addCoTeacher(classroomId: string, teacher: SessionUser) {
  return db().classTeacher.create({ data: { classroomId, teacherId: teacher.id, role: "CO_TEACHER" } });
}

/** A hand-made question in a topic of the teacher's own (no notes imported), as setAssignment asks; its id. */
export async function makeQuestion(teacher: SessionUser): Promise<string> {
  const topic = await db().topic.create({
    data: {
      title: "Khrushchev",
      ownerId: teacher.id,
      sourceFormat: "TEXT",
      sourceText: "",
      questions: { create: { text: "How far did Khrushchev change the USSR?", createdById: teacher.id, source: "MANUAL", stem: "HOW_FAR", focus: "NONE" } },
    },
    select: { questions: { select: { id: true } } },
  });
  return topic.questions[0]!.id;
}

export async function enrol(classroomId: string, student: SessionUser) {
  return db().enrolment.create({ data: { classroomId, studentId: student.id } });
}
