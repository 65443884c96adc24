import { expect } from "vitest";
import { db } from "@/lib/db";
import { setAssignment } from "@/lib/assignments/assignments";
import { saveDraft } from "@/lib/drafts/drafts";
import { recordAudit } from "@/lib/audit/record";
import { throttleKey } from "@/lib/auth/throttle";
import { addCoTeacher, makeQuestion, makeTeacher } from "../factories";
import { annotate, ESSAY, makeMarkedClass, returnMarking, submitEssay } from "./marking-fixtures";
import { assignmentInput } from "./work-fixtures";

// A school whose class holds work in every state, and the generic count of every row that
// could still name a person (research §3.3): every column with a foreign key to "User"
// (read from pg_constraint, so a new one is covered the day it is added), plus the columns
// that copy a person without a key.

export async function makeSchoolWorld() {
  const world = await makeMarkedClass();
  const school = await db().school.create({ data: { name: `School ${Date.now()}-${Math.random()}` } });
  const admin = await makeTeacher({ name: "Ada Admin" });
  const coTeacher = await makeTeacher({ name: "Cal Coteacher" });
  const people = [world.teacher, world.amira, world.ben, admin, coTeacher];
  await db().user.updateMany({ where: { id: { in: people.map((p) => p.id) } }, data: { schoolId: school.id } });
  await db().schoolAdmin.create({ data: { schoolId: school.id, userId: admin.id } });
  await addCoTeacher(world.classroom.id, coTeacher);

  // Amira: a plan, a returned marking with annotations by both teachers, a second
  // assignment (set by the co-teacher) with a draft still in progress.
  const { assignmentId, work, amira, ben, teacher } = world;
  await db().plan.create({ data: { assignmentId, studentId: amira.id, content: { factors: [] } } });
  await annotate(teacher, work, ESSAY, "Secret Speech of February 1956");
  await annotate(coTeacher, work, ESSAY, "Virgin Lands scheme");
  await returnMarking(teacher, work);
  const coQuestion = await makeQuestion(coTeacher);
  const { id: coAssignmentId } = await setAssignment(coTeacher, assignmentInput(world, { questionId: coQuestion }));
  const saved = await saveDraft(amira, { assignmentId: coAssignmentId, baseRevision: 0, text: "Begun, not handed in." });
  expect(saved.ok).toBe(true);
  // Ben hands in on the co-teacher's assignment: his work must survive the co-teacher's deletion.
  await submitEssay(ben, coAssignmentId, ESSAY);
  await annotate(coTeacher, { assignmentId: coAssignmentId, studentId: ben.id, submissionNumber: 1 }, ESSAY, "Virgin Lands scheme");

  // Rows that name Amira without a foreign key, and rows the cascade must reach.
  await db().invitation.create({ data: { classroomId: world.classroom.id, email: amira.email, name: amira.name, token: `tok-${amira.id}`, invitedById: teacher.id, acceptedById: amira.id, acceptedAt: new Date() } });
  await db().throttle.create({ data: { key: throttleKey("join:user", amira.id), failures: 1, windowStart: new Date(), nextAllowedAt: new Date() } });
  await db().demoSeed.upsert({ where: { key: "demo" }, create: { key: "demo", userIds: [amira.id, teacher.id], classroomIds: [world.classroom.id] }, update: {} });
  await db().externalIdentity.create({ data: { userId: amira.id, kind: "OIDC", issuer: "https://idp.example", subject: `sub-${amira.id}`, email: amira.email } });
  await db().session.create({ data: { tokenHash: `hash-${amira.id}`, userId: amira.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  await recordAudit(db(), { action: "MARK_CHANGED", actorId: teacher.id, subjectId: amira.id, classroomId: world.classroom.id });
  await recordAudit(db(), { action: "SIGN_IN", actorId: amira.id });
  await recordAudit(db(), { action: "SIGN_IN", actorId: coTeacher.id });
  return { ...world, school, admin, coTeacher, coAssignmentId };
}

export type SchoolWorld = Awaited<ReturnType<typeof makeSchoolWorld>>;

/** Every place that still names the person, as "table.column=count"; [] when none does. */
export async function remainingRows(person: { id: string; email: string; name: string }): Promise<string[]> {
  const columns = await db().$queryRaw<{ t: string; col: string }[]>`
    SELECT conrelid::regclass::text AS t, a.attname::text AS col
      FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
     WHERE k.contype = 'f' AND k.confrelid = '"User"'::regclass`;
  expect(columns.length).toBeGreaterThan(30);
  const checks: [string, string, string][] = [
    ...columns.map(({ t, col }): [string, string, string] => [t, col, person.id]),
    ['"User"', "id", person.id],
    ['"User"', "email", person.email],
    ['"Invitation"', "email", person.email],
    ['"Invitation"', "name", person.name],
    ['"TeacherInvitation"', "email", person.email],
    ['"DepartmentInvitation"', "email", person.email],
    ['"ExternalIdentity"', "email", person.email],
    ['"AuditEvent"', "actorId", person.id],
    ['"AuditEvent"', "subjectId", person.id],
  ];
  const out: string[] = [];
  for (const [t, col, value] of checks) {
    const [row] = await db().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${t} WHERE "${col}" = $1`, value);
    if (row!.n) out.push(`${t}.${col}=${row!.n}`);
  }
  const [demo] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "DemoSeed" WHERE ${person.id} = ANY("userIds")`;
  if (demo!.n) out.push(`"DemoSeed".userIds=${demo!.n}`);
  const [throttle] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Throttle" WHERE "key" = ${throttleKey("join:user", person.id)}`;
  if (throttle!.n) out.push(`"Throttle".key=${throttle!.n}`);
  return out;
}

/** Counts of a few tables, to show what else stayed. */
export const tableCounts = async () => ({
  users: await db().user.count(),
  assignments: await db().assignment.count(),
  drafts: await db().draft.count(),
  submissions: await db().submission.count(),
  markings: await db().marking.count(),
  annotations: await db().annotation.count(),
});
