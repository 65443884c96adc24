import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorResult } from "@/lib/actions/safe-action";
import { deleteMember, deleteOwnAccount, previewMemberDeletion, previewOwnDeletion } from "@/lib/deletion/account";
import { deleteClass, previewClassDeletion } from "@/lib/deletion/class";
import { deleteSchool, previewSchoolDeletion } from "@/lib/deletion/school";
import { getOwnFeedback } from "@/lib/marking/feedback";
import { ESSAY } from "./marking-fixtures";
import { makeOutsiders } from "./work-fixtures";
import { makeSchoolWorld, remainingRows, tableCounts } from "./deletion-fixtures";

// Issue 15 item 2 (decision 042): deleting a student, a co-teacher, an owner, a class and a
// school. Nothing of a deleted person may remain in any table, except the anonymised marks a
// school chose to keep; the confirmation's counts are the report's; refusals are 4xx.

const status = (e: unknown) => (errorResult(e).ok ? 0 : ((e as { status?: number }).status ?? 500));
async function refused(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    expect(errorResult(e).ok).toBe(false);
    return status(e);
  }
  expect.fail("expected a refusal");
}

describe("deleting a student's account", () => {
  it("by the student: the confirmation's counts are the report's, and no row names them afterwards", async () => {
    const w = await makeSchoolWorld();
    const preview = await previewOwnDeletion(w.amira);
    expect(preview.goes).toMatchObject({ enrolments: 1, plans: 1, drafts: 2, submissions: 1, markings: 1, annotations: 2, invitations: 1 });
    expect(preview.classesAffected.map((c) => c.name)).toEqual(["12H History"]);
    const before = await tableCounts();
    const report = await deleteOwnAccount(w.amira, { password: "correct horse battery" });
    expect(report.goes).toEqual(preview.goes);
    expect(report.retainedMarks).toBe(0);
    expect(await remainingRows(w.amira)).toEqual([]);
    // Ben's work and the class stay.
    const after = await tableCounts();
    expect(after.users).toBe(before.users - 1);
    expect(after.submissions).toBe(before.submissions - 1);
    expect(await db().draft.count({ where: { studentId: w.ben.id } })).toBe(1);
    expect(await db().retainedMark.count()).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "ACCOUNT_DELETED" } });
    expect(audit.subjectId).toBe(report.pseudonym);
    expect(audit.actorId).toBe(report.pseudonym);
    expect(audit.detail).toMatchObject({ by: "self", counts: preview.goes });
    // The mark change it was the subject of stays on record, under the pseudonym.
    expect(await db().auditEvent.count({ where: { action: "MARK_CHANGED", subjectId: report.pseudonym } })).toBe(1);
  });

  it("keeps anonymised marks only when the school chose to", async () => {
    const w = await makeSchoolWorld();
    await db().school.update({ where: { id: w.school.id }, data: { keepAnonymisedMarks: true } });
    const report = await deleteMember(w.admin, w.school.id, w.amira.id);
    expect(report.retainedMarks).toBe(1);
    const kept = await db().retainedMark.findMany();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ schoolId: w.school.id, classroomId: w.classroom.id, assignmentId: w.assignmentId, pseudonym: report.pseudonym, total: 13 });
    expect(JSON.stringify(kept)).not.toContain(w.amira.name);
    expect(await remainingRows(w.amira)).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "ACCOUNT_DELETED" } });
    expect(audit.actorId).toBe(w.admin.id);
  });

  it("refuses a wrong password, a student deleting another, and an administrator of another school", async () => {
    const w = await makeSchoolWorld();
    expect(await refused(deleteOwnAccount(w.amira, { password: "wrong" }))).toBe(400);
    expect(await refused(deleteMember(w.ben, w.school.id, w.amira.id))).toBe(404);
    expect(await refused(previewMemberDeletion(w.ben, w.school.id, w.amira.id))).toBe(404);
    const other = await makeOutsiders();
    const otherSchool = await db().school.create({ data: { name: "Other school" } });
    await db().schoolAdmin.create({ data: { schoolId: otherSchool.id, userId: other.teacher.id } });
    expect(await refused(deleteMember(other.teacher, otherSchool.id, w.amira.id))).toBe(404);
    expect(await remainingRows(w.amira)).not.toEqual([]);
  });

  it("an account without a password confirms with the phrase", async () => {
    const w = await makeSchoolWorld();
    await db().user.update({ where: { id: w.ben.id }, data: { passwordHash: null } });
    expect(await refused(deleteOwnAccount(w.ben, { phrase: "delete" }))).toBe(400);
    await deleteOwnAccount(w.ben, { phrase: "Delete my account" });
    expect(await remainingRows(w.ben)).toEqual([]);
  });
});

describe("deleting a teacher's account", () => {
  it("a co-teacher: their assignment and comments in someone else's class stay, shown as by a former teacher", async () => {
    const w = await makeSchoolWorld();
    const preview = await previewMemberDeletion(w.admin, w.school.id, w.coTeacher.id);
    expect(preview.blockingClasses).toEqual([]);
    expect(preview.keptAnonymised).toEqual({ assignments: 1, comments: 2 });
    const before = await tableCounts();
    const report = await deleteMember(w.admin, w.school.id, w.coTeacher.id);
    expect(report.goes).toEqual(preview.goes);
    expect(await remainingRows(w.coTeacher)).toEqual([]);
    const after = await tableCounts();
    expect(after).toEqual({ ...before, users: before.users - 1 });
    expect(await db().assignment.findUniqueOrThrow({ where: { id: w.coAssignmentId } })).toMatchObject({ setById: null });
    // Its question stays (the assignment uses it), with no author.
    expect(await db().question.count({ where: { createdById: null } })).toBe(1);
    const feedback = await getOwnFeedback(w.amira, w.assignmentId);
    expect(feedback.annotationsFor(ESSAY).map((a) => a.authorName).sort()).toEqual(["Ms Rosa Hughes", "a former teacher"]);
  });

  it("an owner of a class with students is refused, naming the class, until the class goes", async () => {
    const w = await makeSchoolWorld();
    const preview = await previewMemberDeletion(w.admin, w.school.id, w.teacher.id);
    expect(preview.blockingClasses.map((c) => c.name)).toEqual(["12H History"]);
    try {
      await deleteMember(w.admin, w.school.id, w.teacher.id);
      expect.fail("expected a refusal");
    } catch (e) {
      expect(status(e)).toBe(409);
      expect(errorResult(e)).toMatchObject({ formError: expect.stringContaining("12H History") });
    }
    await deleteClass(w.teacher, w.classroom.id);
    await deleteMember(w.admin, w.school.id, w.teacher.id);
    expect(await remainingRows(w.teacher)).toEqual([]);
  });
});

describe("deleting a class", () => {
  it("by its owner: the confirmation's counts are the report's; the students' accounts stay", async () => {
    const w = await makeSchoolWorld();
    const preview = await previewClassDeletion(w.teacher, w.classroom.id);
    expect(preview.goes).toMatchObject({ enrolments: 2, assignments: 2, submissions: 2, markings: 1, coTeaching: 1 });
    const report = await deleteClass(w.teacher, w.classroom.id);
    expect(report.goes).toEqual(preview.goes);
    expect(await db().classroom.count({ where: { id: w.classroom.id } })).toBe(0);
    expect(await db().user.count({ where: { id: { in: [w.amira.id, w.ben.id] } } })).toBe(2);
    expect(await db().submission.count()).toBe(0);
    const [demo] = await db().demoSeed.findMany();
    expect(demo!.classroomIds).not.toContain(w.classroom.id);
    expect(await db().auditEvent.count({ where: { action: "CLASS_DELETED", classroomId: w.classroom.id, actorId: w.teacher.id } })).toBe(1);
  });

  it("by the school's administrator; refused to a co-teacher (403), another teacher and a student (404)", async () => {
    const w = await makeSchoolWorld();
    const outsiders = await makeOutsiders();
    expect(await refused(deleteClass(w.coTeacher, w.classroom.id))).toBe(403);
    expect(await refused(deleteClass(outsiders.teacher, w.classroom.id))).toBe(404);
    expect(await refused(deleteClass(w.amira, w.classroom.id))).toBe(404);
    expect(await db().classroom.count({ where: { id: w.classroom.id } })).toBe(1);
    await deleteClass(w.admin, w.classroom.id);
    expect(await db().classroom.count({ where: { id: w.classroom.id } })).toBe(0);
  });
});

describe("deleting a school's data", () => {
  it("takes its classes, people, departments, grants and the school; another school's stay", async () => {
    const w = await makeSchoolWorld();
    const outsiders = await makeOutsiders();
    const dept = await db().department.create({ data: { name: "History", schoolId: w.school.id, members: { create: { teacherId: w.teacher.id, role: "HEAD" } } } });
    await db().schoolSignInRule.create({ data: { schoolId: w.school.id, kind: "STAFF_DOMAIN", value: "school.example" } });
    expect(await refused(deleteSchool(w.teacher, w.school.id, w.school.name))).toBe(404);
    expect(await refused(deleteSchool(w.admin, w.school.id, "Not the name"))).toBe(400);
    const preview = await previewSchoolDeletion(w.admin, w.school.id);
    expect(preview.counts).toEqual({ classes: 1, students: 2, staff: 3, departments: 1 });
    const report = await deleteSchool(w.admin, w.school.id, w.school.name);
    expect(report).toMatchObject({ counts: preview.counts, selfDeleted: true });
    for (const person of [w.teacher, w.amira, w.ben, w.admin, w.coTeacher]) expect(await remainingRows(person), person.name).toEqual([]);
    expect(await db().school.count({ where: { id: w.school.id } })).toBe(0);
    expect(await db().department.count({ where: { id: dept.id } })).toBe(0);
    expect(await db().schoolSignInRule.count()).toBe(0);
    expect(await db().classroom.findMany({ select: { id: true } })).toEqual([{ id: outsiders.classroom.id }]);
    expect(await db().user.count()).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "SCHOOL_DELETED", schoolId: w.school.id } })).toBe(1);
  });
});
