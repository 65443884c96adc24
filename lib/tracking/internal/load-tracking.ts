import "server-only";
import { db } from "../../db";
import { notFound } from "../../errors";
import { AwardSchema } from "../../marking/schemas";
import { rubricFromSnapshot } from "../../rubrics/rubric-catalogue";
import { buildBoard, type TrackedAssignment, type TrackedDraft } from "../board";
import { namesHidden } from "../../marking/blind";

// Internal: callers have already authorized the teacher (lib/tracking/tracking-data.ts,
// lib/tracking/exports.ts, lib/assignments/assignments.ts); app/ may not import this (lint).
//
// The one loader behind the board, the analytics and the department view. Five flat
// queries (and Prisma's one follow-up per nested relation) whatever the number of
// students or assignments: never a query per student. tests/integration/tracking-queries
// proves the count is the same for a class of 5 and of 60.

const awardsOf = (json: unknown) => {
  const parsed = AwardSchema.array().safeParse(json);
  return parsed.success ? parsed.data : [];
};

// `studentIds` narrows the rows to one page of the board (internal/board-sql.ts chose them).
type Scope = { classroomIds: string[]; assignmentId?: string; studentIds?: string[] };

/** The classes' assignments in due order, each with its rubric: few rows, whatever the class size. */
export async function loadAssignments(classroomIds: string[], assignmentId?: string): Promise<TrackedAssignment[]> {
  const inClasses = { classroomId: { in: classroomIds } };
  const assignments = await db().assignment.findMany({
    where: assignmentId ? { ...inClasses, id: assignmentId } : inClasses,
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      classroomId: true,
      dueAt: true,
      createdAt: true,
      status: true,
      blindMarking: true,
      namesRevealedAt: true,
      question: { select: { text: true } },
      rubricVersion: { select: { content: true } },
    },
  });
  return assignments.map(({ question, rubricVersion, blindMarking, namesRevealedAt, ...a }) => ({
    ...a,
    questionText: question.text,
    rubric: rubricFromSnapshot(rubricVersion.content),
    namesHidden: namesHidden({ blindMarking, namesRevealedAt }),
  }));
}

export async function loadTracking({ classroomIds, assignmentId, studentIds }: Scope, now: Date, known?: TrackedAssignment[]) {
  const inClasses = { classroomId: { in: classroomIds } };
  const assignmentWhere = assignmentId ? { ...inClasses, id: assignmentId } : inClasses;
  const ofStudents = studentIds ? { studentId: { in: studentIds } } : {};
  const [classrooms, tracked, enrolments, plans, drafts] = await Promise.all([
    db().classroom.findMany({ where: { id: { in: classroomIds } }, orderBy: { name: "asc" }, select: { id: true, name: true, yearGroup: true } }),
    known ? Promise.resolve(known) : loadAssignments(classroomIds, assignmentId),
    db().enrolment.findMany({
      where: { ...inClasses, ...ofStudents },
      orderBy: { student: { name: "asc" } },
      select: { classroomId: true, student: { select: { id: true, name: true, email: true } } },
    }),
    db().plan.findMany({ where: { assignment: assignmentWhere, ...ofStudents }, select: { assignmentId: true, studentId: true, revision: true, updatedAt: true } }),
    db().draft.findMany({
      where: { assignment: assignmentWhere, ...ofStudents },
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
