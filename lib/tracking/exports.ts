import type { SessionUser } from "../auth/sessions";
import { notFound } from "../errors";
import { requireAssignmentAccess } from "../auth/policy";
import { assignmentMarksRows, classMarksRows } from "./marks-csv";
import { getClassBoard } from "./tracking-data";

// The CSV exports: only the class's teacher may download them (getClassBoard checks).

export async function getClassMarksCsv(user: SessionUser, classroomId: string) {
  const { classroom, board } = await getClassBoard(user, classroomId);
  return { classroomName: classroom.name, rows: classMarksRows(board) };
}

export async function getAssignmentMarksCsv(user: SessionUser, assignmentId: string) {
  const access = await requireAssignmentAccess(user, assignmentId);
  if (access.as !== "teacher") throw notFound("That assignment");
  const { classroom, board } = await getClassBoard(user, access.assignment.classroomId);
  const column = board.columns.find((c) => c.id === assignmentId);
  if (!column) throw notFound("That assignment");
  return { classroomName: classroom.name, questionText: column.questionText, rows: assignmentMarksRows(board, assignmentId) };
}
