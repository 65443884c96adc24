import "server-only";
import { db } from "../db";
import { forbidden, notFound } from "../errors";
import type { SessionUser } from "../auth/sessions";
import { countClass } from "./internal/counts";
import { eraseClass, type ClassReport } from "./internal/erase-class";

// Deleting a class: by its owner, or by an administrator of the owner's school. A co-teacher
// is refused (they may leave the class instead); anyone else is told it is not found.

async function requireClassDeleter(user: SessionUser, classroomId: string): Promise<"owner" | "school admin"> {
  const found = await db().classroom.findUnique({
    where: { id: classroomId },
    select: {
      teacherId: true,
      teachers: { where: { teacherId: user.id }, select: { role: true } },
      teacher: { select: { school: { select: { admins: { where: { userId: user.id }, select: { userId: true } } } } } },
    },
  });
  if (!found) throw notFound("That class");
  if (found.teacherId === user.id && user.role === "TEACHER") return "owner";
  if (found.teacher.school?.admins.length) return "school admin";
  if (found.teachers.length) throw forbidden("delete this class: only its owner can");
  throw notFound("That class");
}

export async function previewClassDeletion(user: SessionUser, classroomId: string) {
  const as = await requireClassDeleter(user, classroomId);
  const classroom = await db().classroom.findUniqueOrThrow({
    where: { id: classroomId },
    select: { id: true, name: true, closedAt: true, teacher: { select: { school: { select: { keepAnonymisedMarks: true } } } } },
  });
  const goes = await db().$transaction((tx) => countClass(tx, classroomId));
  return { id: classroom.id, name: classroom.name, as, goes, keepsMarks: classroom.teacher.school?.keepAnonymisedMarks ?? false };
}

export async function deleteClass(user: SessionUser, classroomId: string): Promise<ClassReport> {
  const as = await requireClassDeleter(user, classroomId);
  return eraseClass(classroomId, { actorId: user.id, reason: as });
}
