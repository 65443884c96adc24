import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { requireClassAuditReader, requireSchoolAuditReader } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { AUDIT_PAGE_SIZE, type AuditQuery } from "./filter";

// The audit viewer's reads (decision 039), newest first, keyset-paginated on (at, id) so a
// page costs the same however far back it is and an event written meanwhile never shifts a
// page. Read-only: nothing here (or anywhere in the app) updates or deletes an event.

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  subjectName: string | null;
  classroomId: string | null;
  className: string | null;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
};

export type AuditPage = { events: AuditRow[]; next: AuditRow | null };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function readTrail(scope: Prisma.Sql, q: AuditQuery): Promise<AuditPage> {
  const where: Prisma.Sql[] = [scope];
  if (q.action) where.push(Prisma.sql`e.action = ${q.action}`);
  if (q.since) where.push(Prisma.sql`e.at >= ${q.since}`);
  if (q.until) where.push(Prisma.sql`e.at < ${q.until}`);
  if (q.cursor) where.push(Prisma.sql`(e.at, e.id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  if (q.person) {
    // A name or email, matched on the actor or the subject (an erased person matches nothing).
    const like = `%${likeEscape(q.person)}%`;
    where.push(Prisma.sql`(a.name ILIKE ${like} OR a.email ILIKE ${like} OR s.name ILIKE ${like} OR s.email ILIKE ${like})`);
  }
  const rows = await db().$queryRaw<AuditRow[]>`
    SELECT e.id::text AS id, e.at, e.action, e."actorId", a.name AS "actorName", e."subjectId", s.name AS "subjectName",
           e."classroomId", c.name AS "className", e."entityType", e."entityId", e.before, e.after, e.detail
      FROM "AuditEvent" e
      LEFT JOIN "User" a ON a.id = e."actorId"
      LEFT JOIN "User" s ON s.id = e."subjectId"
      LEFT JOIN "Classroom" c ON c.id = e."classroomId"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY e.at DESC, e.id DESC
     LIMIT ${AUDIT_PAGE_SIZE + 1}`;
  const events = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, at: new Date(r.at) }));
  return { events, next: rows.length > AUDIT_PAGE_SIZE ? events[events.length - 1]! : null };
}

/** One class's events, for its teachers. */
export async function getClassAuditTrail(user: SessionUser, classroomId: string, q: AuditQuery) {
  await requireClassAuditReader(user, classroomId);
  const classroom = await db().classroom.findUniqueOrThrow({ where: { id: classroomId }, select: { id: true, name: true } });
  return { classroom, ...(await readTrail(Prisma.sql`e."classroomId" = ${classroomId}`, q)) };
}

/** All of one school's events (its classes' and its people's), for its administrators. */
export async function getSchoolAuditTrail(user: SessionUser, schoolId: string, q: AuditQuery) {
  await requireSchoolAuditReader(user, schoolId);
  const school = await db().school.findUniqueOrThrow({ where: { id: schoolId }, select: { id: true, name: true } });
  return { school, ...(await readTrail(Prisma.sql`e."schoolId" = ${schoolId}`, q)) };
}
