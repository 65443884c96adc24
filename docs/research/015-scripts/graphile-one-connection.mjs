// Can graphile-worker 0.17.3 run on ONE connection (what the embedded database allows)?
// It takes a client from its pool for LISTEN and keeps it, so with maxPoolSize 1 nothing else can run.
import { run } from "graphile-worker";
import pg from "pg";
import { database, checker, until } from "./harness.mjs";
const { check, done } = checker();
const dbh = await database(process.argv[2] ?? "pglite", "r15_gw1");
const pool = new pg.Pool({ connectionString: dbh.url, max: 1 });
pool.on("error", () => {});
const logs = [];
const { Logger } = await import("graphile-worker");
const logger = new Logger(() => (level, message) => logs.push(`${level}: ${message}`));
let ran = 0;
const started = await Promise.race([
  run({ pgPool: pool, concurrency: 1, pollInterval: 500, noHandleSignals: true, noPreparedStatements: true, logger, taskList: { t: async () => { ran++; } } }),
  new Promise((r) => setTimeout(() => r(null), 20000)),
]);
check("run() with a one-connection pool returned within 20 s", !!started);
if (started) {
  const added = await Promise.race([started.addJob("t", {}).then(() => true), new Promise((r) => setTimeout(() => r(false), 10000))]);
  check("addJob on a one-connection pool does NOT finish within 10 s (the LISTEN client holds the only connection)", added === false);
  console.log("pool: total", pool.totalCount, "idle", pool.idleCount, "waiting", pool.waitingCount);
  started.stop().catch(() => {});
}
console.log(logs.filter((l) => /error|warn/.test(l)).slice(0, 5).join("\n"));
await pool.end().catch(() => {});
await dbh.stop();
process.exitCode = done() ? 1 : 0;
setTimeout(() => process.exit(), 1000).unref();
