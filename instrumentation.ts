// Runs once when the server starts (Next's instrumentation hook).
export async function register() {
  // NEXT_RUNTIME and NEXT_PHASE are set by Next itself, per runtime and phase, and read the
  // way its docs prescribe; they are not app configuration, so they do not go through
  // lib/env.ts. The edge runtime has no sockets to stamp.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketStamp } = await import("./lib/auth/socket-stamp");
    installSocketStamp();
    // Every server process (the one server, or each page worker behind the front, decision
    // 038) runs the job worker loop (decision 040); `next build` never does.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startAppJobWorker } = await import("./lib/jobs/app-worker");
      void startAppJobWorker();
    }
  }
}
