import { db } from "../db";
import { assertTeacher, requireTeacherOf, requireTeacherOfAssignment } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { notFound } from "../errors";
import { AwardSchema } from "../marking/schemas";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import { funnel, levelHeatmap, markDistribution } from "./analytics";
import { buildBoard, type Board, type TrackedDraft } from "./board";

// The one loader behind the board, the analytics and the department view. Five flat
// queries (and Prisma's one follow-up per nested relation) whatever the number of
// students or assignments: never a query per student. tests/integration/tracking-queries
// proves the count is the same for a class of 5 and of 60.

const awardsOf = (json: unknown) => {
  const parsed = AwardSchema.array().safeParse(json);
  return parsed.success ? parsed.data : [];
};

type Scope = { classroomIds: string[]; assignmentId?: string };

async function loadTracking({ classroomIds, assignmentId }: Scope, now: Date) {
  const inClasses = { classroomId: { in: classroomIds } };
  const assignmentWhere = assignmentId ? { ...inClasses, id: assignmentId } : inClasses;
  const [classrooms, assignments, enrolments, plans, drafts] = await Promise.all([
    db().classroom.findMany({ where: { id: { in: classroomIds } }, orderBy: { name: "asc" }, select: { id: true, name: true, yearGroup: true } }),
    db().assignment.findMany({
      where: assignmentWhere,
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, classroomId: true, dueAt: true, createdAt: true, status: true, question: { select: { text: true } }, rubricVersion: { select: { content: true } } },
    }),
    db().enrolment.findMany({
      where: inClasses,
      orderBy: { student: { name: "asc" } },
      select: { classroomId: true, student: { select: { id: true, name: true, email: true } } },
    }),
    db().plan.findMany({ where: { assignment: assignmentWhere }, select: { assignmentId: true, studentId: true, revision: true, updatedAt: true } }),
    db().draft.findMany({
      where: { assignment: assignmentWhere },
      select: {
        assignmentId: true,
        studentId: true,
        wordCount: true,
        submittedAt: true,
        late: true,
        updatedAt: true,
        submissions: { orderBy: { number: "asc" }, select: { number: true, submittedAt: true, marking: { select: { status: true, total: true, awards: true, returnedAt: true } } } },
      },
    }),
  ]);
  const tracked = assignments.map(({ question, rubricVersion, ...a }) => ({ ...a, questionText: question.text, rubric: rubricFromSnapshot(rubricVersion.content) }));
  const trackedDrafts: TrackedDraft[] = drafts.map((d) => ({
    ...d,
    submissions: d.submissions.map((s) => ({ ...s, marking: s.marking ? { ...s.marking, awards: awardsOf(s.marking.awards) } : null })),
  }));
  // One board per class: a student sits in the rows of the classes they are enrolled in.
  return classrooms.map((classroom) => ({
    classroom,
    board: buildBoard({
      assignments: tracked.filter((a) => a.classroomId === classroom.id),
      students: enrolments.filter((e) => e.classroomId === classroom.id).map((e) => e.student),
      plans,
      drafts: trackedDrafts,
      now,
    }),
  }));
}

/** One assignment's column and rows, for callers that have already authorized the teacher. */
export async function trackAssignment(classroomId: string, assignmentId: string, now = new Date()) {
  const [only] = await loadTracking({ classroomIds: [classroomId], assignmentId }, now);
  const column = only?.board.columns[0];
  if (!only || !column) throw notFound("That assignment");
  return { classroom: only.classroom, column, rows: only.board.rows.map((r) => ({ ...r, cell: r.cells[0]! })) };
}

export type ClassBoard = { classroom: { id: string; name: string; yearGroup: string }; board: Board };

export async function getClassBoard(user: SessionUser, classroomId: string, now = new Date()): Promise<ClassBoard> {
  await requireTeacherOf(user, classroomId);
  const [only] = await loadTracking({ classroomIds: [classroomId] }, now);
  if (!only) throw notFound("That class");
  return only;
}

/** Every class the teacher teaches, each with its board (the department view). */
export async function getDepartmentOverview(user: SessionUser, now = new Date()): Promise<ClassBoard[]> {
  assertTeacher(user);
  const classes = await db().classroom.findMany({ where: { teacherId: user.id }, select: { id: true } });
  if (!classes.length) return [];
  return loadTracking({ classroomIds: classes.map((c) => c.id) }, now);
}

/** The funnel, the distribution of totals and the level heatmap for one assignment. */
export async function getAssignmentAnalytics(user: SessionUser, assignmentId: string, now = new Date()) {
  const { classroomId } = await requireTeacherOfAssignment(user, assignmentId);
  const only = await trackAssignment(classroomId, assignmentId, now);
  const column = only.column;
  const cells = only.rows.map((r) => ({ student: r.student, cell: r.cell }));
  const rubric = column.rubric;
  const totals = cells.flatMap(({ cell }) => (cell.mark === null ? [] : [cell.mark]));
  return {
    classroom: only.classroom,
    assignment: column,
    rows: only.rows,
    funnel: funnel(cells.map(({ cell }) => cell.status)),
    distribution: markDistribution(totals, rubric.totalMarks),
    marked: totals.length,
    averageMark: column.averageMark,
    heatmap: levelHeatmap({
      criteria: rubric.criteria.map((c) => ({ id: c.id, name: c.name, levelCount: c.levels.length })),
      students: cells.map(({ student, cell }) => ({ id: student.id, name: student.name, awards: cell.awards })),
    }),
  };
}

export type AssignmentAnalytics = Awaited<ReturnType<typeof getAssignmentAnalytics>>;
