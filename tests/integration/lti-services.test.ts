import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { boss } from "@/lib/jobs/boss";
import { defineQueue } from "@/lib/jobs/define";
import { queues } from "@/lib/jobs/queues";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import type { SessionUser } from "@/lib/auth/sessions";
import { importNotes } from "@/lib/notes/import-notes";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { saveMarking } from "@/lib/marking/markings";
import { respondToFeedback } from "@/lib/marking/feedback";
import { setFeedbackBeforeMarks } from "@/lib/marking/feedback-release";
import { chooseDeepLink, deepLinkingResponse, getDeepLinkRequest } from "@/lib/lti/deep-linking";
import { syncRoster } from "@/lib/lti/roster";
import { CLAIM, ROLE, startPlatform, type Platform } from "../lti/platform";
import { launchThrough, registerPlatform, startToolJwks } from "../lti/tool-harness";
import { enrol, makeStudent } from "../factories";
import { notes, daysFromNow } from "./work-fixtures";
import { statusOf } from "./refusal-status";

// LTI Advantage against the platform stand-in (decision 036): Deep Linking makes the
// assignment and the LMS's gradebook column, a returned marking queues its score and the
// "lti-scores" job posts it there (kept and retried when the LMS is down), and the roster
// follows the course's learners.

let platform: Platform;
let jwks: Awaited<ReturnType<typeof startToolJwks>>;
beforeAll(async () => {
  platform = await startPlatform({ pageSize: 2 });
  jwks = await startToolJwks();
});
afterAll(async () => {
  await platform.close();
  await jwks.close();
});
let worker: JobWorker | null = null;
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

// The gradebook's queue as the app registers it, without its 15-minute schedule (a test's
// worker should not leave a cron behind in the test database).
const scoreQueue = defineQueue({ ...queues["lti-scores"], schedule: undefined });

const linkOf = async (assignmentId: string) => (await db().ltiAssignmentLink.findUniqueOrThrow({ where: { assignmentId }, select: { id: true } })).id;

/** The "lti-scores" jobs waiting for this assignment's link (pgboss.* is not emptied between tests, but every test has its own link). */
async function scoreJobs(assignmentId: string) {
  const { rows } = await pool().query<{ id: string; data: { linkId?: string }; singleton_key: string | null }>(
    "SELECT id, data, singleton_key FROM pgboss.job WHERE name = 'lti-scores' AND state = 'created' AND data->>'linkId' = $1",
    [await linkOf(assignmentId)],
  );
  return rows;
}

/** Runs the link's waiting jobs as a worker would (the registry's handler), then removes them. */
async function runScoreJobs(assignmentId: string) {
  const jobs = await scoreJobs(assignmentId);
  expect(jobs.length).toBeGreaterThan(0);
  try {
    for (const job of jobs) await queues["lti-scores"].handler(queues["lti-scores"].data.parse(job.data), { id: job.id, retryCount: 0 });
  } finally {
    for (const job of jobs) await boss().deleteJob("lti-scores", job.id);
  }
}

/** The 15-minute sweep's run: every link's waiting scores. */
const runSweep = () => queues["lti-scores"].handler({}, { id: "sweep", retryCount: 0 });

const tess = { id: "u-tess", name: "Tess Teacher", email: "tess@hill.example", roles: [ROLE.instructor] };
const sam = { id: "u-sam", name: "Sam Student", email: "sam@hill.example", roles: [ROLE.learner] };
const course = { id: "course-7", label: "HIST12", title: "History 12" };
const asUser = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, email: true, role: true } }) as Promise<SessionUser>;

/** The teacher adds an Extent essay to the course through Deep Linking; the platform's line item for it. */
async function setThroughDeepLinking(reg: Awaited<ReturnType<typeof registerPlatform>>) {
  const dl = await launchThrough(platform, reg, tess, course, { type: "LtiDeepLinkingRequest" });
  const teacher = await asUser(dl.userId);
  const requestId = dl.path.split("/").pop()!;
  expect((await getDeepLinkRequest(teacher, requestId)).open).toBe(true);
  await importNotes(teacher, { text: notes, title: "Khrushchev and the USSR" });
  const question = await db().question.findFirstOrThrow({ where: { createdById: teacher.id, stem: "HOW_FAR" }, select: { id: true } });
  const { assignmentId } = await chooseDeepLink(teacher, { requestId, questionId: question.id, rubricId: "holistic-25-five-levels", dueAt: daysFromNow(7), instructions: "" });
  const { returnUrl, jwt } = await deepLinkingResponse(teacher, requestId);
  const posted = await fetch(returnUrl, { method: "POST", body: new URLSearchParams({ JWT: jwt }) });
  expect(posted.status, await posted.clone().text()).toBe(200);
  // Sent once: the request is spent.
  expect(await statusOf(deepLinkingResponse(teacher, requestId))).toBe(409);
  return { teacher, assignmentId, lineItem: platform.lineItemFor(assignmentId)! };
}

async function handInAndReturn(teacher: SessionUser, student: SessionUser, assignmentId: string, level: number) {
  const saved = await saveDraft(student, { assignmentId, baseRevision: 0, text: "Khrushchev changed the USSR to a large extent, though the system survived." });
  if (!saved.ok) throw new Error("draft not saved");
  await submitDraft(student, { assignmentId, baseRevision: saved.draft.revision });
  const work = { assignmentId, studentId: student.id, submissionNumber: 1 };
  return saveMarking(teacher, { ...work, baseRevision: 0, awards: [{ criterionId: "overall", level }], wentWell: "Clear line of argument.", evenBetterIf: "Weigh the factors." }, { returning: true });
}

describe("LTI Advantage", () => {
  it("deep linking sets the assignment and the LMS makes a gradebook column; the student's launch of it opens their work", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const { assignmentId, lineItem } = await setThroughDeepLinking(reg);
    expect(lineItem).toMatchObject({ scoreMaximum: 25, resourceId: assignmentId, tag: "extent", custom: { extent_assignment: assignmentId } });
    const [returned] = platform.deepLinkReturns.slice(-1);
    expect(returned![CLAIM.dlData]).toMatch(/^opaque-/);

    const launched = await launchThrough(platform, reg, sam, course, { resourceLink: { id: lineItem.resourceLinkId! }, custom: lineItem.custom });
    expect(launched.path).toBe(`/assignments/${assignmentId}`);
    expect(await db().ltiAssignmentLink.findUniqueOrThrow({ where: { assignmentId }, select: { resourceLinkId: true, lineItemUrl: true } })).toEqual({ resourceLinkId: lineItem.resourceLinkId, lineItemUrl: lineItem.id });
  });

  it("a return queues the score and its job in the return's transaction; a worker posts the right score to the line item", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const { teacher, assignmentId, lineItem } = await setThroughDeepLinking(reg);
    const launched = await launchThrough(platform, reg, sam, course, { resourceLink: { id: lineItem.resourceLinkId! }, custom: lineItem.custom });
    const student = await asUser(launched.userId);

    const result = await handInAndReturn(teacher, student, assignmentId, 3);
    expect(result.ok).toBe(true);
    // The return did not wait for the LMS: the score is waiting, with one job for its link.
    expect(lineItem.scores).toEqual([]);
    expect(await db().ltiScore.findFirstOrThrow({ select: { postedAt: true, attempts: true } })).toEqual({ postedAt: null, attempts: 0 });
    const linkId = await linkOf(assignmentId);
    expect(await scoreJobs(assignmentId)).toEqual([expect.objectContaining({ data: { linkId }, singleton_key: `link:${linkId}` })]);

    worker = await startJobWorker({ "lti-scores": scoreQueue }, { pollingIntervalSeconds: 0.5, log: () => {} });
    await expect.poll(() => lineItem.scores, { timeout: 20_000 }).toEqual([
      expect.objectContaining({ userId: "u-sam", scoreGiven: 13, scoreMaximum: 25, activityProgress: "Completed", gradingProgress: "FullyGraded" }),
    ]);
    await expect.poll(async () => (await db().ltiScore.findFirstOrThrow({ select: { postedAt: true } })).postedAt, { timeout: 10_000 }).toEqual(expect.any(Date));
  });

  it("when the LMS is down the return still succeeds, the link's job fails (to be retried) and the sweep sends the score later, once", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const { teacher, assignmentId, lineItem } = await setThroughDeepLinking(reg);
    const launched = await launchThrough(platform, reg, sam, course, { resourceLink: { id: lineItem.resourceLinkId! }, custom: lineItem.custom });
    const student = await asUser(launched.userId);

    platform.failScores.status = 503;
    const result = await handInAndReturn(teacher, student, assignmentId, 3);
    expect(result.ok).toBe(true);
    // The link's job throws, so pg-boss retries it with back-off; the refusal is on the row.
    await expect(runScoreJobs(assignmentId)).rejects.toThrow(/did not take 1 score/);
    expect(lineItem.scores).toEqual([]);
    expect(await db().ltiScore.findFirstOrThrow({ select: { postedAt: true, lastError: true, attempts: true } })).toEqual({ postedAt: null, lastError: "The LMS refused the score (503).", attempts: 1 });

    // A roster sync asks again for the links with a score waiting, without waiting for the LMS itself.
    const { classroomId } = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { classroomId: true } });
    platform.memberships.set("course-7", [{ status: "Active", user_id: "u-sam", name: "Sam Student", email: "sam@hill.example", roles: [ROLE.learner] }]);
    await syncRoster(teacher, classroomId);
    expect(await scoreJobs(assignmentId)).toHaveLength(1);
    expect(await db().ltiScore.findFirstOrThrow({ select: { attempts: true } })).toEqual({ attempts: 1 });

    platform.failScores.status = 0;
    await runSweep();
    expect(lineItem.scores).toEqual([expect.objectContaining({ userId: "u-sam", scoreGiven: 13, scoreMaximum: 25, activityProgress: "Completed", gradingProgress: "FullyGraded" })]);
    expect(await db().ltiScore.findFirstOrThrow({ select: { lastError: true, attempts: true } })).toEqual({ lastError: null, attempts: 2 });
    // Idempotent: a second run (a retry, another instance's sweep) posts nothing again.
    await runSweep();
    expect(lineItem.scores).toHaveLength(1);
  });

  it("holds the score of a feedback-before-marks assignment until the student responds (decision 031)", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const { teacher, assignmentId, lineItem } = await setThroughDeepLinking(reg);
    await setFeedbackBeforeMarks(teacher, assignmentId, true);
    const launched = await launchThrough(platform, reg, sam, course, { resourceLink: { id: lineItem.resourceLinkId! }, custom: lineItem.custom });
    const student = await asUser(launched.userId);
    await handInAndReturn(teacher, student, assignmentId, 3);
    // Held: no score and no job.
    expect(await db().ltiScore.count()).toBe(0);
    expect(await scoreJobs(assignmentId)).toEqual([]);
    await respondToFeedback(student, { assignmentId, submissionNumber: 1, response: "I will weigh the factors next time." });
    expect(lineItem.scores).toEqual([]);
    await runScoreJobs(assignmentId);
    expect(lineItem.scores).toEqual([expect.objectContaining({ userId: "u-sam", scoreGiven: 13 })]);
  });

  it("makes the line item itself when the platform made none", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const { teacher, assignmentId, lineItem } = await setThroughDeepLinking(reg);
    const launched = await launchThrough(platform, reg, sam, course, { resourceLink: { id: lineItem.resourceLinkId! }, custom: lineItem.custom });
    // As if the platform had not made a column: forget it on both sides.
    platform.lineItems.clear();
    await db().ltiAssignmentLink.update({ where: { assignmentId }, data: { lineItemUrl: null } });
    await handInAndReturn(teacher, await asUser(launched.userId), assignmentId, 4);
    await runScoreJobs(assignmentId);
    const made = [...platform.lineItems.values()];
    expect(made).toEqual([expect.objectContaining({ resourceId: assignmentId, scoreMaximum: 25, contextId: "course-7" })]);
    expect(made[0]!.scores).toEqual([expect.objectContaining({ userId: "u-sam", scoreGiven: 18, scoreMaximum: 25 })]);
  });

  it("roster sync adds the course's active learners and removes those who left, leaving students who joined by code", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const t = await launchThrough(platform, reg, tess, course);
    const teacher = await asUser(t.userId);
    const classroomId = t.path.split("/").pop()!;
    const byCode = await makeStudent({ name: "Code Joiner" });
    await enrol(classroomId, byCode);
    const learner = (id: string, name: string, status: "Active" | "Inactive" = "Active") => ({ status, user_id: id, name, email: `${id}@hill.example`, roles: [ROLE.learner] });
    platform.memberships.set("course-7", [
      { status: "Active", user_id: "u-tess", name: "Tess Teacher", roles: [ROLE.instructor] },
      learner("u-a", "Ada"),
      learner("u-b", "Ben"),
      learner("u-c", "Cy"),
      learner("u-gone", "Gone", "Inactive"),
    ]);
    expect(await syncRoster(teacher, classroomId)).toEqual({ added: 3, removed: 0, kept: 0, skipped: 0 });
    const names = async () => (await db().enrolment.findMany({ where: { classroomId }, select: { student: { select: { name: true } } } })).map((e) => e.student.name).sort();
    expect(await names()).toEqual(["Ada", "Ben", "Code Joiner", "Cy"]);

    platform.memberships.set("course-7", [learner("u-a", "Ada"), learner("u-b", "Ben", "Inactive"), learner("u-d", "Dee")]);
    expect(await syncRoster(teacher, classroomId)).toEqual({ added: 1, removed: 2, kept: 1, skipped: 0 });
    expect(await names()).toEqual(["Ada", "Code Joiner", "Dee"]);

    // Only the class's teachers may sync it.
    const stranger = await makeStudent();
    expect(await statusOf(syncRoster(stranger, classroomId))).toBe(403);
  });
});
