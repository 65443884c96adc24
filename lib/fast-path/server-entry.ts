import pg from "pg";
import type { RequestListener } from "node:http";
import { appOrigin, env } from "../env";
import { createAutosaveFastPath } from "./autosave-fast-path";
import { withFastPath } from "./intercept";

// What scripts/serve.mjs loads from the build (.next/extent-fast-path.mjs, bundled by
// scripts/build-fast-path.mjs), once the server's environment is set: a function that wraps
// Next's request listener. Its own small pg pool per server process; Prisma stays Next's.
// Not on the embedded database: pglite-socket mixes up overlapping queries from two
// connections (electric-sql/pglite#1046), so there the app keeps to Prisma's one.

export function startFastPath(): { wrap: (listener: RequestListener) => RequestListener; close: () => Promise<void> } {
  const { DATABASE_URL, DATABASE_POOL_MAX, SESSION_SECRET } = env();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX });
  // An idle connection the server drops is replaced on next use; it must not end the process.
  pool.on("error", (e) => console.error("[extent] autosave fast path: an idle database connection failed", e));
  const handle = createAutosaveFastPath({ query: (text, values) => pool.query(text, values), sessionSecret: SESSION_SECRET, appOrigin: appOrigin() });
  return { wrap: (listener) => withFastPath(handle, listener), close: () => pool.end() };
}
