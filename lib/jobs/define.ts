import type { z } from "zod";

// What a queue is (decision 040): its job data's shape, how pg-boss retries and expires its
// jobs, an optional cron schedule, and the handler a worker runs. Pure types and one helper,
// so lib/jobs/queues.ts stays a plain list a newcomer can read in one screen.

export type QueuePolicy = "standard" | "short" | "singleton" | "stately";

export type QueueDefinition<S extends z.ZodType = z.ZodType> = {
  /** The job's data, checked when it is sent and again when a worker takes it. */
  data: S;
  /** Attempts after the first failure (pg-boss `retryLimit`). */
  retryLimit: number;
  /** Seconds before a retry; with retryBackoff, doubled on each attempt (with jitter). */
  retryDelay: number;
  retryBackoff: boolean;
  /** An attempt still running after this long is failed (and retried, if attempts remain). */
  expireInSeconds: number;
  /** pg-boss queue policy; "stately"/"singleton" make `singletonKey` deduplicate (pitfall 6). */
  policy: QueuePolicy;
  /** Cron (minute granularity), in the school's time zone (APP_TIME_ZONE): the worker sends
   *  one job with `data` at each tick, and only one instance does (pg-boss coordinates). */
  schedule?: { cron: string; data: z.infer<S> };
  /**
   * Runs one job. Must be idempotent: a job is retried after a failure or an expiry, and an
   * attempt cut off by a stopped process runs again. Imports its domain lazily, so code that
   * only enqueues does not load every handler's dependencies.
   */
  handler: (data: z.infer<S>, job: { id: string; retryCount: number }) => Promise<void>;
};

export type Registry = Record<string, QueueDefinition>;

/** One queue; a function only so that `data` types the handler and the schedule. */
export function defineQueue<S extends z.ZodType>(definition: QueueDefinition<S>): QueueDefinition<S> {
  return definition;
}
