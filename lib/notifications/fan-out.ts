import "server-only";
import { db } from "../db";
import { appTimeZone } from "../env";
import { namesHidden } from "../marking/blind";
import { displayName } from "../marking/display-name";
import { candidateNumbers } from "../marking/internal/candidate-numbers";
import { createNotifications, type Addressed } from "./create";
import type { NotifyEvent } from "./events";
import * as say from "./messages";

// The "notify" job (decision 047): from an event the app sent, who hears and what they are
// told. Reads the state as it is now, so a job that runs late says what is true then; writes
// through createNotifications, whose dedupe keys make a retry or a second run harmless.

export async function runNotifyEvent(event: NotifyEvent): Promise<number> {
  switch (event.type) {
    case "assignment-set":
      return createNotifications(await assignmentSet(event.assignmentId));
    case "marking-returned":
    case "teacher-replied":
      return createNotifications(await toStudent(event.type, event.submissionId));
    case "student-responded":
    case "resubmitted":
      return createNotifications(await toTeachers(event.type, event.submissionId));
    case "class-to-be-deleted":
      return createNotifications(await classToBeDeleted(event.classroomId));
  }
}

async function classToBeDeleted(classroomId: string): Promise<Addressed[]> {
  const c = await db().classroom.findUnique({
    where: { id: classroomId },
    select: { name: true, closedAt: true, retentionNotices: { select: { teacherId: true, deleteAfter: true } } },
  });
  // Reopened (its notices went with it) or deleted before the job ran: nothing to say.
  if (!c?.closedAt) return [];
  const zone = appTimeZone();
  return c.retentionNotices.map((n) => ({
    ...say.classToBeDeleted({ classroomId, className: c.name, deleteAfter: n.deleteAfter }, zone),
    userId: n.teacherId,
  }));
}

const essaySelect = {
  id: true,
  dueAt: true,
  status: true,
  blindMarking: true,
  namesRevealedAt: true,
  classroomId: true,
  question: { select: { text: true } },
  classroom: { select: { name: true, closedAt: true } },
} as const;

async function assignmentSet(assignmentId: string): Promise<Addressed[]> {
  const a = await db().assignment.findUnique({
    where: { id: assignmentId },
    select: { ...essaySelect, setBy: { select: { name: true } }, classroom: { select: { name: true, closedAt: true, enrolments: { select: { studentId: true } } } } },
  });
  // Closed (or gone) before the job ran: nobody needs telling.
  if (!a || a.status !== "OPEN" || a.classroom.closedAt) return [];
  const message = say.assignmentSet(
    { assignmentId: a.id, question: a.question.text, className: a.classroom.name, dueAt: a.dueAt, setBy: a.setBy?.name ?? null },
    appTimeZone(),
  );
  return a.classroom.enrolments.map((e) => ({ ...message, userId: e.studentId }));
}

const versionSelect = {
  id: true,
  number: true,
  draftId: true,
  marking: { select: { status: true, allowRedraft: true, markerId: true, marker: { select: { name: true } }, respondedAt: true, teacherRepliedAt: true, teacherReplyBy: { select: { name: true } } } },
  draft: { select: { studentId: true, student: { select: { name: true } }, assignment: { select: essaySelect } } },
} as const;

async function loadVersion(submissionId: string) {
  return db().submission.findUnique({ where: { id: submissionId }, select: versionSelect });
}

async function toStudent(type: "marking-returned" | "teacher-replied", submissionId: string): Promise<Addressed[]> {
  const s = await loadVersion(submissionId);
  const m = s?.marking;
  if (!s || m?.status !== "RETURNED") return [];
  const a = s.draft.assignment;
  const version = { submissionId: s.id, number: s.number, assignmentId: a.id, question: a.question.text, className: a.classroom.name };
  if (type === "marking-returned") return [{ ...say.markingReturned({ ...version, redraft: m.allowRedraft, marker: m.marker?.name ?? null }), userId: s.draft.studentId }];
  if (!m.teacherRepliedAt) return [];
  return [{ ...say.teacherReplied({ ...version, teacher: m.teacherReplyBy?.name ?? null }), userId: s.draft.studentId }];
}

async function toTeachers(type: "student-responded" | "resubmitted", submissionId: string): Promise<Addressed[]> {
  const s = await loadVersion(submissionId);
  if (!s) return [];
  const a = s.draft.assignment;
  if (type === "student-responded" && !s.marking?.respondedAt) return [];
  // Who marked: this version's marker for a response; for a redraft, the marker of the version before it.
  const markerId =
    type === "student-responded"
      ? s.marking?.markerId
      : (await db().submission.findUnique({ where: { draftId_number: { draftId: s.draftId, number: s.number - 1 } }, select: { marking: { select: { markerId: true } } } }))?.marking?.markerId;
  const teachers = await db().classTeacher.findMany({ where: { classroomId: a.classroomId }, select: { teacherId: true } });
  // The marker, while they still teach the class; otherwise every teacher of it.
  const to = markerId && teachers.some((t) => t.teacherId === markerId) ? [markerId] : teachers.map((t) => t.teacherId);
  if (!to.length) return [];
  const hidden = namesHidden(a);
  const candidate = hidden ? (await candidateNumbers(a.id, [s.draft.studentId])).get(s.draft.studentId) : undefined;
  const student = displayName(s.draft.student, { hidden, candidate });
  const version = { submissionId: s.id, number: s.number, assignmentId: a.id, question: a.question.text, className: a.classroom.name, studentId: s.draft.studentId, student };
  const message = type === "student-responded" ? say.studentResponded(version) : say.resubmitted(version);
  return to.map((userId) => ({ ...message, userId }));
}
