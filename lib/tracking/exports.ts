import type { SessionUser } from "../auth/sessions";
import { requireTeacherOfAssignment } from "../auth/policy";
import { appTimeZone } from "../env";
import { assignmentMarksRows, classMarksRows } from "./marks-csv";
import { trackAssignment } from "./internal/load-tracking";
import { getClassBoard } from "./tracking-data";

// The CSV exports: only the class's teacher may download them. Times in the school's zone.

export async function getClassMarksCsv(user: SessionUser, classroomId: string) {
  const { classroom, board } = await getClassBoard(user, classroomId);
  return { classroomName: classroom.name, rows: classMarksRows(board, appTimeZone()) };
}

/** One assignment's marks: only that assignment's work is loaded, not the class's whole board. */
export async function getAssignmentMarksCsv(user: SessionUser, assignmentId: string) {
  const { classroomId } = await requireTeacherOfAssignment(user, assignmentId);
  const { classroom, column, rows } = await trackAssignment(classroomId, assignmentId);
  return { classroomName: classroom.name, questionText: column.questionText, rows: assignmentMarksRows({ columns: [column], rows }, assignmentId, appTimeZone()) };
}
