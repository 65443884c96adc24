import { disconnectDb } from "../lib/db";
import { env } from "../lib/env";
import { queues } from "../lib/jobs/queues";
import { startJobWorker } from "../lib/jobs/worker";
import { describeMailMode } from "../lib/notifications/mail-mode";

// `npm run worker`: the background-job worker alone (decision 040), for an operator who
// scales out: run as many as wanted against the same DATABASE_URL (PostgreSQL; the embedded
// database has no other door), and start the app servers with EXTENT_JOBS=off. Stops
// gracefully on SIGTERM or Ctrl+C: running jobs get 20 s to finish, then are retried later.
async function main() {
  env(); // a clear message for a missing DATABASE_URL before anything connects
  const worker = await startJobWorker(queues);
  console.log(`[extent] ${describeMailMode()}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("[extent] Job worker stopping …");
    await worker.stop();
    await disconnectDb();
    console.log("[extent] Job worker stopped.");
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  await disconnectDb().catch(() => {});
  process.exit(1);
});
