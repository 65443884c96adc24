import { z } from "zod";
import { defineQueue } from "./define";
import { NotifyEventSchema } from "../notifications/events";

// Every background queue Extent runs (decision 040). Adding one is one entry here: a name,
// the data its jobs carry, retries, expiry, policy, an optional cron schedule, and a handler
// that imports its domain lazily. Workers create and update the queues from this list when
// they start, and `enqueue` creates a missing one inside the sender's transaction.
export const queues = {
  // A data export (lib/exports/): builds the archive of a student or a class and stores it
  // in ExportFile. Retried twice, 30 s then ~60 s later; a run that hangs is failed after
  // 15 minutes. The handler starts from scratch each time, so a retry is safe.
  export: defineQueue({
    data: z.object({ requestId: z.string().min(1).max(100) }),
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 900,
    policy: "standard",
    handler: async ({ requestId }, job) => {
      const { runExportJob } = await import("../exports/run-export");
      await runExportJob(requestId, { lastAttempt: job.retryCount >= 2 });
    },
  }),
  // The schools' retention settings (lib/retention/, decision 042), daily at 02:15 on the
  // school clock: notices first, deletions only after a full notice period, and expired
  // export files. Idempotent, so a retry or a second instance's run changes nothing;
  // "singleton" keeps two sweeps from running at once.
  retention: defineQueue({
    data: z.object({}),
    retryLimit: 3,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 3600,
    policy: "singleton",
    schedule: { cron: "15 2 * * *", data: {} },
    handler: async () => {
      const { runRetentionSweep } = await import("../retention/sweep");
      await runRetentionSweep();
    },
  }),
  // Notifications (decision 047). "notify" turns one thing that happened into notifications
  // for the people who should hear of it; each new one its person wants by email becomes an
  // "email" job. Both are idempotent through the notifications' dedupe keys and the email's
  // claim, so retries and a second worker never tell anyone twice.
  notify: defineQueue({
    data: NotifyEventSchema,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 300,
    policy: "standard",
    handler: async (event) => {
      const { runNotifyEvent } = await import("../notifications/fan-out");
      await runNotifyEvent(event);
    },
  }),
  // One email. Retried with back-off for about a day (30 s doubling, 8 attempts) while an SMTP
  // server is down; the notification is in the inbox meanwhile.
  email: defineQueue({
    data: z.object({ notificationId: z.string().min(1).max(100) }),
    retryLimit: 8,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 120,
    policy: "standard",
    handler: async ({ notificationId }) => {
      const { deliverNotificationEmail } = await import("../notifications/deliver");
      await deliverNotificationEmail(notificationId);
    },
  }),
  // An assignment's "due in 24 hours" reminder, sent with startAfter a day before the deadline
  // and cancelled when the deadline moves or the assignment closes (lib/notifications/reminders.ts).
  "due-reminder": defineQueue({
    data: z.object({ assignmentId: z.string().min(1).max(100), dueAt: z.string().datetime() }),
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 300,
    policy: "standard",
    handler: async (data) => {
      const { sendDueReminder } = await import("../notifications/reminders");
      await sendDueReminder(data);
    },
  }),
  // The teachers' daily digest at 07:00 on the school clock (lib/notifications/digest.ts).
  "teacher-digest": defineQueue({
    data: z.object({}),
    retryLimit: 3,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 900,
    policy: "singleton",
    schedule: { cron: "0 7 * * *", data: {} },
    handler: async () => {
      const { runDailyDigest } = await import("../notifications/digest");
      await runDailyDigest();
    },
  }),
};

export type Queues = typeof queues;
export type QueueName = keyof Queues;
