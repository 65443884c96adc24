import type { SessionUser } from "../auth/sessions";
import { requireTeacherOfAssignment } from "../auth/policy";
import { appTimeZone } from "../env";
import { assignmentMarksRows, classMarksRows } from "./marks-csv";
import { trackAssignment } from "./internal/load-tracking";
import { getClassBoard } from "./tracking-data";
import { db } from "../db";
import { csvDateTime } from "../time/format";
import { namesHidden } from "../marking/blind";
import { candidateRows } from "../marking/blind-board";
import { classCandidateNumbers } from "../marking/internal/candidate-numbers";

// The CSV exports: only the class's teacher may download them. Times in the school's zone.

export async function getClassMarksCsv(user: SessionUser, classroomId: string) {
  const { classroom, board } = await getClassBoard(user, classroomId);
  return { classroomName: classroom.name, rows: classMarksRows(board, appTimeZone()) };
}

/**
 * One assignment's marks: only that assignment's work is loaded, not the class's whole board.
 * Marked blind, the file says whether the names were hidden; while they are, it holds
 * candidate numbers in number order, and no names or emails (decision 029).
 */
export async function getAssignmentMarksCsv(user: SessionUser, assignmentId: string) {
  const { classroomId } = await requireTeacherOfAssignment(user, assignmentId);
  const [{ classroom, column, rows }, blind] = await Promise.all([
    trackAssignment(classroomId, assignmentId),
    db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { blindMarking: true, namesRevealedAt: true } }),
  ]);
  const zone = appTimeZone();
  const board = { columns: [column], rows };
  const hidden = namesHidden(blind);
  const shown = hidden ? candidateRows(board, await classCandidateNumbers(assignmentId)) : board;
  const table = assignmentMarksRows(shown, assignmentId, zone, hidden);
  const note = blind.blindMarking ? [[], ["Names hidden:", hidden ? "yes (marked blind)" : `no (marked blind; names revealed ${csvDateTime(blind.namesRevealedAt!, zone)}, ${zone})`]] : [];
  return { classroomName: classroom.name, questionText: column.questionText, rows: [...table, ...note] };
}
