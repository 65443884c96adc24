// Runs once when the server starts (Next's instrumentation hook).

const JOB_WORKER_DELAY_MS = 3_000;

export async function register() {
  // NEXT_RUNTIME and NEXT_PHASE are set by Next itself, per runtime and phase, and read the
  // way its docs prescribe; they are not app configuration, so they do not go through
  // lib/env.ts. The edge runtime has no sockets to stamp.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketStamp } = await import("./lib/auth/socket-stamp");
    installSocketStamp();
    // Every server process (the one server, or each page worker behind the front, decision
    // 038) runs the job worker loop (decision 040); `next build` never does. It starts a few
    // seconds after the server: loading pg-boss and its start-up queries (which queue on the
    // embedded database's one connection) cost the first healthy answer ~250 ms (issue 11),
    // and a job waits at most those seconds longer.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      setTimeout(() => void import("./lib/jobs/app-worker").then((m) => m.startAppJobWorker()), JOB_WORKER_DELAY_MS);
    }
  }
}
