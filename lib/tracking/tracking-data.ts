import { db } from "../db";
import { assertTeacher, requireTeacherOf, requireTeacherOfAssignment } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { notFound } from "../errors";
import { funnel, levelHeatmap, markDistribution } from "./analytics";
import type { Board } from "./board";
import { loadTracking, trackAssignment } from "./internal/load-tracking";

// The board, the analytics and the department view for the acting teacher: each authorizes,
// then reads through the one loader in internal/load-tracking.ts.

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
