import "server-only";
import type PgBoss from "pg-boss";
import { appTimeZone } from "../env";
import { boss, createQueueClient, forgetBoss, newBoss } from "./boss";
import type { Registry } from "./define";

// The worker loop (decision 040): polls every queue in the registry, runs one job at a time
// per queue per process, and sends the scheduled ones. Started by instrumentation.ts in each
// app server process (unless EXTENT_JOBS=off) and by `npm run worker`.

export type JobWorker = { stop: () => Promise<void> };

type StartOptions = {
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
  /** A PgBoss of its own rather than the process's: a second worker in one process (tests). */
  separate?: boolean;
};

export async function startJobWorker<R extends Registry>(registry: R, options: StartOptions = {}): Promise<JobWorker> {
  const { pollingIntervalSeconds = 2, log = (m: string) => console.log(`[extent] ${m}`), separate = false } = options;
  const instance = separate ? newBoss() : boss();
  // pg-boss reports maintenance and polling errors here; without a listener an 'error'
  // event would crash the process. A lost connection is retried on the next poll.
  instance.on("error", (e: Error) => console.warn("[extent] Job queue:", e.message));
  await instance.start();
  await createQueueClient(registry).ensureQueues();

  const scheduled = new Set<string>();
  for (const [name, definition] of Object.entries(registry)) {
    await instance.work(name, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]: PgBoss.JobWithMetadata[]) => {
      if (!job) return;
      const data = definition.data.parse(job.data);
      await definition.handler(data, { id: job.id, retryCount: job.retryCount });
    });
    if (definition.schedule) {
      await instance.schedule(name, definition.schedule.cron, definition.schedule.data as object, { tz: appTimeZone() });
      scheduled.add(name);
    }
  }
  // A schedule whose queue left the registry (or lost its cron) stops with it.
  for (const { name } of await instance.getSchedules()) if (!scheduled.has(name)) await instance.unschedule(name);
  log(`Job worker ${process.pid} polling ${Object.keys(registry).join(", ")} every ${pollingIntervalSeconds} s.`);

  let stopping: Promise<void> | null = null;
  return {
    stop: () =>
      (stopping ??= (async () => {
        // Graceful: no new jobs; running ones get up to 20 s, then are failed and retried
        // later by whichever worker is left (handlers are idempotent).
        await instance.stop({ graceful: true, wait: true, timeout: 20_000 });
        if (!separate) forgetBoss();
      })()),
  };
}
