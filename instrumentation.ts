// Runs once when the server starts (Next's instrumentation hook).
export async function register() {
  // NEXT_RUNTIME is set by Next itself, per runtime, and read the way its docs prescribe; it
  // is not app configuration, so it does not go through lib/env.ts. The edge runtime has no
  // sockets to stamp.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketStamp } = await import("./lib/auth/socket-stamp");
    installSocketStamp();
  }
}
