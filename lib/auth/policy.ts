import { db } from "../db";
import { forbidden, notFound } from "../errors";
import type { SessionUser } from "./sessions";

// "May they do this?" — the one place access rules live. Each guard loads only what it
// needs, refuses by default, and throws an AppError the action wrapper shows as a message.
// A class that exists but is not yours is reported as not found, so ids cannot be probed.

export function assertTeacher(user: SessionUser): void {
  if (user.role !== "TEACHER") throw forbidden("do that: it is for teachers");
}

export function assertStudent(user: SessionUser): void {
  if (user.role !== "STUDENT") throw forbidden("do that: it is for students");
}

export async function requireTeacherOf(user: SessionUser, classroomId: string): Promise<void> {
  assertTeacher(user);
  const found = await db().classroom.count({ where: { id: classroomId, teacherId: user.id } });
  if (!found) throw notFound("That class");
}

export async function requireMemberOf(user: SessionUser, classroomId: string): Promise<"teacher" | "student"> {
  const classroom = await db().classroom.findUnique({
    where: { id: classroomId },
    select: { teacherId: true, enrolments: { where: { studentId: user.id }, select: { id: true } } },
  });
  if (classroom?.teacherId === user.id) return "teacher";
  if (classroom && classroom.enrolments.length > 0) return "student";
  throw notFound("That class");
}

export async function requireTopicOwner(user: SessionUser, topicId: string): Promise<void> {
  assertTeacher(user);
  const found = await db().topic.count({ where: { id: topicId, ownerId: user.id } });
  if (!found) throw notFound("That topic");
}

export async function requireQuestionOwner(user: SessionUser, questionId: string): Promise<void> {
  assertTeacher(user);
  const found = await db().question.count({ where: { id: questionId, topic: { ownerId: user.id } } });
  if (!found) throw notFound("That question");
}
