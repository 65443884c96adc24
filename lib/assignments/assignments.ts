import { db } from "../db";
import { enqueue } from "../jobs/enqueue";
import { scheduleReminder } from "../notifications/reminders";
import { AppError } from "../errors";
import { assertStudent, requireQuestionOwner, requireTeacherOf, requireTeacherOfAssignment } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { pinRubric } from "../rubrics/internal/pin-rubric";
import { trackAssignment } from "../tracking/internal/load-tracking";
import { deriveWorkStatus } from "./status";
import { namesHidden } from "../marking/blind";
import { displayName } from "../marking/display-name";
import { classCandidateNumbers } from "../marking/internal/candidate-numbers";
import { SetAssignmentSchema, UpdateAssignmentSchema, type SetAssignmentInput, type UpdateAssignmentInput } from "./schemas";

function assertFuture(dueAt: Date) {
  if (dueAt.getTime() <= Date.now()) {
    throw new AppError("The due date must be in the future.", 422, { dueAt: ["Choose a date and time in the future."] });
  }
}

export async function setAssignment(user: SessionUser, raw: SetAssignmentInput) {
  const input = SetAssignmentSchema.parse(raw);
  await requireTeacherOf(user, input.classroomId);
  await requireQuestionOwner(user, input.questionId);
  assertFuture(input.dueAt);
  const rubricVersion = await pinRubric(input.rubricId);
  // The class hears of it, and its reminder is scheduled, with the assignment or not at all (decision 047).
  return db().$transaction(async (tx) => {
    const created = await tx.assignment.create({
      data: {
        classroomId: input.classroomId,
        questionId: input.questionId,
        rubricVersionId: rubricVersion.id,
        setById: user.id,
        dueAt: input.dueAt,
        wordLimit: input.wordLimit,
        instructions: input.instructions,
        blindMarking: input.blindMarking,
        feedbackBeforeMarks: input.feedbackBeforeMarks,
      },
      select: { id: true, dueAt: true },
    });
    await enqueue(tx, "notify", { type: "assignment-set", assignmentId: created.id });
    await scheduleReminder(tx, { assignmentId: created.id, dueAt: created.dueAt, open: true, justSet: true });
    return { id: created.id };
  });
}

export async function updateAssignment(user: SessionUser, raw: UpdateAssignmentInput) {
  const input = UpdateAssignmentSchema.parse(raw);
  await requireTeacherOfAssignment(user, input.assignmentId);
  await db().$transaction(async (tx) => {
    const a = await tx.assignment.update({
      where: { id: input.assignmentId },
      data: { dueAt: input.dueAt, wordLimit: input.wordLimit, instructions: input.instructions },
      select: { dueAt: true, status: true },
    });
    // A moved deadline moves its reminder (decision 047); an unchanged one keeps it.
    await scheduleReminder(tx, { assignmentId: input.assignmentId, dueAt: a.dueAt, open: a.status === "OPEN" });
  });
}

/** A closed assignment takes no more saves or submissions; reopening restores that. */
export async function setAssignmentOpen(user: SessionUser, assignmentId: string, open: boolean) {
  await requireTeacherOfAssignment(user, assignmentId);
  await db().$transaction(async (tx) => {
    const a = await tx.assignment.update({
      where: { id: assignmentId },
      data: open ? { status: "OPEN", closedAt: null } : { status: "CLOSED", closedAt: new Date() },
      select: { dueAt: true },
    });
    // Closing cancels the reminder; reopening before the deadline schedules it again.
    await scheduleReminder(tx, { assignmentId, dueAt: a.dueAt, open });
  });
}

const assignmentSummary = {
  id: true,
  dueAt: true,
  wordLimit: true,
  status: true,
  instructions: true,
  question: { select: { id: true, text: true } },
  rubricVersion: { select: { title: true } },
} as const;

export async function listClassAssignments(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  const [assignments, enrolled] = await Promise.all([
    db().assignment.findMany({
      where: { classroomId },
      orderBy: { dueAt: "asc" },
      select: { ...assignmentSummary, drafts: { where: { submittedAt: { not: null } }, select: { id: true } } },
    }),
    db().enrolment.count({ where: { classroomId } }),
  ]);
  return assignments.map(({ drafts, ...a }) => ({ ...a, submitted: drafts.length, enrolled }));
}

/** A student's assignments across their classes, with where they stand on each. */
export async function listStudentAssignments(user: SessionUser) {
  assertStudent(user);
  const rows = await db().assignment.findMany({
    where: { classroom: { enrolments: { some: { studentId: user.id } } } },
    orderBy: [{ status: "asc" }, { dueAt: "asc" }],
    select: {
      ...assignmentSummary,
      classroom: { select: { name: true } },
      plans: { where: { studentId: user.id }, select: { revision: true } },
      drafts: {
        where: { studentId: user.id },
        select: {
          wordCount: true,
          submittedAt: true,
          late: true,
          // Feedback shows once returned; a marking in progress is the teacher's business.
          submissions: { where: { marking: { status: "RETURNED" } }, orderBy: { number: "desc" }, take: 1, select: { number: true, marking: { select: { allowRedraft: true } } } },
        },
      },
    },
  });
  return rows.map(({ plans, drafts, ...a }) => {
    const draft = drafts[0];
    const returned = draft?.submissions[0];
    return {
      ...a,
      late: draft?.late ?? false,
      feedback: returned ? { version: returned.number, redraftAsked: !!returned.marking?.allowRedraft && !!draft?.submittedAt } : null,
      workStatus: deriveWorkStatus({ planRevision: plans[0]?.revision ?? null, draftWords: draft?.wordCount ?? null, submittedAt: draft?.submittedAt ?? null }),
    };
  });
}

/**
 * The teacher's view of one assignment: every enrolled student and where they stand (board
 * statuses). Marked blind with names hidden, candidate numbers in number order instead.
 */
export async function getAssignmentOverview(user: SessionUser, assignmentId: string) {
  const assignment = await requireTeacherOfAssignment(user, assignmentId);
  const [{ blindMarking, namesRevealedAt, namesRevealedBy, ...details }, tracked] = await Promise.all([
    db().assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { ...assignmentSummary, classroom: { select: { id: true, name: true } }, blindMarking: true, namesRevealedAt: true, namesRevealedBy: { select: { name: true } } },
    }),
    trackAssignment(assignment.classroomId, assignmentId),
  ]);
  const hidden = namesHidden({ blindMarking, namesRevealedAt });
  const numbers = hidden ? await classCandidateNumbers(assignmentId) : null;
  const rows = numbers ? [...tracked.rows].sort((a, b) => (numbers.get(a.student.id) ?? 0) - (numbers.get(b.student.id) ?? 0)) : tracked.rows;
  const students = rows.map(({ student, cell }) => ({
    id: student.id,
    name: displayName(student, { hidden, candidate: numbers?.get(student.id) }),
    words: cell.words,
    late: cell.late,
    submittedAt: cell.submittedAt,
    lastActivity: cell.lastActivityAt,
    workStatus: cell.status,
    cell,
  }));
  const blind = { blindMarking, hidden, revealedAt: namesRevealedAt, revealedBy: namesRevealedBy?.name ?? null };
  return { ...details, blind, totalMarks: tracked.column.rubric.totalMarks, students };
}
