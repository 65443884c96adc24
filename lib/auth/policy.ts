import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
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

/**
 * The classes a teacher teaches (owner or co-teacher), as an SQL subquery of classroom ids,
 * for the queries that scope many classes in one statement (the marking queue). Callers only
 * ever write `IN (${...})`.
 */
export function taughtClassroomIds(user: SessionUser): Prisma.Sql {
  return Prisma.sql`SELECT "classroomId" FROM "ClassTeacher" WHERE "teacherId" = ${user.id}`;
}

// A class is taught by everyone with a ClassTeacher row: its owner and its co-teachers
// (decision 025). Classroom.teacherId names the owner and is never used for access, so a
// teacher removed from a class (their row deleted) is refused on their very next request.

export type ClassTeacherRole = "OWNER" | "CO_TEACHER";

/** The where-fragment for the classes a teacher teaches, for queries that list or scope by class. */
export const taughtBy = (teacherId: string) => ({ teachers: { some: { teacherId } } }) as const;

/** Any teacher of the class (owner or co-teacher); returns their role in it. */
export async function requireTeacherOf(user: SessionUser, classroomId: string): Promise<{ role: ClassTeacherRole }> {
  assertTeacher(user);
  const row = await db().classTeacher.findUnique({
    where: { classroomId_teacherId: { classroomId, teacherId: user.id } },
    select: { role: true },
  });
  if (!row) throw notFound("That class");
  return row;
}

/** Only the class's owner decides who teaches it: invites, withdraws invitations, removes co-teachers. */
export async function requireOwnerOf(user: SessionUser, classroomId: string): Promise<void> {
  const { role } = await requireTeacherOf(user, classroomId);
  if (role !== "OWNER") throw forbidden("change who teaches this class: only its owner can. You can leave it yourself");
}

export async function requireMemberOf(user: SessionUser, classroomId: string): Promise<"teacher" | "student"> {
  const classroom = await db().classroom.findUnique({
    where: { id: classroomId },
    select: { teachers: { where: { teacherId: user.id }, select: { role: true } }, enrolments: { where: { studentId: user.id }, select: { id: true } } },
  });
  if (user.role === "TEACHER" && classroom && classroom.teachers.length > 0) return "teacher";
  if (user.role === "STUDENT" && classroom && classroom.enrolments.length > 0) return "student";
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

export type AssignmentAccess = {
  as: "teacher" | "student";
  assignment: { id: string; classroomId: string; status: "OPEN" | "CLOSED"; dueAt: Date; wordLimit: number | null };
};

const assignmentFields = { id: true, classroomId: true, status: true, dueAt: true, wordLimit: true } as const;

/** A teacher of the class or one of its students may open an assignment; nobody else learns it exists. */
export async function requireAssignmentAccess(user: SessionUser, assignmentId: string): Promise<AssignmentAccess> {
  // Only the relation that can admit this user is loaded (a teacher's membership row, a
  // student's enrolment), so the guard costs the same statements as before co-teachers.
  if (user.role === "TEACHER") {
    const found = await db().assignment.findUnique({
      where: { id: assignmentId },
      select: { ...assignmentFields, classroom: { select: { teachers: { where: { teacherId: user.id }, select: { role: true } } } } },
    });
    if (found?.classroom.teachers.length) {
      const { classroom: _classroom, ...assignment } = found;
      return { as: "teacher", assignment };
    }
  } else {
    const found = await db().assignment.findUnique({
      where: { id: assignmentId },
      select: { ...assignmentFields, classroom: { select: { enrolments: { where: { studentId: user.id }, select: { id: true } } } } },
    });
    if (found?.classroom.enrolments.length) {
      const { classroom: _classroom, ...assignment } = found;
      return { as: "student", assignment };
    }
  }
  throw notFound("That assignment");
}

/** Only the student themself writes their plan and draft. */
export async function requireOwnWork(user: SessionUser, assignmentId: string) {
  const access = await requireAssignmentAccess(user, assignmentId);
  if (access.as !== "student") throw forbidden("edit a student's plan or draft");
  return access.assignment;
}

/** Only a teacher of the class reads an assignment's work as a whole; to anyone else it is not found. */
export async function requireTeacherOfAssignment(user: SessionUser, assignmentId: string) {
  const access = await requireAssignmentAccess(user, assignmentId);
  if (access.as !== "teacher") throw notFound("That assignment");
  return access.assignment;
}

/** A teacher of the class may read the work of a student enrolled in it. */
export async function requireTeacherOfStudentWork(user: SessionUser, assignmentId: string, studentId: string) {
  const assignment = await requireTeacherOfAssignment(user, assignmentId);
  const enrolled = await db().enrolment.count({ where: { classroomId: assignment.classroomId, studentId } });
  if (!enrolled) throw notFound("That student's work");
  return assignment;
}

const annotationContext = {
  id: true,
  kind: true,
  submission: {
    select: {
      id: true,
      text: true,
      marking: { select: { status: true } },
      draft: { select: { studentId: true, assignment: { select: { rubricVersion: { select: { content: true } } } } } },
    },
  },
} as const;

/** Only a teacher of the class whose essay it is may change an annotation (whoever wrote it: marking is shared). */
export async function requireAnnotationForTeacher(user: SessionUser, annotationId: string) {
  assertTeacher(user);
  const found = await db().annotation.findFirst({
    where: { id: annotationId, submission: { draft: { assignment: { classroom: taughtBy(user.id) } } } },
    select: annotationContext,
  });
  if (!found) throw notFound("That annotation");
  return found;
}

/** The student sees (and answers) an annotation on their own essay once its feedback is returned. */
export async function requireAnnotationForStudent(user: SessionUser, annotationId: string) {
  assertStudent(user);
  const found = await db().annotation.findFirst({
    where: { id: annotationId, submission: { draft: { studentId: user.id }, marking: { status: "RETURNED" } } },
    select: annotationContext,
  });
  if (!found) throw notFound("That comment");
  return found;
}

// ── Moderation (docs/decisions/030-moderation.md) ──────────────────────────────────────────
// A head of department moderates every assignment in a class taught (owned or co-taught) by
// a member of a department they head. Like class teaching, it goes by membership rows read on
// every request, so taking someone out of a department ends their access at once. Heading a
// department opens only the moderation screens and the department report, not the class's
// other pages: the blind second marker is not shown the first marks elsewhere.

/** The where-fragment for the classes a head of department moderates. */
export const moderatedBy = (headId: string) =>
  ({ teachers: { some: { teacher: { departments: { some: { department: { members: { some: { teacherId: headId, role: "HEAD" } } } } } } } } }) as const;

export type ModerationAccess = { as: "teacher" | "head"; assignment: { id: string; classroomId: string } };

/** A teacher of the class, or a head of a department one of its teachers belongs to; to anyone else the assignment is not found. */
export async function requireModerationAccess(user: SessionUser, assignmentId: string): Promise<ModerationAccess> {
  assertTeacher(user);
  const found = await db().assignment.findFirst({
    where: { id: assignmentId, classroom: { OR: [taughtBy(user.id), moderatedBy(user.id)] } },
    select: { id: true, classroomId: true, classroom: { select: { teachers: { where: { teacherId: user.id }, select: { role: true } } } } },
  });
  if (!found) throw notFound("That assignment");
  return { as: found.classroom.teachers.length ? "teacher" : "head", assignment: { id: found.id, classroomId: found.classroomId } };
}

/** The departments the user heads; refused for anyone who heads none. */
export async function requireHeadOfDepartment(user: SessionUser): Promise<{ id: string; name: string }[]> {
  assertTeacher(user);
  const rows = await db().departmentMember.findMany({
    where: { teacherId: user.id, role: "HEAD" },
    orderBy: { department: { name: "asc" } },
    select: { department: { select: { id: true, name: true } } },
  });
  if (!rows.length) throw forbidden("see a department's moderation: it is for heads of department");
  return rows.map((r) => r.department);
}

// ── Schools (docs/decisions/033-schools.md) ───────────────────────────────────────────────
// A school's administrators (granted with `npm run school`) configure its sign-in providers,
// email domains, two-factor policy and LMS registrations. To anyone else the school is not
// found, so ids cannot be probed.

/** An administrator of this school; to anyone else it is not found. */
export async function requireSchoolAdmin(user: SessionUser, schoolId: string): Promise<void> {
  const row = await db().schoolAdmin.findUnique({ where: { schoolId_userId: { schoolId, userId: user.id } }, select: { schoolId: true } });
  if (!row) throw notFound("That school");
}

// Who may read the audit trail (decision 039): a class's teachers read their class's events,
// through their ClassTeacher rows; a school's administrators read all of their school's.
// Nobody, through the app, may change it.

/** A class's audit trail: any teacher of the class; to anyone else the class is not found. */
export async function requireClassAuditReader(user: SessionUser, classroomId: string): Promise<void> {
  await requireTeacherOf(user, classroomId);
}

/** A school's audit trail: its administrators only. */
export async function requireSchoolAuditReader(user: SessionUser, schoolId: string): Promise<void> {
  await requireSchoolAdmin(user, schoolId);
}

// ── Data exports (docs/decisions/041-export-format.md) ───────────────────────────────────
// A student's data goes to the student themself, or to an administrator of the student's
// school (a subject access request, a move to another school). A class's to its teachers.

/** Whether this account may export this student's data; also re-checked when the job runs. */
export async function mayExportStudent(userId: string, studentId: string): Promise<"student" | "school" | null> {
  const student = await db().user.findUnique({ where: { id: studentId }, select: { role: true, schoolId: true } });
  if (!student || student.role !== "STUDENT") return null;
  if (userId === studentId) return "student";
  if (!student.schoolId) return null;
  const admin = await db().schoolAdmin.findUnique({ where: { schoolId_userId: { schoolId: student.schoolId, userId } }, select: { userId: true } });
  return admin ? "school" : null;
}

/** The student themself or an admin of their school; to anyone else the student is not found. */
export async function requireStudentExport(user: SessionUser, studentId: string): Promise<"student" | "school"> {
  const as = await mayExportStudent(user.id, studentId);
  if (!as) throw notFound("That student");
  return as;
}
