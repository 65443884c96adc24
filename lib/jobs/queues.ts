import { z } from "zod";
import { defineQueue } from "./define";

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
};

export type Queues = typeof queues;
export type QueueName = keyof Queues;
