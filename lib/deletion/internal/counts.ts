import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { Counts } from "../labels";

// What a deletion will take, counted the same way for the confirmation (before) and the
// report (inside the deleting transaction, just before the delete): the two must agree.

type Tx = Prisma.TransactionClient;

export type { Counts };
export type ClassRef = { id: string; name: string };

/** Drops zero counts so a confirmation lists only what is there. */
export const nonZero = (counts: Counts): Counts => Object.fromEntries(Object.entries(counts).filter(([, n]) => n)) as Counts;

// Classes an account's deletion takes with it: those it owns that have no students. A class
// with students blocks the deletion instead (ownership passes first, or the class goes).
const emptyOwned = (userId: string) => ({ teacherId: userId, enrolments: { none: {} } }) as const;
// Topics that go with their owner: none of their questions is set in a class that stays.
const unusedTopics = (userId: string) =>
  ({ ownerId: userId, questions: { none: { assignments: { some: { classroom: { NOT: emptyOwned(userId) } } } } } }) as const;

export type PersonCounts = {
  goes: Counts;
  /** Classes the person was in or taught that stay (their rows there go). */
  classesAffected: ClassRef[];
  /** Classes they own that have students: the deletion is refused until these are handed over or deleted. */
  blockingClasses: ClassRef[];
  /** What stays, anonymised ("a former teacher"). */
  keptAnonymised: { assignments: number; comments: number };
};

export async function countPerson(tx: Tx, userId: string, email: string): Promise<PersonCounts> {
  const work = { draft: { studentId: userId } } as const;
  const [enrolled, taught, blocking, goneClasses] = await Promise.all([
    tx.enrolment.findMany({ where: { studentId: userId }, select: { classroom: { select: { id: true, name: true } } } }),
    tx.classTeacher.findMany({ where: { teacherId: userId, classroom: { NOT: emptyOwned(userId) } }, select: { classroom: { select: { id: true, name: true } } } }),
    tx.classroom.findMany({ where: { teacherId: userId, enrolments: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    tx.classroom.count({ where: emptyOwned(userId) }),
  ]);
  const goes: Counts = {
    classes: goneClasses,
    enrolments: enrolled.length,
    plans: await tx.plan.count({ where: { studentId: userId } }),
    drafts: await tx.draft.count({ where: { studentId: userId } }),
    draftVersions: await tx.draftRevision.count({ where: { draft: { studentId: userId } } }),
    submissions: await tx.submission.count({ where: work }),
    markings: await tx.marking.count({ where: { submission: work } }),
    annotations: await tx.annotation.count({ where: { submission: work } }),
    invitations:
      (await tx.invitation.count({ where: { email } })) +
      (await tx.teacherInvitation.count({ where: { email } })) +
      (await tx.departmentInvitation.count({ where: { email } })),
    gradebookScores: await tx.ltiScore.count({ where: { studentId: userId } }),
    topics: await tx.topic.count({ where: unusedTopics(userId) }),
    commentBank: await tx.commentBankEntry.count({ where: { teacherId: userId } }),
    coTeaching: await tx.classTeacher.count({ where: { teacherId: userId, role: "CO_TEACHER" } }),
    departments: await tx.departmentMember.count({ where: { teacherId: userId } }),
  };
  const stays = { classroom: { NOT: emptyOwned(userId) } } as const;
  const keptAnonymised = {
    assignments: await tx.assignment.count({ where: { setById: userId, ...stays } }),
    comments: await tx.annotation.count({ where: { authorId: userId, submission: { draft: { assignment: stays, NOT: { studentId: userId } } } } }),
  };
  const byId = new Map([...enrolled, ...taught].map((r) => [r.classroom.id, r.classroom]));
  const classesAffected = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { goes: nonZero(goes), classesAffected, blockingClasses: blocking, keptAnonymised };
}

/** The deletion of topics no class still uses, which the User row's SetNull would otherwise keep ownerless. */
export const deleteUnusedTopics = (tx: Tx, userId: string) => tx.topic.deleteMany({ where: unusedTopics(userId) });
export const deleteEmptyOwnedClasses = (tx: Tx, userId: string) => tx.classroom.deleteMany({ where: emptyOwned(userId) });

export async function countClass(tx: Tx, classroomId: string): Promise<Counts> {
  const work = { draft: { assignment: { classroomId } } } as const;
  return nonZero({
    enrolments: await tx.enrolment.count({ where: { classroomId } }),
    assignments: await tx.assignment.count({ where: { classroomId } }),
    plans: await tx.plan.count({ where: { assignment: { classroomId } } }),
    drafts: await tx.draft.count({ where: { assignment: { classroomId } } }),
    draftVersions: await tx.draftRevision.count({ where: work }),
    submissions: await tx.submission.count({ where: work }),
    markings: await tx.marking.count({ where: { submission: work } }),
    annotations: await tx.annotation.count({ where: { submission: work } }),
    invitations: (await tx.invitation.count({ where: { classroomId } })) + (await tx.teacherInvitation.count({ where: { classroomId } })),
    coTeaching: await tx.classTeacher.count({ where: { classroomId, role: "CO_TEACHER" } }),
  });
}
