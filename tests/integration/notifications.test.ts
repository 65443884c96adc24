import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { appOrigin } from "@/lib/env";
import { queues } from "@/lib/jobs/queues";
import { defineQueue } from "@/lib/jobs/define";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { setAssignment, setAssignmentOpen, updateAssignment } from "@/lib/assignments/assignments";
import { respondToFeedback } from "@/lib/marking/feedback";
import { setBlindMarking } from "@/lib/marking/blind-settings";
import { setEmailChoices, unsubscribe, unsubscribeTokenFor } from "@/lib/notifications/preferences";
import { sendDueReminder, REMINDER_LEAD_MS } from "@/lib/notifications/reminders";
import { runDailyDigest } from "@/lib/notifications/digest";
import { createNotifications } from "@/lib/notifications/create";
import { deliverNotificationEmail, EmailClaimed, EMAIL_CLAIM_MS } from "@/lib/notifications/deliver";
import { enqueue } from "@/lib/jobs/enqueue";
import { erasePerson } from "@/lib/deletion/internal/erase-person";
import { eraseClass } from "@/lib/deletion/internal/erase-class";
import { runRetentionSweep } from "@/lib/retention/sweep";
import { updateRetentionSettings } from "@/lib/retention/settings";
import { deletionDate } from "@/lib/retention/schedule";
import { setClassClosed } from "@/lib/classes/closing";
import { appTimeZone } from "@/lib/time/app-time-zone";
import { formatDate } from "@/lib/time/format";
import { addCoTeacher, enrol, makeStudent } from "../factories";
import { assignmentInput, daysFromNow, makeAssignedClass } from "./work-fixtures";
import { ESSAY, REDRAFT, makeMarkedClass, redraftAndResubmit, returnMarking, submitEssay } from "./marking-fixtures";
import { rawHeader, startTestSmtp, type TestSmtp } from "./test-smtp";
import { makeSchoolWorld } from "./deletion-fixtures";

// Notifications end to end on the real pieces (decision 047): the app's own queues on pg-boss,
// workers started here, nodemailer talking SMTP to a server on loopback, and the mail parsed
// back. pgboss.* is not emptied between tests; leftovers name rows that are gone, so their
// handlers do nothing.

let smtp: TestSmtp;
const workers: JobWorker[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
});
beforeEach(() => {
  process.env.SMTP_URL = smtp.url;
  smtp.received.length = 0;
  smtp.refuse(0);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

// The app's notification queues; the email queue retries after 1 s here instead of 30 s.
const registry = { notify: queues.notify, email: defineQueue({ ...queues.email, retryDelay: 1, retryBackoff: false }), "due-reminder": queues["due-reminder"] };

async function startWorker(separate = false): Promise<JobWorker> {
  const w = await startJobWorker(registry, { pollingIntervalSeconds: 0.5, log: () => {}, separate });
  workers.push(w);
  return w;
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the notification queues have nothing left that is due to run. */
async function drained(): Promise<void> {
  await until(async () => {
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('notify', 'email', 'due-reminder') AND state < 'completed' AND start_after <= now()`,
    );
    return rows[0]!.n === 0;
  });
}

/**
 * Runs what the fixtures' own actions queued (their assignment's "new essay" notices), then
 * forgets it, so a test sees only the notifications of what it does itself.
 */
async function settle(): Promise<void> {
  if (!workers.length) await startWorker();
  await drained();
  smtp.received.length = 0;
  await db().notification.deleteMany();
  await db().outboxMail.deleteMany();
}

const notificationsOf = (userId: string) => db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

async function jobs(name: string, key: string, value: string) {
  const { rows } = await pool().query<{ id: string; state: string; start_after: Date }>(
    `SELECT id, state, start_after FROM pgboss.job WHERE name = $1 AND data->>$2 = $3 ORDER BY created_on`,
    [name, key, value],
  );
  return rows;
}

describe("notifications by email, through SMTP", () => {
  it("emails a returned marking to its student: plain and HTML parts, one-click unsubscribe headers, a link to the feedback", async () => {
    const { teacher, amira, work, assignmentId } = await makeMarkedClass();
    await settle();
    await returnMarking(teacher, work);

    const [mail] = await until(async () => (smtp.received.length ? smtp.received : null));
    await drained();
    expect(smtp.received).toHaveLength(1);
    expect(mail!.rcptTo).toEqual([amira.email]);
    expect(mail!.subject).toMatch(/^Feedback returned: /);
    expect(mail!.text).toContain("Hello Amira,");
    expect(mail!.text).toContain("returned feedback on version 1");
    expect(mail!.html).toContain("Open in Extent");
    // RFC 8058: an HTTPS (here the app's origin) URL taking the POST, and the header that says so.
    const token = encodeURIComponent(unsubscribeTokenFor(amira.id, "FEEDBACK_RETURNED"));
    expect(rawHeader(mail!, "List-Unsubscribe")).toBe(`<${appOrigin()}/api/unsubscribe?token=${token}>`);
    expect(rawHeader(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain(`${appOrigin()}/unsubscribe?token=${token}`);

    // The same notification is in the inbox, leading to the feedback, marked as emailed.
    const [n] = await notificationsOf(amira.id);
    expect(n).toMatchObject({ kind: "FEEDBACK_RETURNED", href: `/assignments/${assignmentId}?view=version&version=1`, readAt: null });
    expect(n!.emailedAt).not.toBeNull();
    expect(mail!.messageId).toBe(`<notification-${n!.id}@extent.invalid>`);
    expect(mail!.text).toContain(`${appOrigin()}/notifications/${n!.id}`);
    // The teacher who returned it hears nothing.
    expect(await notificationsOf(teacher.id)).toEqual([]);
  });

  it("says 'redraft asked' when the teacher allows a redraft, and tells the marker of the response and of the redraft", async () => {
    const { teacher, amira, work, assignmentId } = await makeMarkedClass();
    await settle();
    await returnMarking(teacher, work, { allowRedraft: true });
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "I will weigh the factors." });
    // A second edit of the response tells nobody again.
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "I will weigh the factors properly." });
    await redraftAndResubmit(amira, assignmentId, REDRAFT);
    await drained();

    expect((await notificationsOf(amira.id)).map((n) => n.kind)).toEqual(["REDRAFT_ASKED"]);
    const toTeacher = await notificationsOf(teacher.id);
    expect(toTeacher.map((n) => n.kind).sort()).toEqual(["RESUBMITTED", "STUDENT_RESPONDED"]);
    expect(toTeacher.find((n) => n.kind === "RESUBMITTED")).toMatchObject({
      title: "Amira Khan handed in a redraft (version 2)",
      href: `/assignments/${assignmentId}/students/${amira.id}/mark?version=2`,
    });
    expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual([amira.email, teacher.email, teacher.email].sort());
  });

  it("names the student by candidate number while names are hidden for blind marking", async () => {
    const { teacher, amira, work, assignmentId } = await makeMarkedClass();
    await setBlindMarking(teacher, assignmentId, true);
    await settle();
    await returnMarking(teacher, work);
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "Thank you." });
    await drained();
    const [n] = await notificationsOf(teacher.id);
    expect(n!.title).toMatch(/^Candidate \d+ responded to your feedback$/);
    expect(smtp.received.find((m) => m.rcptTo[0] === teacher.email)!.text).not.toContain("Amira");
  });

  it("tells every enrolled student of a new assignment, once, and no teacher", async () => {
    const world = await makeAssignedClass();
    await settle();
    const { id } = await setAssignment(world.teacher, assignmentInput(world, { questionId: world.toWhatExtent.id }));
    await drained();
    for (const s of [world.amira, world.ben]) {
      const mine = (await notificationsOf(s.id)).filter((n) => n.href === `/assignments/${id}`);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toMatch(/^New essay for 12H History: /);
    }
    expect(await notificationsOf(world.teacher.id)).toEqual([]);
  });

  it("honours email preferences and the unsubscribe link, while the inbox still gets everything", async () => {
    const { teacher, amira, ben, work, assignmentId } = await makeMarkedClass();
    await setEmailChoices(amira, { email: ["ASSIGNMENT_SET", "DUE_SOON", "REDRAFT_ASKED", "TEACHER_REPLIED"] });
    // Ben unsubscribes from new-assignment emails with the link from an email.
    expect(await unsubscribe(unsubscribeTokenFor(ben.id, "ASSIGNMENT_SET"))).toMatchObject({ userId: ben.id, kind: "ASSIGNMENT_SET" });
    // A link whose signature was altered does nothing.
    expect(await unsubscribe(unsubscribeTokenFor(amira.id, "ASSIGNMENT_SET").replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toBeNull();
    await settle();
    await returnMarking(teacher, work);
    const world = { ...(await makeAssignedClassFor(teacher, assignmentId)) };
    await setAssignment(teacher, world.input);
    await drained();

    expect((await notificationsOf(amira.id)).map((n) => n.kind).sort()).toEqual(["ASSIGNMENT_SET", "FEEDBACK_RETURNED"]);
    expect((await notificationsOf(ben.id)).map((n) => n.kind)).toEqual(["ASSIGNMENT_SET"]);
    // Amira: the new assignment only (feedback is off); Ben: nothing (unsubscribed).
    expect(smtp.received.map((m) => [m.rcptTo[0], m.subject?.split(":")[0]])).toEqual([[amira.email, "New essay for 12H History"]]);
  });

  it("keeps mail in the developer outbox when no SMTP_URL is set", async () => {
    const { teacher, amira, work } = await makeMarkedClass();
    await settle();
    delete process.env.SMTP_URL;
    await returnMarking(teacher, work);
    const kept = await until(() => db().outboxMail.findFirst({ where: { userId: amira.id } }));
    expect(kept).toMatchObject({ to: amira.email });
    expect(kept.subject).toMatch(/^Feedback returned: /);
    expect(kept.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(smtp.received).toHaveLength(0);
  });

  it("retries an email the SMTP server refused, and sends it once when the retry succeeds", async () => {
    const { teacher, amira, work } = await makeMarkedClass();
    await settle();
    smtp.refuse(1);
    await returnMarking(teacher, work);
    const [mail] = await until(async () => (smtp.received.length ? smtp.received : null));
    expect(mail!.rcptTo).toEqual([amira.email]);
    const [n] = await notificationsOf(amira.id);
    const [job] = await jobs("email", "notificationId", n!.id);
    const done = await until(async () => {
      const { rows } = await pool().query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [job!.id]);
      return rows[0]?.state === "completed" ? rows[0] : null;
    });
    expect(done.retry_count).toBe(1);
    await drained();
    expect(smtp.received).toHaveLength(1);
  });

  it("sends each email once with two workers running, even when a notification's email job is sent twice", async () => {
    const world = await makeAssignedClass();
    await settle();
    const more = await Promise.all(Array.from({ length: 10 }, (_, i) => makeStudent({ name: `Student ${i + 1}` })));
    for (const s of more) await enrol(world.classroom.id, s);
    await startWorker(true);
    await setAssignment(world.teacher, assignmentInput(world, { questionId: world.toWhatExtent.id }));
    await drained();
    // Twelve students, twelve emails, each to a different person.
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.map((m) => m.rcptTo[0])).size).toBe(12);

    // A duplicate job for an emailed notification sends nothing; two jobs for a new one send one email.
    const [first] = await notificationsOf(world.amira.id);
    const made = await createNotifications([{ userId: world.ben.id, kind: "TEACHER_REPLIED", title: "Ms Hughes replied to your response", body: "", href: "/dashboard", dedupeKey: "test:twice" }]);
    expect(made).toBe(1);
    const [fresh] = (await notificationsOf(world.ben.id)).filter((n) => n.dedupeKey === "test:twice");
    await db().$transaction(async (tx) => {
      await enqueue(tx, "email", { notificationId: first!.id });
      await enqueue(tx, "email", { notificationId: fresh!.id });
      await enqueue(tx, "email", { notificationId: fresh!.id });
    });
    await drained();
    expect(smtp.received).toHaveLength(13);
    expect(smtp.received.filter((m) => m.subject === "Ms Hughes replied to your response")).toHaveLength(1);
  });
});

describe("an email whose sender died mid-send", () => {
  it("waits while another job's claim holds, and is sent once by the retry after the claim lapses", async () => {
    const student = await makeStudent({ name: "Kim Killed" });
    await createNotifications([{ userId: student.id, kind: "FEEDBACK_RETURNED", title: "Feedback returned: cut off", body: "", href: "/dashboard", dedupeKey: "test:killed" }]);
    const [n] = await notificationsOf(student.id);
    const claimed = (msAgo: number) => db().notification.update({ where: { id: n!.id }, data: { emailClaimedAt: new Date(Date.now() - msAgo) } });

    // A worker is sending it (or was, a minute ago, before its process was killed): this job
    // sends nothing and fails, so the queue tries again later.
    await claimed(60_000);
    await expect(deliverNotificationEmail(n!.id)).rejects.toBeInstanceOf(EmailClaimed);
    expect(smtp.received).toEqual([]);

    // The claim has lapsed: the retry sends it, once.
    await claimed(EMAIL_CLAIM_MS + 1000);
    expect(await deliverNotificationEmail(n!.id)).toBe("sent");
    expect(await deliverNotificationEmail(n!.id)).toBe("already");
    expect(smtp.received.map((m) => m.subject)).toEqual(["Feedback returned: cut off"]);
    expect(await db().notification.findUniqueOrThrow({ where: { id: n!.id } })).toMatchObject({ emailClaimedAt: null, emailedAt: expect.any(Date) });
  });

  it("through the queue: the job fails while the claim holds, and its retry sends the email once the claim lapses", async () => {
    const student = await makeStudent({ name: "Ray Retry" });
    await settle();
    // Created before the claim is set, so no job can send it first.
    await db().notification.create({ data: { userId: student.id, kind: "DUE_SOON", title: "Due soon: retried", href: "/dashboard", dedupeKey: "test:lapse", emailClaimedAt: new Date() } });
    const [n] = await notificationsOf(student.id);
    await db().$transaction((tx) => enqueue(tx, "email", { notificationId: n!.id }));
    const [job] = await jobs("email", "notificationId", n!.id);
    await until(async () => {
      const { rows } = await pool().query<{ retry_count: number }>(`SELECT retry_count FROM pgboss.job WHERE id = $1`, [job!.id]);
      return rows[0]!.retry_count >= 1;
    });
    expect(smtp.received).toEqual([]);
    await db().notification.update({ where: { id: n!.id }, data: { emailClaimedAt: new Date(Date.now() - EMAIL_CLAIM_MS - 1000) } });
    await until(async () => (smtp.received.length ? smtp.received : null));
    await drained();
    expect(smtp.received.map((m) => m.subject)).toEqual(["Due soon: retried"]);
  });
});

describe("deletion reaches other people's inboxes", () => {
  it("removes a teacher's notifications about a deleted student, and students' notifications about a deleted class", async () => {
    const { teacher, amira, ben, work, assignmentId, classroom } = await makeMarkedClass();
    await settle();
    delete process.env.SMTP_URL;
    await returnMarking(teacher, work);
    await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "Thank you." });
    await drained();
    expect(await notificationsOf(teacher.id)).toHaveLength(1);
    expect(await db().outboxMail.count({ where: { userId: teacher.id } })).toBe(1);

    await erasePerson(amira.id, { actorId: null, reason: "self" });
    expect(await notificationsOf(teacher.id)).toEqual([]);
    expect(await db().outboxMail.count({ where: { userId: teacher.id } })).toBe(0);

    await createNotifications([{ userId: ben.id, kind: "DUE_SOON", title: "Due soon", body: "", href: `/assignments/${assignmentId}`, dedupeKey: "test:due" }]);
    await eraseClass(classroom.id, { actorId: teacher.id, reason: "owner" });
    expect(await notificationsOf(ben.id)).toEqual([]);
  });
});

describe("a closed class's deletion under the school's retention setting", () => {
  it("is told to each of its teachers in the app and by email, once, and again when the date moves; reopening or a longer period withdraws it, closing again tells again, and the deletion clears it", async () => {
    const DAY = 24 * 3600_000;
    const w = await makeSchoolWorld();
    const teachers = [w.teacher, w.coTeacher];
    await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "12", retentionNoticeDays: "30" });
    // Closed long enough ago that notice is due about now: the run also removes notifications
    // six months older than its clock, so it must not run far from today's.
    const closedAt = new Date(Date.now() - 355 * DAY);
    await setClassClosed(w.teacher, w.classroom.id, true, closedAt);
    await settle();
    const told = async (userId: string) => (await notificationsOf(userId)).filter((n) => n.kind === "CLASS_TO_BE_DELETED");

    const noticeRun = new Date(deletionDate(closedAt, 12, appTimeZone()).getTime() - 10 * DAY);
    expect((await runRetentionSweep(noticeRun)).noticed).toHaveLength(1);
    await drained();
    const goesAt = new Date(noticeRun.getTime() + 30 * DAY);
    const title = `${w.classroom.name} will be deleted on ${formatDate(goesAt, appTimeZone())}`;
    for (const t of teachers) expect(await told(t.id)).toMatchObject([{ title, href: `/classes/${w.classroom.id}`, readAt: null }]);
    expect(await told(w.amira.id)).toEqual([]);
    expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual(teachers.map((t) => t.email).sort());
    const mail = smtp.received.find((m) => m.rcptTo[0] === w.coTeacher.email)!;
    expect(mail.subject).toBe(title);
    expect(mail.text).toContain("reopen the class to keep it");
    expect(rawHeader(mail, "List-Unsubscribe")).toContain(encodeURIComponent(unsubscribeTokenFor(w.coTeacher.id, "CLASS_TO_BE_DELETED")));

    // The next day's run tells nobody again.
    await runRetentionSweep(new Date(noticeRun.getTime() + DAY));
    await drained();
    for (const t of teachers) expect(await told(t.id)).toHaveLength(1);
    expect(smtp.received).toHaveLength(2);

    // The school gives longer notice, so the date moves: the old date's notification goes and
    // the new date is told.
    await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "12", retentionNoticeDays: "45" });
    await runRetentionSweep(new Date(noticeRun.getTime() + 2 * DAY));
    await drained();
    const moved = `${w.classroom.name} will be deleted on ${formatDate(new Date(noticeRun.getTime() + 45 * DAY), appTimeZone())}`;
    for (const t of teachers) expect((await told(t.id)).map((n) => n.title)).toEqual([moved]);
    expect(smtp.received.slice(2).map((m) => m.subject)).toEqual([moved, moved]);

    // Reopened: no inbox still says it is about to go.
    await setClassClosed(w.teacher, w.classroom.id, false);
    for (const t of teachers) expect(await told(t.id)).toEqual([]);

    // Closed again: the next run gives new notice, and it is told again.
    await setClassClosed(w.teacher, w.classroom.id, true, closedAt);
    const again = new Date(noticeRun.getTime() + 3 * DAY);
    await runRetentionSweep(again);
    await drained();
    for (const t of teachers) expect(await told(t.id)).toHaveLength(1);
    expect(smtp.received).toHaveLength(6);

    // The school keeps classes longer: the notice is withdrawn, and the notifications with it.
    await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "24", retentionNoticeDays: "30" });
    expect((await runRetentionSweep(new Date(again.getTime() + DAY))).cancelled).toBe(2);
    for (const t of teachers) expect(await told(t.id)).toEqual([]);

    // Back to a year: told once more, then deleted after the notice period, and the
    // notifications about the class go with it.
    await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "12", retentionNoticeDays: "30" });
    const last = new Date(again.getTime() + 2 * DAY);
    await runRetentionSweep(last);
    await drained();
    for (const t of teachers) expect(await told(t.id)).toHaveLength(1);
    expect((await runRetentionSweep(new Date(last.getTime() + 30 * DAY))).deleted).toHaveLength(1);
    for (const t of teachers) expect(await told(t.id)).toEqual([]);
  });
});

describe("expiry", () => {
  it("removes notifications after six months and outbox copies after a month, in the daily retention run", async () => {
    const student = await makeStudent();
    delete process.env.SMTP_URL;
    await createNotifications([{ userId: student.id, kind: "DUE_SOON", title: "Due soon", body: "", href: "/dashboard", dedupeKey: "test:expiry" }]);
    await db().outboxMail.create({ data: { userId: student.id, to: student.email, subject: "s", text: "t", html: "h", headers: {} } });
    const day = 24 * 3600_000;
    expect((await runRetentionSweep(new Date(Date.now() + 29 * day))).expiredNotifications).toBe(0);
    expect(await db().outboxMail.count({ where: { userId: student.id } })).toBe(1);
    expect((await runRetentionSweep(new Date(Date.now() + 31 * day))).expiredNotifications).toBe(0);
    expect(await db().outboxMail.count({ where: { userId: student.id } })).toBe(0);
    expect((await runRetentionSweep(new Date(Date.now() + 181 * day))).expiredNotifications).toBe(1);
    expect(await notificationsOf(student.id)).toEqual([]);
  });
});

describe("due-date reminders", () => {
  const reminderOf = (assignmentId: string) => db().reminder.findUnique({ where: { assignmentId } });

  it("schedules a reminder a day before the deadline, moves it with the deadline and cancels it on closing", async () => {
    const world = await makeAssignedClass();
    const { assignmentId } = world;
    const first = await reminderOf(assignmentId);
    const due = (await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt;
    expect(first!.sendAt.getTime()).toBe(due.getTime() - REMINDER_LEAD_MS);
    const [job] = await jobs("due-reminder", "assignmentId", assignmentId);
    expect(job).toMatchObject({ id: first!.jobId, state: "created" });
    expect(job!.start_after.getTime()).toBe(first!.sendAt.getTime());

    // An edit that keeps the deadline keeps the job.
    await updateAssignment(world.teacher, { assignmentId, dueAt: due, wordLimit: 1200, instructions: "Shorter, please." });
    expect((await reminderOf(assignmentId))!.jobId).toBe(first!.jobId);

    // Moved by two days: the old job is cancelled and a new one waits for the new date.
    const moved = new Date(due.getTime() + 2 * 24 * 3600_000);
    await updateAssignment(world.teacher, { assignmentId, dueAt: moved, wordLimit: 1200, instructions: "Shorter, please." });
    const second = await reminderOf(assignmentId);
    expect(second!.jobId).not.toBe(first!.jobId);
    expect(second!.sendAt.getTime()).toBe(moved.getTime() - REMINDER_LEAD_MS);
    const states = await jobs("due-reminder", "assignmentId", assignmentId);
    expect(states.map((j) => [j.id, j.state])).toEqual([
      [first!.jobId, "cancelled"],
      [second!.jobId, "created"],
    ]);

    // Closed: cancelled, and no reminder kept. Reopened: scheduled again.
    await setAssignmentOpen(world.teacher, assignmentId, false);
    expect(await reminderOf(assignmentId)).toBeNull();
    expect((await jobs("due-reminder", "assignmentId", assignmentId)).map((j) => j.state)).toEqual(["cancelled", "cancelled"]);
    await setAssignmentOpen(world.teacher, assignmentId, true);
    expect((await reminderOf(assignmentId))!.sendAt.getTime()).toBe(moved.getTime() - REMINDER_LEAD_MS);
  });

  it("sets no reminder for work set with less than a day to go, but reminds at once when a deadline is brought inside a day", async () => {
    const world = await makeAssignedClass();
    const { id } = await setAssignment(world.teacher, assignmentInput(world, { questionId: world.toWhatExtent.id, dueAt: new Date(Date.now() + 6 * 3600_000) }));
    expect(await reminderOf(id)).toBeNull();

    await startWorker();
    const soon = new Date(Date.now() + 20 * 3600_000);
    await updateAssignment(world.teacher, { assignmentId: world.assignmentId, dueAt: soon, wordLimit: 1500, instructions: "" });
    const reminded = await until(async () => {
      const rows = await db().notification.findMany({ where: { kind: "DUE_SOON" } });
      return rows.length === 2 ? rows : null;
    });
    expect(reminded.map((n) => n.userId).sort()).toEqual([world.amira.id, world.ben.id].sort());
    await drained();
    expect(smtp.received.filter((m) => m.subject?.startsWith("Due ")).map((m) => m.rcptTo[0]).sort()).toEqual([world.amira.email, world.ben.email].sort());
  });

  it("reminds only students who have not handed in, and only for the due date it was scheduled for", async () => {
    const world = await makeAssignedClass();
    const due = (await db().assignment.findUniqueOrThrow({ where: { id: world.assignmentId } })).dueAt;
    await submitEssay(world.amira, world.assignmentId, ESSAY);
    const late = new Date(due.getTime() - REMINDER_LEAD_MS + 60_000);

    // A job for a due date the assignment no longer has does nothing.
    expect(await sendDueReminder({ assignmentId: world.assignmentId, dueAt: new Date(due.getTime() + 1000).toISOString() }, late)).toBe(0);
    expect(await sendDueReminder({ assignmentId: world.assignmentId, dueAt: due.toISOString() }, late)).toBe(1);
    const [n] = await db().notification.findMany({ where: { kind: "DUE_SOON" } });
    expect(n).toMatchObject({ userId: world.ben.id, href: `/assignments/${world.assignmentId}` });
    expect(n!.body).toContain("You have not started");
    // Run again (a retry): nobody hears twice.
    expect(await sendDueReminder({ assignmentId: world.assignmentId, dueAt: due.toISOString() }, late)).toBe(0);
    // After the deadline, a late-running job says nothing.
    expect(await sendDueReminder({ assignmentId: world.assignmentId, dueAt: due.toISOString() }, new Date(due.getTime() + 1))).toBe(0);
  });
});

describe("the teachers' daily digest", () => {
  it("sums up each class's hand-ins and overdue work for each of its teachers, once a day", async () => {
    const world = await makeAssignedClass();
    const co = await (await import("../factories")).makeTeacher({ name: "Mr Co Teacher" });
    await addCoTeacher(world.classroom.id, co);
    const due = (await db().assignment.findUniqueOrThrow({ where: { id: world.assignmentId } })).dueAt;
    await submitEssay(world.amira, world.assignmentId, ESSAY);
    // Two days after the deadline: Amira handed in (on time, within the last day as far as the
    // digest is concerned only if inside its window), Ben has not.
    const now = new Date(due.getTime() + 2 * 24 * 3600_000);
    await db().submission.updateMany({ data: { submittedAt: new Date(now.getTime() - 3600_000) } });

    expect(await runDailyDigest(now)).toBe(2);
    const [digest] = await notificationsOf(world.teacher.id);
    expect(digest!.title).toBe("Your daily digest: 1 essay handed in, 1 piece of work overdue");
    expect(digest!.body).toContain("12H History\n- 1 essay handed in.\n- 1 student still to hand in “");
    expect((await notificationsOf(co.id)).map((n) => n.title)).toEqual([digest!.title]);
    // The same day again: nothing new.
    expect(await runDailyDigest(new Date(now.getTime() + 60_000))).toBe(0);
    // A quiet class sends no digest.
    await db().notification.deleteMany();
    const quiet = new Date(due.getTime() - 3 * 24 * 3600_000);
    await db().submission.updateMany({ data: { submittedAt: new Date(quiet.getTime() - 3 * 24 * 3600_000) } });
    expect(await runDailyDigest(quiet)).toBe(0);
  });
});

async function makeAssignedClassFor(teacher: Awaited<ReturnType<typeof makeAssignedClass>>["teacher"], assignmentId: string) {
  const a = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { classroomId: true, questionId: true, rubricVersion: { select: { rubricId: true } } } });
  return {
    teacher,
    input: { classroomId: a.classroomId, questionId: a.questionId, rubricId: a.rubricVersion.rubricId, dueAt: daysFromNow(5), wordLimit: 1000, instructions: "" },
  };
}
