import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { eraseFromAudit } from "@/lib/audit/erasure";
import { AuditFilterSchema, cursorOf, toAuditQuery } from "@/lib/audit/filter";
import { getClassAuditTrail, getSchoolAuditTrail } from "@/lib/audit/trail";
import { removeStudent } from "@/lib/classes/classrooms";
import { addSchoolAdmin } from "@/lib/schools/internal/schools";
import { addCoTeacher, enrol, makeClassroom, makeStudent, makeTeacher } from "../factories";
import { statusOf } from "./refusal-status";

// The audit viewer (decision 039): who may read which events, its filters and its pages, and
// that nothing in the app can change an event.

const ZONE = "Asia/Tokyo";
const query = (raw: Record<string, string>) => toAuditQuery(AuditFilterSchema.parse(raw), ZONE);

async function world() {
  const owner = await makeTeacher({ name: "Ms Owner" });
  const { school } = await addSchoolAdmin(`School ${Math.random().toString(36).slice(2)}`, owner.email);
  const co = await makeTeacher({ name: "Mr Co" });
  const classroom = await makeClassroom(owner, { name: "12H" });
  await addCoTeacher(classroom.id, co);
  const amira = await makeStudent({ name: "Amira Khan" });
  const ben = await makeStudent({ name: "Ben Carter" });
  await enrol(classroom.id, amira);
  await enrol(classroom.id, ben);
  await db().user.updateMany({ where: { id: { in: [co.id, amira.id, ben.id] } }, data: { schoolId: school.id } });
  return { owner, co, school, classroom, amira, ben };
}

describe("reading the audit trail", () => {
  it("a class's teachers read its events; another class's teacher, a student and a non-admin are refused", async () => {
    const w = await world();
    await removeStudent(w.owner, w.classroom.id, w.ben.id);
    const other = await makeTeacher();
    await makeClassroom(other);

    const forCo = await getClassAuditTrail(w.co, w.classroom.id, query({}));
    expect(forCo.events).toMatchObject([{ action: "ENROLMENT_CHANGED", actorName: "Ms Owner", subjectName: "Ben Carter", classroomId: w.classroom.id }]);
    expect(await statusOf(getClassAuditTrail(other, w.classroom.id, query({})))).toBe(404);
    expect(await statusOf(getClassAuditTrail(w.amira, w.classroom.id, query({})))).toBe(403);
    // The school's trail is for its administrators only: a teacher of the school is refused.
    expect(await statusOf(getSchoolAuditTrail(w.co, w.school.id, query({})))).toBe(404);
    expect((await getSchoolAuditTrail(w.owner, w.school.id, query({}))).events.map((e) => e.action)).toEqual(["ENROLMENT_CHANGED", "ROLE_CHANGED"]);
  });

  it("filters by action, person (name or email, actor or subject) and dates on the school's clock; an erased person reads as gone", async () => {
    const w = await world();
    const base = { schoolId: w.school.id, classroomId: w.classroom.id };
    await recordAudit(db(), { ...base, action: "MARK_CHANGED", actorId: w.owner.id, subjectId: w.amira.id, after: { total: 12 } });
    await recordAudit(db(), { ...base, action: "MARK_CHANGED", actorId: w.co.id, subjectId: w.ben.id, after: { total: 9 } });
    await recordAudit(db(), { ...base, action: "MARKING_RETURNED", actorId: w.owner.id, subjectId: w.ben.id });
    // The trail's rows cannot be edited, so dated rows are inserted with their time. 2026-03-09
    // 15:30 UTC is 00:30 on the 10th in Tokyo: it belongs to the 10th on the school's clock.
    await db().auditEvent.create({ data: { ...base, action: "SIGN_IN", actorId: w.amira.id, subjectId: w.amira.id, at: new Date("2026-03-09T15:30:00Z") } });
    await db().auditEvent.create({ data: { ...base, action: "SIGN_IN", actorId: w.amira.id, subjectId: w.amira.id, at: new Date("2026-03-09T14:30:00Z") } });

    const actions = async (raw: Record<string, string>) => (await getClassAuditTrail(w.owner, w.classroom.id, query(raw))).events.map((e) => `${e.action}:${e.subjectName}`);
    expect(await actions({ action: "MARK_CHANGED" })).toEqual(["MARK_CHANGED:Ben Carter", "MARK_CHANGED:Amira Khan"]);
    expect(await actions({ person: "ben carter" })).toEqual(["MARKING_RETURNED:Ben Carter", "MARK_CHANGED:Ben Carter"]);
    expect(await actions({ person: "Mr Co" })).toEqual(["MARK_CHANGED:Ben Carter"]);
    expect(await actions({ person: w.amira.email })).toEqual(["MARK_CHANGED:Amira Khan", "SIGN_IN:Amira Khan", "SIGN_IN:Amira Khan"]);
    expect(await actions({ person: "%" })).toEqual([]);
    expect(await actions({ from: "2026-03-10", to: "2026-03-10" })).toEqual(["SIGN_IN:Amira Khan"]);
    expect(await actions({ to: "2026-03-09" })).toEqual(["SIGN_IN:Amira Khan"]);
    // Unreadable filters are ignored, not refused.
    expect(await actions({ action: "DROP TABLE", from: "yesterday" })).toHaveLength(5);

    await db().$transaction((tx) => eraseFromAudit(tx, w.ben.id));
    const after = await getClassAuditTrail(w.owner, w.classroom.id, query({ action: "MARKING_RETURNED" }));
    expect(after.events[0]).toMatchObject({ subjectName: null });
    expect(after.events[0]!.subjectId).toMatch(/^erased-/);
  });

  it("pages 50 at a time, newest first, on (at, id), even when many events share a time", async () => {
    const w = await world();
    const at = new Date("2026-05-01T09:00:00Z");
    await db().auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ action: "SIGN_IN", actorId: w.amira.id, schoolId: w.school.id, classroomId: w.classroom.id, at: i < 60 ? at : new Date(at.getTime() + i * 1000) })),
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const trail = await getClassAuditTrail(w.owner, w.classroom.id, query(after ? { after } : {}));
      seen.push(...trail.events.map((e) => e.id));
      if (!trail.next) break;
      expect(trail.events).toHaveLength(50);
      after = cursorOf(trail.next);
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const ids = seen.map(BigInt);
    // Newest first: times descend, and within one time the ids do.
    const rows = await db().auditEvent.findMany({ where: { classroomId: w.classroom.id }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(rows.map((r) => r.id));
  });
});

// Issue 15: "no route that edits or deletes them". The database refuses (audit-trail.test.ts);
// this checks that no route handler or server action even asks.
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe("no route or action changes the audit trail", () => {
  it("lists every route handler and server action module, and none updates, deletes or upserts an audit event", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const sources = filesUnder(path.join(root, "app")).filter((f) => /\.(ts|tsx)$/.test(f));
    const handlers = sources.filter((f) => /\/route\.ts$/.test(f));
    const actions = sources.filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));
    expect(handlers.length).toBeGreaterThan(10);
    expect(actions.length).toBeGreaterThan(10);
    const editing = /auditEvent\s*\.\s*(update|updateMany|delete|deleteMany|upsert|updateManyAndReturn)\b|(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?AuditEvent|eraseFromAudit/i;
    const offenders = [...handlers, ...actions].filter((f) => editing.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
    // And lib/audit offers the app nothing that edits: its only UPDATE is the deletion's erasure.
    const libAudit = filesUnder(path.join(root, "lib/audit")).filter((f) => !f.endsWith(".test.ts") && !f.endsWith("erasure.ts"));
    expect(libAudit.filter((f) => editing.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});
