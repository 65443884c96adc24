import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMarkingDesk } from "@/lib/marking/desk";
import { getOwnFeedback } from "@/lib/marking/feedback";
import { saveMarking } from "@/lib/marking/markings";
import { setDepartmentMember, removeDepartmentMember } from "@/lib/moderation/internal/departments";
import { acceptDepartmentInvitation, inviteToDepartment, listMyDepartmentInvitations } from "@/lib/moderation/departments";
import { agreeMark, getModerationItem, saveSecondMarking } from "@/lib/moderation/item";
import { chooseSample, getModerationOverview } from "@/lib/moderation/moderation";
import { getAssignmentModerationReport, getDepartmentModerationReport } from "@/lib/moderation/report";
import { makeStudent, makeTeacher } from "../factories";
import { annotate, ESSAY, makeMarkedClass, returnMarking, savedMarking, submitEssay } from "./marking-fixtures";
import { statusOf } from "./refusal-status";
import { makeOutsiders } from "./work-fixtures";

// Issue 13 part 5 (decision 030): a sample is second-marked blind to the first marks, the two
// are compared, and the agreed mark replaces the first as the returned mark, the original
// kept. Heads of department moderate their members' classes; nobody else may.

const SUMMARY = "Precise knowledge of the Secret Speech.";
const COMMENT = "Weigh this against the party machine.";

/** Ms Hughes marks Amira (returned, Level 3, 13) and Ben (complete, not returned, Level 4, 17); Ms Lee heads History, which Ms Hughes belongs to. */
async function moderatedClass() {
  const world = await makeMarkedClass();
  await submitEssay(world.ben, world.assignmentId, ESSAY);
  await annotate(world.teacher, world.work, ESSAY, "Secret Speech", { comment: COMMENT });
  await returnMarking(world.teacher, world.work, { wentWell: SUMMARY });
  const benWork = { assignmentId: world.assignmentId, studentId: world.ben.id, submissionNumber: 1 };
  savedMarking(await saveMarking(world.teacher, { ...benWork, baseRevision: 0, awards: [{ criterionId: "overall", level: 4, mark: 17 }], wentWell: "Clear argument." }));
  const head = await makeTeacher({ name: "Ms Grace Lee" });
  await setDepartmentMember("History", world.teacher.email, "MEMBER");
  await setDepartmentMember("History", head.email, "HEAD");
  return { ...world, head, benWork };
}

describe("who may moderate", () => {
  it("the class's teacher and the head of its teacher's department; not another department's head, a member who does not teach it, another teacher or a student", async () => {
    const w = await moderatedClass();
    const otherHead = await makeTeacher({ name: "Mr Geography Head" });
    await setDepartmentMember("Geography", otherHead.email, "HEAD");
    const colleague = await makeTeacher({ name: "Mr History Colleague" });
    await setDepartmentMember("History", colleague.email, "MEMBER");
    const { teacher: outsider } = await makeOutsiders();
    const student = await makeStudent();

    expect((await getModerationOverview(w.teacher, w.assignmentId)).as).toBe("teacher");
    expect((await getModerationOverview(w.head, w.assignmentId)).as).toBe("head");
    expect(await statusOf(getModerationOverview(otherHead, w.assignmentId))).toBe(404);
    expect(await statusOf(getModerationOverview(colleague, w.assignmentId))).toBe(404);
    expect(await statusOf(getModerationOverview(outsider, w.assignmentId))).toBe(404);
    expect(await statusOf(getModerationOverview(student, w.assignmentId))).toBe(403);
    expect(await statusOf(chooseSample(otherHead, { assignmentId: w.assignmentId, method: "ALL" }))).toBe(404);
    expect(await statusOf(chooseSample(outsider, { assignmentId: w.assignmentId, method: "ALL" }))).toBe(404);
    expect(await db().moderationSample.count()).toBe(0);

    // Heading the department opens moderation, not the class's marking desk.
    expect(await statusOf(getMarkingDesk(w.head, w.assignmentId, w.amira.id))).toBe(404);

    // The department report is for heads; another department's head sees none of History's work.
    expect(await statusOf(getDepartmentModerationReport(w.teacher))).toBe(403);
    expect((await getDepartmentModerationReport(otherHead)).assignments).toEqual([]);
    expect((await getDepartmentModerationReport(w.head)).assignments.map((a) => a.id)).toEqual([w.assignmentId]);

    // Taken out of the department, the head is refused on the next call.
    await removeDepartmentMember("History", w.head.email);
    expect(await statusOf(getModerationOverview(w.head, w.assignmentId))).toBe(404);
    expect(await statusOf(getDepartmentModerationReport(w.head))).toBe(403);
  });
});

describe("joining a department", () => {
  it("a head invites by email; only the teacher with that email may accept, once, and their classes then open to the head", async () => {
    const w = await makeMarkedClass();
    const head = await makeTeacher({ name: "Ms Grace Lee" });
    const { department } = await setDepartmentMember("History", head.email, "HEAD");
    const member = await makeTeacher();
    await setDepartmentMember("History", member.email, "MEMBER");
    const otherHead = await makeTeacher();
    await setDepartmentMember("Geography", otherHead.email, "HEAD");
    const stranger = await makeTeacher();
    const student = await makeStudent({ email: "student.same@school.test" });

    // Only a head of this department invites.
    expect(await statusOf(inviteToDepartment(member, { departmentId: department.id, email: w.teacher.email }))).toBe(403);
    expect(await statusOf(inviteToDepartment(otherHead, { departmentId: department.id, email: w.teacher.email }))).toBe(404);
    expect(await statusOf(inviteToDepartment(head, { departmentId: department.id, email: "not an email" }))).toBe(400);
    expect(await db().departmentInvitation.count()).toBe(0);

    await inviteToDepartment(head, { departmentId: department.id, email: w.teacher.email.toUpperCase() });
    expect(await statusOf(inviteToDepartment(head, { departmentId: department.id, email: w.teacher.email }))).toBe(409);
    // An address that is a student's gets the same answer, and the student never sees it.
    await inviteToDepartment(head, { departmentId: department.id, email: student.email });
    expect(await listMyDepartmentInvitations(student)).toEqual([]);
    expect(await statusOf(acceptDepartmentInvitation(student, { invitationId: (await db().departmentInvitation.findFirstOrThrow({ where: { email: student.email } })).id }))).toBe(403);

    const [invitation] = await listMyDepartmentInvitations(w.teacher);
    expect(invitation).toMatchObject({ department: { name: "History" }, invitedBy: { name: "Ms Grace Lee" } });
    expect(await statusOf(getModerationOverview(head, w.assignmentId))).toBe(404);
    expect(await statusOf(acceptDepartmentInvitation(stranger, { invitationId: invitation!.id }))).toBe(404);
    expect(await acceptDepartmentInvitation(w.teacher, { invitationId: invitation!.id })).toEqual({ department: "History" });
    expect(await statusOf(acceptDepartmentInvitation(w.teacher, { invitationId: invitation!.id }))).toBe(404);
    expect(await listMyDepartmentInvitations(w.teacher)).toEqual([]);
    expect((await getModerationOverview(head, w.assignmentId)).as).toBe("head");
  });
});

describe("choosing a sample", () => {
  it("takes every complete first marking, once; a random sample records its seed", async () => {
    const w = await moderatedClass();
    expect(await chooseSample(w.head, { assignmentId: w.assignmentId, method: "ALL" })).toEqual({ sampled: 2, candidates: 2 });
    expect(await statusOf(chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "RANDOM", percent: 50 }))).toBe(409);
    const overview = await getModerationOverview(w.teacher, w.assignmentId);
    expect(overview.sample?.items.map((i) => [i.studentName, i.stage, i.markedFirstByYou])).toEqual([
      ["Amira Khan", "awaiting second marking", true],
      ["Ben Carter", "awaiting second marking", true],
    ]);

    const v = await moderatedClass();
    expect(await chooseSample(v.teacher, { assignmentId: v.assignmentId, method: "RANDOM", percent: "50" })).toEqual({ sampled: 1, candidates: 2 });
    const sample = await db().moderationSample.findUniqueOrThrow({ where: { assignmentId: v.assignmentId }, select: { method: true, percent: true, seed: true } });
    expect(sample).toMatchObject({ method: "RANDOM", percent: 50 });
    expect(sample.seed).toEqual(expect.any(Number));
  });

  it("refuses with nothing to sample, or a percentage missing, and writes nothing", async () => {
    const w = await makeMarkedClass();
    expect(await statusOf(chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "ALL" }))).toBe(409);
    expect(await statusOf(chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "RANDOM" }))).toBe(400);
    expect(await statusOf(chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "SPREAD", perGroup: "0" }))).toBe(400);
    expect(await db().moderationSample.count()).toBe(0);
  });
});

describe("second marking is blind", () => {
  it("shows the second marker no first mark, summary or comment anywhere until they submit; the first marker cannot second-mark", async () => {
    const w = await moderatedClass();
    await chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "ALL" });

    const desk = await getModerationItem(w.head, w.assignmentId, w.amira.id);
    expect(desk.stage).toBe("blind");
    const seen = JSON.stringify([desk, await getModerationOverview(w.head, w.assignmentId), await getAssignmentModerationReport(w.head, w.assignmentId)]);
    for (const secret of [SUMMARY, COMMENT, "Clear argument.", '"awards"', '"total":13', '"total":17']) expect(seen).not.toContain(secret);
    const report = await getAssignmentModerationReport(w.head, w.assignmentId);
    expect(report.essays.map((e) => [e.stage, e.first])).toEqual([
      ["awaiting second marking", null],
      ["awaiting second marking", null],
    ]);
    expect(report.report.overall.compared).toBe(0);

    // The first marker is told someone else second-marks; nobody agrees before the second marking.
    expect(await statusOf(saveSecondMarking(w.teacher, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 3 } }))).toBe(409);
    expect(await statusOf(agreeMark(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 3 }, reason: "Fine." }))).toBe(409);

    // A level missing or a mark outside its band is a 422 on that field; nothing is saved.
    const missing = saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: {} });
    await expect(missing).rejects.toMatchObject({ status: 422, fieldErrors: { "level.overall": [expect.stringContaining("Choose a level")] } });
    expect(await statusOf(saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 2 }, total: 20 }))).toBe(422);
    expect((await getModerationItem(w.head, w.assignmentId, w.amira.id)).stage).toBe("blind");

    // Form fields as the browser sends them.
    await saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, "level.overall": "2", total: "9" } as never);
    const compared = await getModerationItem(w.head, w.assignmentId, w.amira.id);
    if (compared.stage !== "compare") expect.fail("expected the comparison");
    expect(compared.rows).toEqual([{ criterionId: "overall", name: expect.any(String), first: 3, second: 2, difference: -1 }]);
    expect([compared.first.total, compared.second.total, compared.first.markerName, compared.second.markerName]).toEqual([13, 9, "Ms Rosa Hughes", "Ms Grace Lee"]);
    expect(await statusOf(saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 3 } }))).toBe(409);
  });

  it("an essay outside the sample, or a student of another class, is not found", async () => {
    const w = await moderatedClass();
    await chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "SPREAD", perGroup: 1 });
    const { student } = await makeOutsiders();
    expect(await statusOf(getModerationItem(w.head, w.assignmentId, student.id))).toBe(404);
    expect(await statusOf(saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: student.id, levels: { overall: 3 } }))).toBe(404);
  });
});

describe("agreeing a mark", () => {
  it("the agreed mark becomes the returned mark, the first marking is kept, and it is agreed once", async () => {
    const w = await moderatedClass();
    await chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "ALL" });
    await saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 2 }, total: 9 });
    const before = await db().marking.findFirstOrThrow({ where: { submission: { draft: { studentId: w.amira.id } } }, select: { revision: true } });

    expect(await statusOf(agreeMark(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 2 }, reason: "  " }))).toBe(400);
    await agreeMark(w.teacher, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 2 }, total: 10, reason: "The judgement is asserted, not substantiated." });

    const marking = await db().marking.findFirstOrThrow({
      where: { submission: { draft: { studentId: w.amira.id } } },
      select: { awards: true, total: true, revision: true, status: true, wentWell: true },
    });
    expect(marking).toMatchObject({ awards: [{ criterionId: "overall", level: 2, mark: 10 }], total: 10, status: "RETURNED", wentWell: SUMMARY, revision: before.revision + 1 });
    const feedback = await getOwnFeedback(w.amira, w.assignmentId);
    expect(feedback.latestReturned?.marking?.total).toBe(10);

    const item = await db().moderationItem.findFirstOrThrow({
      where: { submission: { draft: { studentId: w.amira.id } } },
      select: { originalAwards: true, originalTotal: true, originalMarkerId: true, agreedReason: true, agreedById: true, secondTotal: true },
    });
    expect(item).toEqual({
      originalAwards: [{ criterionId: "overall", level: 3, mark: 13 }],
      originalTotal: 13,
      originalMarkerId: w.teacher.id,
      agreedReason: "The judgement is asserted, not substantiated.",
      agreedById: w.teacher.id,
      secondTotal: 9,
    });
    expect(await statusOf(agreeMark(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 3 }, reason: "Again." }))).toBe(409);

    // The comparison still shows the first marking as it was, beside the agreed one.
    const view = await getModerationItem(w.head, w.assignmentId, w.amira.id);
    if (view.stage !== "compare") expect.fail("expected the comparison");
    expect([view.first.total, view.second.total, view.agreed?.total, view.agreed?.reason]).toEqual([13, 9, 10, "The judgement is asserted, not substantiated."]);
  });

  it("the reports give agreement per criterion, the mean difference, and each marker against the agreed marks", async () => {
    const w = await moderatedClass();
    await chooseSample(w.teacher, { assignmentId: w.assignmentId, method: "ALL" });
    // Amira: first L3/13, second L2/9, agreed L3/12. Ben: first L4/17, second L4/18, agreed L4/17.
    await saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 2 }, total: 9 });
    await saveSecondMarking(w.head, { assignmentId: w.assignmentId, studentId: w.ben.id, levels: { overall: 4 }, total: 18 });
    await agreeMark(w.head, { assignmentId: w.assignmentId, studentId: w.amira.id, levels: { overall: 3 }, total: 12, reason: "Level 3, low in the band." });
    await agreeMark(w.head, { assignmentId: w.assignmentId, studentId: w.ben.id, levels: { overall: 4 }, total: 17, reason: "The first mark stands." });

    const { report, essays } = await getAssignmentModerationReport(w.teacher, w.assignmentId);
    expect(report.perCriterion).toEqual([{ criterion: expect.any(String), compared: 2, exact: 1, exactRate: 0.5, meanAbsDiff: 0.5 }]);
    expect(report.overall.meanAbsMarkDiff).toBe((4 + 1) / 2);
    expect(report.markers).toEqual([
      // Ms Lee: levels −1, 0; marks −3, +1.
      { marker: { id: w.head.id, name: "Ms Grace Lee" }, essays: 2, meanLevelDiff: -0.5, meanAbsLevelDiff: 0.5, meanMarkDiff: -1 },
      // Ms Hughes: levels 0, 0; marks +1, 0.
      { marker: { id: w.teacher.id, name: "Ms Rosa Hughes" }, essays: 2, meanLevelDiff: 0, meanAbsLevelDiff: 0, meanMarkDiff: 0.5 },
    ]);
    expect(essays.map((e) => [e.studentName, e.first?.total, e.second?.total, e.agreed?.total])).toEqual([
      ["Amira Khan", 13, 9, 12],
      ["Ben Carter", 17, 18, 17],
    ]);

    const department = await getDepartmentModerationReport(w.head);
    expect(department.departments.map((d) => d.name)).toEqual(["History"]);
    expect(department.assignments[0]).toMatchObject({ id: w.assignmentId, sampled: true, counts: { sampled: 2, secondMarked: 2, agreed: 2 } });
    expect(department.report.markers.map((m) => [m.marker.name, m.meanMarkDiff])).toEqual([
      ["Ms Grace Lee", -1],
      ["Ms Rosa Hughes", 0.5],
    ]);
  });
});
