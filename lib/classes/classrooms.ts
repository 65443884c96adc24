import { db } from "../db";
import { AppError, isAppError, notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { assertStudent, assertTeacher, requireTeacherOf, taughtBy } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { throttled } from "../auth/throttle";
import { joinSlots } from "../auth/throttle-limits";
import { generateJoinCode } from "./join-code";
import { ClassroomSchema, JoinCodeSchema, type ClassroomInput } from "./schemas";
import { recordClassAudit } from "../audit/scoped";

// 25^6 ≈ 244 million codes, so a clash is rare; retry a few times rather than fail.
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (e) {
      if (!isUniqueViolation(e, "joinCode")) throw e;
    }
  }
  throw new AppError("We could not find an unused class code just now, so nothing was changed. Please try again.", 409);
}

export async function createClassroom(user: SessionUser, raw: ClassroomInput) {
  assertTeacher(user);
  const input = ClassroomSchema.parse(raw);
  return withFreshCode((joinCode) =>
    // The owner's membership row is written with the class: access goes by it (decision 025).
    db().classroom.create({
      data: { ...input, joinCode, teacherId: user.id, teachers: { create: { teacherId: user.id, role: "OWNER" } } },
      select: { id: true, joinCode: true },
    }),
  );
}

export async function regenerateJoinCode(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  return withFreshCode((joinCode) =>
    db().classroom.update({ where: { id: classroomId }, data: { joinCode }, select: { joinCode: true } }),
  );
}

export async function listTeacherClassrooms(user: SessionUser) {
  assertTeacher(user);
  return db().classroom.findMany({
    where: taughtBy(user.id),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      subject: true,
      yearGroup: true,
      joinCode: true,
      _count: { select: { enrolments: true } },
      teachers: { where: { teacherId: user.id }, select: { role: true } },
    },
  });
}

export async function listStudentClassrooms(user: SessionUser) {
  assertStudent(user);
  return db().classroom.findMany({
    where: { enrolments: { some: { studentId: user.id } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      subject: true,
      yearGroup: true,
      // Everyone who teaches it, the owner (who made the class) first.
      teachers: { orderBy: [{ role: "asc" }, { addedAt: "asc" }], select: { teacher: { select: { name: true } } } },
    },
  });
}

export async function getClassroomForTeacher(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  return db().classroom.findUniqueOrThrow({
    where: { id: classroomId },
    select: {
      id: true,
      name: true,
      subject: true,
      yearGroup: true,
      joinCode: true,
      teacherId: true,
      closedAt: true,
      enrolments: {
        orderBy: { student: { name: "asc" } },
        select: { joinedAt: true, student: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

export async function updateClassroom(user: SessionUser, classroomId: string, raw: ClassroomInput) {
  await requireTeacherOf(user, classroomId);
  const input = ClassroomSchema.parse(raw);
  await db().classroom.update({ where: { id: classroomId }, data: input });
}

export async function removeStudent(user: SessionUser, classroomId: string, studentId: string) {
  await requireTeacherOf(user, classroomId);
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.enrolment.deleteMany({ where: { classroomId, studentId } });
    if (count) await recordClassAudit(tx, classroomId, { action: "ENROLMENT_CHANGED", actorId: user.id, subjectId: studentId, detail: { change: "removed", via: "class page" } });
    return count;
  });
  if (!count) throw notFound("That student in this class");
}

/**
 * Joins by the code a teacher hands out. Throttled per student and per address
 * (lib/auth/throttle-limits.ts), counting only wrong codes, so codes cannot be guessed.
 */
export async function joinClassroom(user: SessionUser, raw: { code: string }, address: string, now = new Date()) {
  assertStudent(user);
  const { code } = JoinCodeSchema.parse(raw);
  const alreadyIn = (e: unknown) => isAppError(e) && e.status === 409;
  return throttled(joinSlots(user.id, address), now, "attempts to join a class", () => enrolByCode(user, code), alreadyIn);
}

async function enrolByCode(user: SessionUser, code: string) {
  const classroom = await db().classroom.findUnique({ where: { joinCode: code }, select: { id: true, name: true } });
  if (!classroom) {
    throw new AppError("No class has that code. Check it with your teacher; codes change when they are regenerated.", 404, {
      code: ["No class has that code."],
    });
  }
  try {
    await db().$transaction(async (tx) => {
      await tx.enrolment.create({ data: { classroomId: classroom.id, studentId: user.id } });
      await recordClassAudit(tx, classroom.id, { action: "ENROLMENT_CHANGED", actorId: user.id, subjectId: user.id, detail: { change: "joined", via: "join code" } });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new AppError(`You are already in ${classroom.name}.`, 409, { code: ["You are already in this class."] });
  }
  return classroom;
}
