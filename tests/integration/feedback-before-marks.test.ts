import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setAssignment } from "@/lib/assignments/assignments";
import { getMarkingDesk } from "@/lib/marking/desk";
import { getOwnFeedback, respondToFeedback } from "@/lib/marking/feedback";
import { getFeedbackRelease, setFeedbackBeforeMarks } from "@/lib/marking/feedback-release";
import { ESSAY, annotate, returnMarking, submitEssay } from "./marking-fixtures";
import { assignmentInput, makeClassWithTopic, makeOutsiders } from "./work-fixtures";

// Feedback before marks (decision 031): the rule holds in the data the student is sent.

async function heldClass({ feedbackBeforeMarks = true } = {}) {
  const world = await makeClassWithTopic();
  const { id: assignmentId } = await setAssignment(world.teacher, assignmentInput(world, { feedbackBeforeMarks }));
  await submitEssay(world.amira, assignmentId, ESSAY);
  const work = { assignmentId, studentId: world.amira.id, submissionNumber: 1 };
  const target = await annotate(world.teacher, work, ESSAY, "to a large extent", { comment: "How large? Say by what measure." });
  await returnMarking(world.teacher, work);
  return { ...world, assignmentId, work, target };
}

const markingRow = (assignmentId: string, studentId: string) =>
  db().marking.findFirstOrThrow({ where: { submission: { draft: { assignmentId, studentId } } }, select: { marksReleasedAt: true, returnedAt: true, respondedAt: true } });

describe("feedback before marks", () => {
  it("is off unless chosen when the assignment is set, and a form's checkbox turns it on", async () => {
    const world = await makeClassWithTopic();
    const plain = await setAssignment(world.teacher, assignmentInput(world));
    const ticked = await setAssignment(world.teacher, assignmentInput(world, { feedbackBeforeMarks: "on" }));
    const rows = await db().assignment.findMany({ where: { id: { in: [plain.id, ticked.id] } }, select: { id: true, feedbackBeforeMarks: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.feedbackBeforeMarks]))).toEqual({ [plain.id]: false, [ticked.id]: true });
  });

  it("the student gets comments, targets and summary but no level, mark or total until they respond", async () => {
    const { amira, assignmentId, target } = await heldClass();
    const before = await getOwnFeedback(amira, assignmentId);
    const marking = before.versions[0]!.marking!;
    expect(marking).toMatchObject({ status: "RETURNED", marksHeld: true, awards: [], total: null, wentWell: "Precise knowledge of the Secret Speech.", marksReleasedAt: null });
    expect(before.annotationsFor(ESSAY)).toEqual([expect.objectContaining({ id: target.id, comment: "How large? Say by what measure." })]);
    // Nothing of the mark anywhere in what the page is given (13 marks, Level 3): no 13 as a
    // JSON value (a time such as "12:16:13.836Z" holds ":13" too, followed by a dot).
    const sent = JSON.stringify(before.versions);
    expect(sent).not.toMatch(/"level"|"mark"|:13[,}\]]/);

    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "I will say by what measure." });
    const after = await getOwnFeedback(amira, assignmentId);
    expect(after.versions[0]!.marking).toMatchObject({ marksHeld: false, total: 13, awards: [{ criterionId: "overall", level: 3, mark: 13 }], response: "I will say by what measure." });
    const row = await markingRow(assignmentId, amira.id);
    expect(row.marksReleasedAt).toEqual(row.respondedAt);
  });

  it("a revised response keeps the first release time", async () => {
    const { amira, assignmentId } = await heldClass();
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "First thoughts." });
    const first = (await markingRow(assignmentId, amira.id)).marksReleasedAt;
    await new Promise((r) => setTimeout(r, 5));
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "Second thoughts." });
    const row = await markingRow(assignmentId, amira.id);
    expect(row.marksReleasedAt).toEqual(first);
    expect(row.respondedAt!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it("an empty response is refused and releases nothing", async () => {
    const { amira, assignmentId } = await heldClass();
    await expect(respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "   " })).rejects.toThrow();
    expect((await markingRow(assignmentId, amira.id)).marksReleasedAt).toBeNull();
    expect((await getOwnFeedback(amira, assignmentId)).versions[0]!.marking).toMatchObject({ marksHeld: true, total: null });
  });

  it("another student's response releases nothing of Amira's", async () => {
    const { amira, ben, assignmentId } = await heldClass();
    await expect(respondToFeedback(ben, { assignmentId, submissionNumber: 1, response: "Mine." })).rejects.toMatchObject({ status: 404 });
    const outsiders = await makeOutsiders();
    await expect(respondToFeedback(outsiders.student, { assignmentId, submissionNumber: 1, response: "Mine." })).rejects.toMatchObject({ status: 404 });
    expect((await getOwnFeedback(amira, assignmentId)).versions[0]!.marking).toMatchObject({ marksHeld: true });
  });

  it("without the setting, marks show on return and the release is recorded then", async () => {
    const { amira, assignmentId } = await heldClass({ feedbackBeforeMarks: false });
    expect((await getOwnFeedback(amira, assignmentId)).versions[0]!.marking).toMatchObject({ marksHeld: false, total: 13 });
    const row = await markingRow(assignmentId, amira.id);
    expect(row.marksReleasedAt).toEqual(row.returnedAt);
  });

  it("the teacher sees the marks and that they are held; turning the setting off releases them", async () => {
    const { teacher, amira, assignmentId } = await heldClass();
    const desk = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(desk.marking).toMatchObject({ total: 13, marksReleasedAt: null });
    expect(await getFeedbackRelease(teacher, assignmentId)).toEqual({ feedbackBeforeMarks: true, held: 1 });

    await setFeedbackBeforeMarks(teacher, assignmentId, false);
    expect(await getFeedbackRelease(teacher, assignmentId)).toEqual({ feedbackBeforeMarks: false, held: 0 });
    expect((await markingRow(assignmentId, amira.id)).marksReleasedAt).not.toBeNull();
    expect((await getOwnFeedback(amira, assignmentId)).versions[0]!.marking).toMatchObject({ marksHeld: false, total: 13 });
  });

  it("turning the setting on never hides marks a student has already been shown", async () => {
    const { teacher, amira, assignmentId } = await heldClass({ feedbackBeforeMarks: false });
    await setFeedbackBeforeMarks(teacher, assignmentId, true);
    expect((await getOwnFeedback(amira, assignmentId)).versions[0]!.marking).toMatchObject({ marksHeld: false, total: 13 });
  });

  it("only a teacher of the class may change the setting or read the count", async () => {
    const { amira, assignmentId } = await heldClass();
    const outsiders = await makeOutsiders();
    await expect(setFeedbackBeforeMarks(outsiders.teacher, assignmentId, false)).rejects.toMatchObject({ status: 404 });
    await expect(setFeedbackBeforeMarks(amira, assignmentId, false)).rejects.toMatchObject({ status: 404 });
    await expect(getFeedbackRelease(outsiders.teacher, assignmentId)).rejects.toMatchObject({ status: 404 });
    expect((await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).feedbackBeforeMarks).toBe(true);
  });
});
