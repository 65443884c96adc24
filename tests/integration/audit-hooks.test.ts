import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/accounts";
import { completeSecondFactor, createSession, deleteSession } from "@/lib/auth/sessions";
import { joinClassroom, removeStudent } from "@/lib/classes/classrooms";
import { inviteCoTeacher, leaveClass, removeCoTeacher } from "@/lib/classes/co-teachers";
import { acceptTeacherInvitation } from "@/lib/classes/my-teacher-invitations";
import { setFeedbackBeforeMarks } from "@/lib/marking/feedback-release";
import { respondToFeedback } from "@/lib/marking/feedback";
import { saveMarking } from "@/lib/marking/markings";
import { acceptDepartmentInvitation, inviteToDepartment } from "@/lib/moderation/departments";
import { removeDepartmentMember, setDepartmentMember } from "@/lib/moderation/internal/departments";
import { agreeMark, saveSecondMarking } from "@/lib/moderation/item";
import { chooseSample } from "@/lib/moderation/moderation";
import { acceptInvitation } from "@/lib/roster/invitations";
import { importRoster } from "@/lib/roster/roster-import";
import { addLtiRegistration, removeLtiRegistration } from "@/lib/lti/registrations";
import { addSchoolAdmin, removeSchoolAdmin } from "@/lib/schools/internal/schools";
import { saveSignInRules } from "@/lib/schools/sign-in-rules";
import { setStaffTwoFactorRequired } from "@/lib/schools/two-factor-policy";
import { getWholeClassFeedback, publishWholeClassFeedback, saveWholeClassFeedback } from "@/lib/whole-class-feedback/whole-class";
import { makeClassroom, makeStudent, makeTeacher } from "../factories";
import { ESSAY, makeMarkedClass, returnMarking, savedMarking, submitEssay } from "./marking-fixtures";

// Issue 15 item 4: one audit entry for each audited action, made through the real guarded
// functions (decision 039), with its actor, subject, class, school and before/after.

const events = (action: string) => db().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

/** A school with `user` in it (as its administrator, through the command-line function). */
async function schoolWith(user: { email: string }, name = `School ${Math.random().toString(36).slice(2)}`) {
  const { school } = await addSchoolAdmin(name, user.email);
  return school;
}

describe("the audit trail records", () => {
  it("password sign-ins, failed ones (never what was typed), sign-outs and the two-factor step", async () => {
    const kim = await makeTeacher({ name: "Kim", password: "correct horse battery" });
    const school = await schoolWith(kim);

    const { token } = await signIn({ email: kim.email, password: "correct horse battery" }, "10.0.0.1");
    await signIn({ email: kim.email, password: "a wrong guess 123" }, "10.0.0.1").catch(() => undefined);
    await signIn({ email: "nobody@example.test", password: "a wrong guess 456" }, "10.0.0.1").catch(() => undefined);
    const second = await completeSecondFactor(token);
    await deleteSession(second.token);
    await createSession(kim.id, "PROVIDER");
    await createSession(kim.id, "LTI");

    const signIns = await events("SIGN_IN");
    expect(signIns.map((e) => (e.detail as { method: string }).method)).toEqual(["PASSWORD", "TWO_FACTOR", "PROVIDER", "LTI"]);
    expect(signIns[0]).toMatchObject({ actorId: kim.id, subjectId: kim.id, schoolId: school.id });
    const failed = await events("SIGN_IN_FAILED");
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ actorId: null, subjectId: kim.id, schoolId: school.id });
    expect(failed[1]).toMatchObject({ actorId: null, subjectId: null, schoolId: null });
    const stored = JSON.stringify(await db().auditEvent.findMany({ select: { actorId: true, subjectId: true, before: true, after: true, detail: true } }));
    expect(stored).not.toContain("wrong guess");
    expect(stored).not.toContain("nobody@example.test");
    expect(await events("SIGN_OUT")).toMatchObject([{ actorId: kim.id, subjectId: kim.id, schoolId: school.id }]);
  });

  it("a throttled sign-in attempt is refused without an entry", async () => {
    const kim = await makeTeacher({ password: "correct horse battery" });
    // Three free attempts from one address (lib/auth/throttle-limits.ts), then a wait.
    for (let i = 0; i < 3; i++) await expect(signIn({ email: kim.email, password: `wrong ${i} guess` }, "10.0.0.9")).rejects.toMatchObject({ status: 401 });
    await expect(signIn({ email: kim.email, password: "wrong again" }, "10.0.0.9")).rejects.toMatchObject({ status: 429 });
    expect(await events("SIGN_IN_FAILED")).toHaveLength(3);
  });

  it("mark changes with before and after, returns, and marks released", async () => {
    const w = await makeMarkedClass();
    const school = await schoolWith(w.teacher);
    await setFeedbackBeforeMarks(w.teacher, w.assignmentId, true);
    const first = savedMarking(await saveMarking(w.teacher, { ...w.work, baseRevision: 0, awards: [{ criterionId: "overall", level: 2, mark: 8 }] }));
    // The written feedback alone is not a mark change.
    const same = savedMarking(await saveMarking(w.teacher, { ...w.work, baseRevision: first.revision, awards: [{ criterionId: "overall", level: 2, mark: 8 }], wentWell: "Good." }));
    await returnMarking(w.teacher, w.work, { baseRevision: same.revision });

    const changed = await events("MARK_CHANGED");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      actorId: w.teacher.id,
      subjectId: w.amira.id,
      classroomId: w.classroom.id,
      schoolId: school.id,
      before: null,
      after: { awards: [{ criterionId: "overall", level: 2, mark: 8 }], total: 8, status: "IN_PROGRESS" },
    });
    const returned = await events("MARKING_RETURNED");
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      actorId: w.teacher.id,
      subjectId: w.amira.id,
      classroomId: w.classroom.id,
      before: { total: 8, status: "IN_PROGRESS" },
      after: { awards: [{ criterionId: "overall", level: 3, mark: 13 }], total: 13, status: "RETURNED" },
      detail: { marksReleased: false },
    });
    expect(JSON.stringify(returned.map(({ before, after, detail }) => ({ before, after, detail })))).not.toContain("Secret Speech");

    // Feedback before marks: the student's first response releases them.
    await respondToFeedback(w.amira, { assignmentId: w.assignmentId, submissionNumber: 1, response: "I will weigh the factors." });
    expect(await events("MARKS_RELEASED")).toMatchObject([{ actorId: w.amira.id, subjectId: w.amira.id, classroomId: w.classroom.id, schoolId: school.id }]);

    // Turning the setting off releases the marks still held, one entry each.
    await submitEssay(w.ben, w.assignmentId, ESSAY);
    await returnMarking(w.teacher, { ...w.work, studentId: w.ben.id });
    await setFeedbackBeforeMarks(w.teacher, w.assignmentId, false);
    expect((await events("MARKS_RELEASED")).map((e) => [e.actorId, e.subjectId])).toEqual([
      [w.amira.id, w.amira.id],
      [w.teacher.id, w.ben.id],
    ]);

    // Whole-class feedback published is the class's return.
    const { draft } = await getWholeClassFeedback(w.teacher, w.assignmentId);
    const saved = await saveWholeClassFeedback(w.teacher, { assignmentId: w.assignmentId, baseRevision: 0, content: { ...draft, intro: "Well done, all." } });
    if (!saved.ok) expect.fail("expected the whole-class feedback to save");
    await publishWholeClassFeedback(w.teacher, { assignmentId: w.assignmentId, baseRevision: saved.feedback.revision, publish: true });
    expect(await db().auditEvent.findMany({ where: { entityType: "WholeClassFeedback" } })).toMatchObject([
      { action: "MARKING_RETURNED", actorId: w.teacher.id, classroomId: w.classroom.id, schoolId: school.id, entityId: w.assignmentId, detail: { published: true } },
    ]);
  });

  it("a mark agreed in moderation, with the first marker's mark as before", async () => {
    const w = await makeMarkedClass();
    await returnMarking(w.teacher, w.work);
    const head = await makeTeacher({ name: "Ms Head" });
    await setDepartmentMember("History", w.teacher.email, "MEMBER");
    await setDepartmentMember("History", head.email, "HEAD");
    await chooseSample(head, { assignmentId: w.assignmentId, method: "ALL" });
    await saveSecondMarking(head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 4 }, total: 17 });
    await agreeMark(head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 4 }, total: 17, reason: "Second marker's reading is closer." });
    const changed = await events("MARK_CHANGED");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      actorId: head.id,
      subjectId: w.amira.id,
      classroomId: w.classroom.id,
      before: { total: 13, status: "RETURNED" },
      after: { awards: [{ criterionId: "overall", level: 4 }], total: 17, status: "RETURNED" },
      detail: { via: "moderation" },
    });
  });

  it("role changes: school administrator and department membership, from the command line and by invitation", async () => {
    const lee = await makeTeacher({ name: "Ms Lee" });
    const school = await schoolWith(lee, "Hillside");
    expect(await removeSchoolAdmin("Hillside", lee.email)).toBe(true);
    await setDepartmentMember("History", lee.email, "HEAD");
    const department = await db().department.findUniqueOrThrow({ where: { name: "History" } });
    const patel = await makeTeacher({ name: "Mr Patel" });
    await inviteToDepartment(lee, { departmentId: department.id, email: patel.email });
    const [invitation] = await db().departmentInvitation.findMany({ select: { id: true } });
    await acceptDepartmentInvitation(patel, { invitationId: invitation!.id });
    await removeDepartmentMember("History", patel.email);

    const roles = await events("ROLE_CHANGED");
    expect(roles.map((e) => [e.actorId, e.subjectId, (e.detail as { role: string }).role, (e.detail as { change: string }).change])).toEqual([
      [null, lee.id, "SCHOOL_ADMIN", "granted"],
      [null, lee.id, "SCHOOL_ADMIN", "removed"],
      [null, lee.id, "DEPARTMENT_HEAD", "granted"],
      [patel.id, patel.id, "DEPARTMENT_MEMBER", "granted"],
      [null, patel.id, "DEPARTMENT_MEMBER", "removed"],
    ]);
    expect(roles[0]!.schoolId).toBe(school.id);
    expect(roles[2]!.schoolId).toBe(school.id);
  });

  it("enrolment changes: join by code, roster import, invitation accepted, removal; co-teachers added and removed", async () => {
    const owner = await makeTeacher({ name: "Mr Owner" });
    const school = await schoolWith(owner);
    const classroom = await makeClassroom(owner);
    const student = await makeStudent({ name: "Amira" });
    await joinClassroom(student, { code: classroom.joinCode }, "192.0.2.1");
    const imported = await importRoster(owner, { classroomId: classroom.id, csv: "name,email\nBen Jones,ben@school.test" });
    const ben = await makeStudent({ name: "Ben Jones", email: "ben@school.test" });
    await acceptInvitation(ben, imported.invited[0]!.token);
    await removeStudent(owner, classroom.id, student.id);

    const patel = await makeTeacher({ name: "Mr Patel", email: "patel@school.test" });
    const { invitationId } = await inviteCoTeacher(owner, { classroomId: classroom.id, email: patel.email });
    await acceptTeacherInvitation(patel, { invitationId });
    await removeCoTeacher(owner, { classroomId: classroom.id, teacherId: patel.id });
    const lee = await makeTeacher({ name: "Ms Lee", email: "lee@school.test" });
    const second = await inviteCoTeacher(owner, { classroomId: classroom.id, email: lee.email });
    await acceptTeacherInvitation(lee, { invitationId: second.invitationId });
    await leaveClass(lee, { classroomId: classroom.id });

    const enrolments = await events("ENROLMENT_CHANGED");
    expect(enrolments.map((e) => [e.actorId, e.subjectId, (e.detail as { via: string }).via])).toEqual([
      [student.id, student.id, "join code"],
      [owner.id, null, "roster import"],
      [ben.id, ben.id, "invitation"],
      [owner.id, student.id, "class page"],
    ]);
    for (const e of enrolments) expect(e).toMatchObject({ classroomId: classroom.id, schoolId: school.id });
    expect(enrolments[1]!.detail).toMatchObject({ invited: 1 });
    expect((await events("TEACHER_ADDED")).map((e) => [e.actorId, e.subjectId, e.classroomId])).toEqual([
      [patel.id, patel.id, classroom.id],
      [lee.id, lee.id, classroom.id],
    ]);
    expect((await events("TEACHER_REMOVED")).map((e) => [e.actorId, e.subjectId, e.schoolId])).toEqual([
      [owner.id, patel.id, school.id],
      [lee.id, lee.id, school.id],
    ]);
  });

  it("school settings: sign-in rules and two-factor with before and after, and LMS registrations", async () => {
    const admin = await makeTeacher({ name: "Admin" });
    const school = await schoolWith(admin);
    const rules = { schoolId: school.id, googleDomains: "", microsoftTenants: "", oidcDomains: "", staffDomains: "" };
    await saveSignInRules(admin, { ...rules, googleDomains: "hillside.example" });
    await saveSignInRules(admin, { ...rules, staffDomains: "staff.hillside.example" });
    await setStaffTwoFactorRequired(admin, school.id, true);
    const reg = await addLtiRegistration(admin, {
      schoolId: school.id,
      label: "Moodle",
      issuer: "https://lms.example.test",
      clientId: "client-1",
      deploymentId: "dep-1",
      authUrl: "https://lms.example.test/auth",
      tokenUrl: "https://lms.example.test/token",
      jwksUrl: "https://lms.example.test/jwks",
    });
    await removeLtiRegistration(admin, { schoolId: school.id, registrationId: reg.id });

    const settings = await events("SCHOOL_SETTINGS_CHANGED");
    expect(settings.map((e) => (e.detail as { setting: string; change?: string }).change ?? (e.detail as { setting: string }).setting)).toEqual([
      "sign-in rules",
      "sign-in rules",
      "staff two-factor",
      "registration added",
      "registration removed",
    ]);
    for (const e of settings) expect(e).toMatchObject({ actorId: admin.id, schoolId: school.id });
    expect(settings[1]).toMatchObject({ before: { rules: [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }] }, after: { rules: [{ kind: "STAFF_DOMAIN", value: "staff.hillside.example" }] } });
    expect(settings[2]).toMatchObject({ before: { requireStaffMfa: false }, after: { requireStaffMfa: true } });
  });

  it("a change that is refused records nothing", async () => {
    const w = await makeMarkedClass();
    const outsider = await makeTeacher();
    await expect(saveMarking(outsider, { ...w.work, baseRevision: 0, awards: [{ criterionId: "overall", level: 2, mark: 8 }] })).rejects.toMatchObject({ status: 404 });
    await expect(removeStudent(outsider, w.classroom.id, w.amira.id)).rejects.toMatchObject({ status: 404 });
    expect(await db().auditEvent.count({ where: { action: { notIn: ["ENROLMENT_CHANGED"] } } })).toBe(0);
  });
});
