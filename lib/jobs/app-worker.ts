import "server-only";
import { env } from "../env";
import { queues } from "./queues";
import { startJobWorker, type JobWorker } from "./worker";

// The worker loop inside an app server process (instrumentation.ts), once per process even
// if register() runs again (Next's dev server). EXTENT_JOBS=off leaves the jobs to separate
// `npm run worker` processes.
const holder = globalThis as unknown as { extentAppWorker?: Promise<JobWorker | null> };

export function startAppJobWorker(): Promise<JobWorker | null> {
  holder.extentAppWorker ??= (async () => {
    if (env().EXTENT_JOBS === "off") return null;
    const worker = await startJobWorker(queues);
    console.log(`[extent] ${(await import("../notifications/mail-mode")).describeMailMode()}`);
    // Next exits on SIGTERM/SIGINT without waiting for us: this is best effort. A job cut
    // off mid-run is failed here if there is time, or expires, and is retried either way.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void worker.stop());
    return worker;
  })().catch((e: unknown) => {
    // A server without its worker still serves pages; jobs wait for a worker that starts.
    console.warn("[extent] The job worker did not start; background jobs wait for one that does:", e instanceof Error ? e.message : e);
    return null;
  });
  return holder.extentAppWorker;
}
