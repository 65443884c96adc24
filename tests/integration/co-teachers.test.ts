import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { errorResult } from "@/lib/actions/safe-action";
import { getAssignmentOverview, listClassAssignments, setAssignmentOpen } from "@/lib/assignments/assignments";
import { getClassroomForTeacher, listStudentClassrooms, listTeacherClassrooms, regenerateJoinCode, removeStudent } from "@/lib/classes/classrooms";
import { getClassTeachers, inviteCoTeacher, leaveClass, listClassTeacherNames, removeCoTeacher, revokeTeacherInvitation } from "@/lib/classes/co-teachers";
import {
  acceptTeacherInvitation,
  declineTeacherInvitation,
  getTeacherInvitationByToken,
  listMyTeacherInvitations,
} from "@/lib/classes/my-teacher-invitations";
import { updateAnnotation } from "@/lib/marking/annotations";
import { getMarkingDesk } from "@/lib/marking/desk";
import { saveMarking } from "@/lib/marking/markings";
import { importRoster } from "@/lib/roster/roster-import";
import { listInvitations } from "@/lib/roster/invitations";
import { listMyInvitations } from "@/lib/roster/my-invitations";
import { getAssignmentMarksCsv, getClassMarksCsv } from "@/lib/tracking/exports";
import { getAssignmentAnalytics, getClassBoard, getDepartmentOverview } from "@/lib/tracking/tracking-data";
import type { SessionUser } from "@/lib/auth/sessions";
import { makeStudent, makeTeacher } from "../factories";
import { annotate, ESSAY, makeMarkedClass, returnMarking } from "./marking-fixtures";

// Issue 13 part 1: a class has an owner and co-teachers (decision 025). A co-teacher does
// everything a teacher of the class does except decide who teaches it; a teacher removed
// from the class (or who leaves) is refused from the next call on, everywhere.

const teachers = (classroomId: string) => db().classTeacher.findMany({ where: { classroomId }, select: { teacherId: true, role: true } });

/** Everything a teacher of the class can read or do, each reduced to something comparable. */
function teacherCalls(world: Awaited<ReturnType<typeof makeMarkedClass>>, as: SessionUser) {
  const { classroom, assignmentId, work } = world;
  return {
    classPage: () => getClassroomForTeacher(as, classroom.id).then((c) => c.enrolments.length),
    assignments: () => listClassAssignments(as, classroom.id).then((a) => a.length),
    overview: () => getAssignmentOverview(as, assignmentId).then(() => "ok"),
    board: () => getClassBoard(as, classroom.id).then((b) => b.board.rows.length),
    analytics: () => getAssignmentAnalytics(as, assignmentId).then(() => "ok"),
    desk: () => getMarkingDesk(as, assignmentId, work.studentId).then((d) => d.submission.number),
    classCsv: () => getClassMarksCsv(as, classroom.id).then((c) => c.rows.length),
    assignmentCsv: () => getAssignmentMarksCsv(as, assignmentId).then((c) => c.rows.length),
    rosterInvitations: () => listInvitations(as, classroom.id).then((i) => i.length),
    teachersList: () => getClassTeachers(as, classroom.id).then((t) => t.teachers.length),
    // Not a refusal when the class is gone from it, but the class must go.
    department: () => getDepartmentOverview(as).then((d) => (d.some((c) => c.classroom.id === classroom.id) ? "shows the class" : "refused 404")),
  };
}

async function outcomes(calls: Record<string, () => Promise<unknown>>) {
  const out: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(calls)) out[name] = await call().catch((e: { status?: number }) => `refused ${e.status}`);
  return out;
}

/** A marked class with Ms Hughes as owner and Mr Patel invited and accepted as co-teacher. */
async function sharedClass() {
  const world = await makeMarkedClass();
  const patel = await makeTeacher({ name: "Mr Dev Patel", email: "dev.patel@school.test" });
  await inviteCoTeacher(world.teacher, { classroomId: world.classroom.id, email: "Dev.Patel@School.test " });
  const [offer] = await listMyTeacherInvitations(patel);
  expect(offer).toMatchObject({ classroomName: "12H History", invitedByName: "Ms Rosa Hughes" });
  await acceptTeacherInvitation(patel, { invitationId: offer!.id });
  return { ...world, patel };
}

describe("a co-teacher", () => {
  it("reads and does everything a teacher of the class can, and their marks and comments carry their name", async () => {
    const world = await sharedClass();
    const { teacher: owner, patel, classroom, assignmentId, work } = world;
    expect(await teachers(classroom.id)).toEqual(expect.arrayContaining([{ teacherId: owner.id, role: "OWNER" }, { teacherId: patel.id, role: "CO_TEACHER" }]));
    expect(await outcomes(teacherCalls(world, patel))).toEqual(await outcomes(teacherCalls(world, owner)));
    expect((await listTeacherClassrooms(patel)).map((c) => [c.name, c.teachers[0]!.role])).toEqual([["12H History", "CO_TEACHER"]]);
    // The class's students see both teachers, the owner first.
    expect((await listStudentClassrooms(world.amira))[0]!.teachers.map((t) => t.teacher.name)).toEqual(["Ms Rosa Hughes", "Mr Dev Patel"]);

    // Marking: the co-teacher annotates, edits the owner's comment, and returns the marks.
    const own = await annotate(owner, work, ESSAY, "Secret Speech of February 1956");
    await annotate(patel, work, ESSAY, "Virgin Lands scheme", { kind: "STRENGTH" });
    await updateAnnotation(patel, { annotationId: own.id, comment: "Date it precisely.", criterionId: "overall", kind: "TARGET" });
    await returnMarking(patel, work);
    const desk = await getMarkingDesk(owner, assignmentId, work.studentId);
    expect(desk.marking.markerName).toBe("Mr Dev Patel");
    expect(desk.annotations.map((a) => [a.comment, a.authorName])).toEqual(
      expect.arrayContaining([["Date it precisely.", "Ms Rosa Hughes"], [expect.stringContaining("Virgin Lands"), "Mr Dev Patel"]]),
    );
    expect(await listClassTeacherNames(owner, classroom.id)).toEqual(["Ms Rosa Hughes", "Mr Dev Patel"]);

    // Managing the class itself, short of its teachers.
    await setAssignmentOpen(patel, assignmentId, false);
    const newcomer = await makeStudent({ email: "new@school.test" });
    await importRoster(patel, { classroomId: classroom.id, csv: "name,email\nNew Student,new@school.test" });
    // The student is told who invited them: the co-teacher, not the class's owner.
    expect((await listMyInvitations(newcomer)).map((i) => i.teacherName)).toEqual(["Mr Dev Patel"]);
    expect((await regenerateJoinCode(patel, classroom.id)).joinCode).toMatch(/^[A-Z0-9]{6}$/);
    await removeStudent(patel, classroom.id, world.ben.id);
  });

  it("cannot invite, withdraw invitations or remove teachers; the owner cannot leave or be removed", async () => {
    const { teacher: owner, patel, classroom } = await sharedClass();
    await inviteCoTeacher(owner, { classroomId: classroom.id, email: "third@school.test" });
    const [waiting] = (await getClassTeachers(owner, classroom.id)).invitations;
    expect((await getClassTeachers(patel, classroom.id)).invitations).toEqual([]);

    await expect(inviteCoTeacher(patel, { classroomId: classroom.id, email: "fourth@school.test" })).rejects.toMatchObject({ status: 403 });
    await expect(revokeTeacherInvitation(patel, { invitationId: waiting!.id })).rejects.toMatchObject({ status: 403 });
    await expect(removeCoTeacher(patel, { classroomId: classroom.id, teacherId: owner.id })).rejects.toMatchObject({ status: 403 });
    await expect(removeCoTeacher(owner, { classroomId: classroom.id, teacherId: owner.id })).rejects.toMatchObject({ status: 404 });
    await expect(leaveClass(owner, { classroomId: classroom.id })).rejects.toMatchObject({ status: 409 });
    expect(await db().teacherInvitation.count({ where: { classroomId: classroom.id } })).toBe(2);
    expect(await db().classTeacher.count({ where: { classroomId: classroom.id } })).toBe(2);
  });
});

describe("a teacher removed from the class", () => {
  it.each(["removed by the owner", "leaving"] as const)("loses every page's data, action and export at once (%s)", async (how) => {
    const world = await sharedClass();
    const { teacher: owner, patel, classroom, work } = world;
    const annotation = await annotate(patel, work, ESSAY, "Secret Speech of February 1956");
    if (how === "leaving") await leaveClass(patel, { classroomId: classroom.id });
    else await removeCoTeacher(owner, { classroomId: classroom.id, teacherId: patel.id });

    const after = await outcomes({
      ...teacherCalls(world, patel),
      mark: () => saveMarking(patel, { ...work, baseRevision: 0, awards: [], wentWell: "", evenBetterIf: "" }),
      annotate: () => annotate(patel, work, ESSAY, "Virgin Lands scheme"),
      editAnnotation: () => updateAnnotation(patel, { annotationId: annotation.id, comment: "x", criterionId: "overall", kind: "TARGET" }),
      closeAssignment: () => setAssignmentOpen(patel, world.assignmentId, false),
      removeStudent: () => removeStudent(patel, classroom.id, world.ben.id),
      leave: () => leaveClass(patel, { classroomId: classroom.id }),
    });
    expect(Object.values(after).every((o) => o === "refused 404")).toBe(true);
    expect(after).toHaveProperty("classCsv", "refused 404");
    expect(await listTeacherClassrooms(patel)).toEqual([]);
    // Their work stays, with their name on it.
    expect((await getMarkingDesk(owner, world.assignmentId, work.studentId)).annotations.map((a) => a.authorName)).toEqual(["Mr Dev Patel"]);
  });
});

describe("co-teacher invitations", () => {
  it("decline: the owner sees it declined, cannot re-send it, withdraws it and invites afresh", async () => {
    const { teacher: owner, classroom } = await makeMarkedClass();
    const patel = await makeTeacher({ email: "patel@school.test" });
    const { token } = await inviteCoTeacher(owner, { classroomId: classroom.id, email: "patel@school.test" });
    expect(await getTeacherInvitationByToken(patel, token)).toMatchObject({ state: "open" });
    const [offer] = await listMyTeacherInvitations(patel);
    await declineTeacherInvitation(patel, { invitationId: offer!.id });

    expect(await listMyTeacherInvitations(patel)).toEqual([]);
    expect(await getTeacherInvitationByToken(patel, token)).toEqual({ state: "unusable" });
    await expect(acceptTeacherInvitation(patel, { invitationId: offer!.id })).rejects.toMatchObject({ status: 404 });
    const { invitations } = await getClassTeachers(owner, classroom.id);
    expect(invitations.map((i) => [i.email, i.status])).toEqual([["patel@school.test", "declined"]]);
    await expect(inviteCoTeacher(owner, { classroomId: classroom.id, email: "patel@school.test" })).rejects.toMatchObject({ status: 409 });

    await revokeTeacherInvitation(owner, { invitationId: invitations[0]!.id });
    const again = await inviteCoTeacher(owner, { classroomId: classroom.id, email: "patel@school.test" });
    expect(again.token).not.toBe(token);
    expect(await listMyTeacherInvitations(patel)).toHaveLength(1);
  });

  it("revoke: a withdrawn invitation can no longer be accepted; a waiting one is not sent twice", async () => {
    const { teacher: owner, classroom } = await makeMarkedClass();
    const patel = await makeTeacher({ email: "patel@school.test" });
    const { invitationId, token } = await inviteCoTeacher(owner, { classroomId: classroom.id, email: "patel@school.test" });
    await expect(inviteCoTeacher(owner, { classroomId: classroom.id, email: "PATEL@school.test" })).rejects.toMatchObject({ status: 409 });
    await revokeTeacherInvitation(owner, { invitationId });
    await expect(acceptTeacherInvitation(patel, { invitationId })).rejects.toMatchObject({ status: 404 });
    expect(await getTeacherInvitationByToken(patel, token)).toEqual({ state: "unusable" });
    expect(await db().classTeacher.count({ where: { classroomId: classroom.id, teacherId: patel.id } })).toBe(0);
    await expect(revokeTeacherInvitation(owner, { invitationId })).rejects.toMatchObject({ status: 404 });
  });

  it("is answered only by a teacher account with the invited email; a student's account with it is never offered it", async () => {
    const { teacher: owner, classroom, amira } = await makeMarkedClass();
    const student = await makeStudent({ email: "kid@school.test" });
    const other = await makeTeacher({ email: "other@school.test" });

    const toStudent = await inviteCoTeacher(owner, { classroomId: classroom.id, email: "kid@school.test" });
    const toNobody = await inviteCoTeacher(owner, { classroomId: classroom.id, email: "nobody@school.test" });
    // The same answer whoever the email belongs to (decision 012's oracle stays shut).
    expect(Object.keys(toStudent).sort()).toEqual(Object.keys(toNobody).sort());

    expect(await listMyTeacherInvitations(student)).toEqual([]);
    expect(await getTeacherInvitationByToken(student, toStudent.token)).toEqual({ state: "other-account" });
    await expect(acceptTeacherInvitation(student, { invitationId: toStudent.invitationId })).rejects.toMatchObject({ status: 403 });
    await expect(declineTeacherInvitation(student, { invitationId: toStudent.invitationId })).rejects.toMatchObject({ status: 403 });
    await expect(acceptTeacherInvitation(amira, { invitationId: toStudent.invitationId })).rejects.toMatchObject({ status: 403 });
    // Another teacher holding the id or the link cannot take it.
    await expect(acceptTeacherInvitation(other, { invitationId: toStudent.invitationId })).rejects.toMatchObject({ status: 404 });
    expect(await getTeacherInvitationByToken(other, toNobody.token)).toEqual({ state: "other-account" });
    expect(await teachers(classroom.id)).toEqual([{ teacherId: owner.id, role: "OWNER" }]);
    expect(await db().teacherInvitation.count({ where: { classroomId: classroom.id, acceptedAt: { not: null } } })).toBe(0);
  });

  it("is single-use, and a teacher who left can be invited again on a new link", async () => {
    const { teacher: owner, patel, classroom } = await sharedClass();
    const [{ id }] = await db().teacherInvitation.findMany({ where: { classroomId: classroom.id }, select: { id: true } }) as [{ id: string }];
    await expect(acceptTeacherInvitation(patel, { invitationId: id })).rejects.toMatchObject({ status: 404 });
    await expect(inviteCoTeacher(owner, { classroomId: classroom.id, email: patel.email })).rejects.toMatchObject({ status: 409 });
    await expect(inviteCoTeacher(owner, { classroomId: classroom.id, email: owner.email })).rejects.toMatchObject({ status: 409 });

    await leaveClass(patel, { classroomId: classroom.id });
    const again = await inviteCoTeacher(owner, { classroomId: classroom.id, email: patel.email });
    expect(again.invitationId).toBe(id);
    await acceptTeacherInvitation(patel, { invitationId: id });
    expect(await db().classTeacher.count({ where: { classroomId: classroom.id, teacherId: patel.id } })).toBe(1);
  });

  it("bad input is refused with field errors and writes nothing", async () => {
    const { teacher: owner, classroom } = await makeMarkedClass();
    for (const raw of [
      { classroomId: classroom.id, email: "not an email" },
      { classroomId: classroom.id, email: "" },
      { classroomId: classroom.id, email: `${"a".repeat(250)}@school.test` },
      { classroomId: "../../etc", email: "ok@school.test" },
      { classroomId: classroom.id, email: 42 },
    ]) {
      const error = await inviteCoTeacher(owner, raw as never).then(
        () => expect.fail(`expected ${JSON.stringify(raw)} to be refused`),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(z.ZodError);
      const result = errorResult(error);
      expect(result).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    }
    await expect(acceptTeacherInvitation(owner, { invitationId: "x y" })).rejects.toBeInstanceOf(z.ZodError);
    await expect(removeCoTeacher(owner, { classroomId: classroom.id, teacherId: "" })).rejects.toBeInstanceOf(z.ZodError);
    expect(await getTeacherInvitationByToken(owner, "short")).toEqual({ state: "unusable" });
    expect(await db().teacherInvitation.count()).toBe(0);
    expect(await db().classTeacher.count({ where: { classroomId: classroom.id } })).toBe(1);
  });
});
