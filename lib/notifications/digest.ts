import "server-only";
import { db } from "../db";
import { appTimeZone } from "../env";
import { wallClock } from "../time/wall-clock";
import { createNotifications, type Addressed } from "./create";
import { dailyDigest, type DigestClass } from "./messages";

// The teachers' daily digest job (decision 047), each morning on the school clock: for every
// open class, the versions handed in over the last 24 hours and the students still missing
// work on open assignments whose deadline passed in the last two weeks. Two statements for the
// whole school, then one notification per teacher with something to hear; the day's dedupe
// key makes a retry or a second run the same day add nothing.

const DAY_MS = 24 * 60 * 60 * 1000;
const OVERDUE_WINDOW_DAYS = 14;

export async function runDailyDigest(now = new Date()): Promise<number> {
  const zone = appTimeZone();
  const from = new Date(now.getTime() - DAY_MS);
  const since = new Date(now.getTime() - OVERDUE_WINDOW_DAYS * DAY_MS);
  const [handedIn, overdue, teachers] = await Promise.all([
    db().$queryRaw<{ classroomId: string; submitted: number; late: number; redrafts: number }[]>`
      SELECT a."classroomId", count(*)::int AS submitted, (count(*) FILTER (WHERE s.late))::int AS late, (count(*) FILTER (WHERE s.number > 1))::int AS redrafts
      FROM "Submission" s JOIN "Draft" d ON d.id = s."draftId" JOIN "Assignment" a ON a.id = d."assignmentId"
      WHERE s."submittedAt" > ${from} AND s."submittedAt" <= ${now}
      GROUP BY a."classroomId"`,
    db().$queryRaw<{ classroomId: string; question: string; dueAt: Date; students: number }[]>`
      SELECT a."classroomId", q.text AS question, a."dueAt", count(*)::int AS students
      FROM "Assignment" a
      JOIN "Question" q ON q.id = a."questionId"
      JOIN "Enrolment" e ON e."classroomId" = a."classroomId"
      WHERE a.status = 'OPEN' AND a."dueAt" <= ${now} AND a."dueAt" > ${since}
        AND NOT EXISTS (SELECT 1 FROM "Draft" d JOIN "Submission" s ON s."draftId" = d.id WHERE d."assignmentId" = a.id AND d."studentId" = e."studentId")
      GROUP BY a.id, a."classroomId", q.text, a."dueAt"
      ORDER BY a."dueAt"`,
    db().classTeacher.findMany({ where: { classroom: { closedAt: null } }, select: { teacherId: true, classroomId: true, classroom: { select: { name: true } } } }),
  ]);
  const byClass = new Map<string, DigestClass>();
  const classOf = (classroomId: string, className: string) => {
    let c = byClass.get(classroomId);
    if (!c) byClass.set(classroomId, (c = { classroomId, className, submitted: 0, late: 0, redrafts: 0, missing: [] }));
    return c;
  };
  const names = new Map(teachers.map((t) => [t.classroomId, t.classroom.name]));
  for (const h of handedIn) if (names.has(h.classroomId)) Object.assign(classOf(h.classroomId, names.get(h.classroomId)!), { submitted: h.submitted, late: h.late, redrafts: h.redrafts });
  for (const o of overdue) if (names.has(o.classroomId)) classOf(o.classroomId, names.get(o.classroomId)!).missing.push({ question: o.question, dueAt: o.dueAt, students: o.students });

  const w = wallClock(now, zone);
  const day = `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  const perTeacher = new Map<string, DigestClass[]>();
  for (const t of teachers) {
    const c = byClass.get(t.classroomId);
    if (c) perTeacher.set(t.teacherId, [...(perTeacher.get(t.teacherId) ?? []), c]);
  }
  const items: Addressed[] = [];
  for (const [teacherId, classes] of perTeacher) {
    const message = dailyDigest(classes, day, zone);
    if (message) items.push({ ...message, userId: teacherId });
  }
  return createNotifications(items);
}
