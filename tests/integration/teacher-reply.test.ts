import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { queues } from "@/lib/jobs/queues";
import { getMarkingDesk } from "@/lib/marking/desk";
import { getOwnFeedback, respondToFeedback } from "@/lib/marking/feedback";
import { replyToResponse } from "@/lib/marking/reply";
import { saveMarking } from "@/lib/marking/markings";
import { teacherReplyOf } from "@/lib/marking/teacher-reply-view";
import { addCoTeacher, makeTeacher } from "../factories";
import { makeMarkedClass, returnMarking, type Work } from "./marking-fixtures";
import { makeOutsiders } from "./work-fixtures";
import { statusOf } from "./refusal-status";

// The teacher's reply to a student's response to returned feedback (issue 17): who may write
// it, when, what is stored, and that the student is notified once, by a "notify" job sent in
// the reply's own transaction. pgboss.* is not emptied between tests, so jobs are looked up
// by this test's submission id.

const RESPONSE = "I will weigh the factors against each other next time.";

async function responded() {
  const w = await makeMarkedClass();
  await returnMarking(w.teacher, w.work);
  await respondToFeedback(w.amira, { assignmentId: w.assignmentId, submissionNumber: 1, response: RESPONSE });
  const submission = await db().submission.findFirstOrThrow({ where: { number: 1, draft: { assignmentId: w.assignmentId, studentId: w.amira.id } }, select: { id: true } });
  return { ...w, submissionId: submission.id };
}

const reply = (work: Work, text: string, baseRepliedAt: Date | null = null) => ({ ...work, reply: text, baseRepliedAt: baseRepliedAt?.toISOString() ?? null });

const stored = (submissionId: string) =>
  db().marking.findUniqueOrThrow({ where: { submissionId }, select: { teacherReply: true, teacherRepliedAt: true, teacherReplyById: true, response: true } });

/** The "teacher-replied" notify jobs for this submission, in any state. */
async function replyJobs(submissionId: string) {
  const { rows } = await pool().query<{ id: string; data: unknown }>("SELECT id, data FROM pgboss.job WHERE name = 'notify' AND data->>'type' = 'teacher-replied' AND data->>'submissionId' = $1", [submissionId]);
  return rows;
}

describe("a teacher's reply to the student's response", () => {
  it("is stored with who and when, notifies the student once in the same transaction, and is replaced by a later save", async () => {
    const { teacher, amira, assignmentId, work, submissionId } = await responded();
    const result = await replyToResponse(teacher, reply(work, "  Yes: start with the economy, then weigh it.  "));
    if (!result.ok) expect.fail("expected the reply to save");
    const row = await stored(submissionId);
    expect(row).toEqual({ teacherReply: "Yes: start with the economy, then weigh it.", teacherRepliedAt: expect.any(Date), teacherReplyById: teacher.id, response: RESPONSE });
    expect(result.reply).toEqual({ text: "Yes: start with the economy, then weigh it.", repliedAt: row.teacherRepliedAt, byName: "Ms Rosa Hughes" });
    const [job] = await replyJobs(submissionId);
    expect(job).toEqual({ id: expect.any(String), data: { type: "teacher-replied", submissionId } });
    // The job, run as a worker would, leaves Amira a notification.
    await queues.notify.handler(queues.notify.data.parse(job!.data), { id: job!.id, retryCount: 0 });
    expect(await db().notification.findMany({ where: { userId: amira.id, kind: "TEACHER_REPLIED" }, select: { href: true } })).toEqual([
      { href: expect.stringContaining(`/assignments/${assignmentId}`) },
    ]);

    // The student sees it under their response; the desk shows it to the class's teachers.
    const feedback = await getOwnFeedback(amira, assignmentId);
    expect(teacherReplyOf(feedback.versions[0]!.marking!)).toEqual(result.reply);
    expect(teacherReplyOf((await getMarkingDesk(teacher, assignmentId, amira.id)).marking)).toEqual(result.reply);

    // Revised: the text and time are replaced, and nobody is told again.
    const again = await replyToResponse(teacher, reply(work, "Start with the economy.", result.reply.repliedAt));
    if (!again.ok) expect.fail("expected the revision to save");
    expect(await stored(submissionId)).toMatchObject({ teacherReply: "Start with the economy.", teacherReplyById: teacher.id });
    expect(again.reply.repliedAt.getTime()).toBeGreaterThanOrEqual(result.reply.repliedAt.getTime());
    expect(await replyJobs(submissionId)).toHaveLength(1);
  });

  it("a co-teacher's reply saved meanwhile is a conflict, not overwritten; saving on top of it on purpose works", async () => {
    const { teacher, classroom, work, submissionId } = await responded();
    const colleague = await makeTeacher({ name: "Mr Sam Okafor" });
    await addCoTeacher(classroom.id, colleague);
    const theirs = await replyToResponse(colleague, reply(work, "Good plan."));
    if (!theirs.ok) expect.fail("expected the co-teacher's reply to save");

    // Rosa's form loaded before there was a reply.
    const mine = await replyToResponse(teacher, reply(work, "Weigh the economy first."));
    expect(mine).toEqual({ ok: false, conflict: { text: "Good plan.", repliedAt: theirs.reply.repliedAt, byName: "Mr Sam Okafor" } });
    expect(await stored(submissionId)).toMatchObject({ teacherReply: "Good plan.", teacherReplyById: colleague.id });
    // Two first replies were attempted; only the one that saved told the student.
    expect(await replyJobs(submissionId)).toHaveLength(1);

    const over = await replyToResponse(teacher, reply(work, "Weigh the economy first.", theirs.reply.repliedAt));
    expect(over).toMatchObject({ ok: true, reply: { text: "Weigh the economy first.", byName: "Ms Rosa Hughes" } });
    expect(await replyJobs(submissionId)).toHaveLength(1);
  });

  it("names a teacher whose account is gone as a former teacher", async () => {
    const { classroom, amira, assignmentId, work } = await responded();
    const colleague = await makeTeacher({ name: "Mr Sam Okafor" });
    await addCoTeacher(classroom.id, colleague);
    await replyToResponse(colleague, reply(work, "Good plan."));
    await db().user.delete({ where: { id: colleague.id } });
    const feedback = await getOwnFeedback(amira, assignmentId);
    expect(teacherReplyOf(feedback.versions[0]!.marking!)).toMatchObject({ text: "Good plan.", byName: "a former teacher" });
  });

  it("is refused to anyone but the class's teachers: another teacher and students as not found", async () => {
    const { amira, ben, work, submissionId } = await responded();
    const outsiders = await makeOutsiders();
    expect(await statusOf(replyToResponse(outsiders.teacher, reply(work, "Not mine to answer.")))).toBe(404);
    expect(await statusOf(replyToResponse(amira, reply(work, "Replying to myself.")))).toBe(404);
    expect(await statusOf(replyToResponse(ben, reply(work, "Not my essay.")))).toBe(404);
    // A student of another class, named as the student: not this teacher's to see.
    expect(await statusOf(replyToResponse(outsiders.teacher, reply({ ...work, studentId: outsiders.student.id }, "Hello.")))).toBe(404);
    expect(await stored(submissionId)).toMatchObject({ teacherReply: "", teacherRepliedAt: null, teacherReplyById: null });
    expect(await replyJobs(submissionId)).toEqual([]);
  });

  it("waits for the student: refused (409) before the marking is returned and before the student responds", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    await saveMarking(teacher, { ...work, baseRevision: 0, awards: [{ criterionId: "overall", level: 3 }], wentWell: "In progress." });
    await expect(replyToResponse(teacher, reply(work, "Too early."))).rejects.toMatchObject({ status: 409, message: expect.stringContaining("returned") });
    const returned = await saveMarking(teacher, { ...work, baseRevision: 1, awards: [{ criterionId: "overall", level: 3 }], wentWell: "Good.", evenBetterIf: "Weigh." }, { returning: true });
    expect(returned.ok).toBe(true);
    await expect(replyToResponse(teacher, reply(work, "Still too early."))).rejects.toMatchObject({ status: 409, message: expect.stringContaining("not responded") });
    // A version that does not exist.
    expect(await statusOf(replyToResponse(teacher, reply({ ...work, submissionNumber: 2 }, "Which version?")))).toBe(404);
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: RESPONSE });
    expect((await replyToResponse(teacher, reply(work, "Now I can."))).ok).toBe(true);
  });

  it("refuses an empty or over-long reply (400), storing and sending nothing", async () => {
    const { teacher, work, submissionId } = await responded();
    expect(await statusOf(replyToResponse(teacher, reply(work, "   ")))).toBe(400);
    expect(await statusOf(replyToResponse(teacher, reply(work, "x".repeat(4001))))).toBe(400);
    expect(await statusOf(replyToResponse(teacher, { ...reply(work, "Fine."), baseRepliedAt: "yesterday" }))).toBe(400);
    expect(await stored(submissionId)).toMatchObject({ teacherReply: "", teacherRepliedAt: null });
    expect(await replyJobs(submissionId)).toEqual([]);
    // The limit itself is allowed.
    expect((await replyToResponse(teacher, reply(work, "x".repeat(4000)))).ok).toBe(true);
  });
});
