// graphile-worker 0.17.3 (last version whose engines allow Node 20) against PostgreSQL 15 or PGlite.
// Run: node scripts/queue-graphile.mjs pg|pglite [prepared]
import { run, quickAddJob } from "graphile-worker";
import pg from "pg";
import { database, checker, until, sleep } from "./harness.mjs";

const kind = process.argv[2] ?? "pg";
const prepared = process.argv[3] === "prepared"; // default here: noPreparedStatements (needed on PGlite, see below)
const { check, done } = checker();
const dbh = await database(kind, "r15_gw");
const client = new pg.Client(dbh.url);
await client.connect();
await client.query(`create table export_job (id text primary key, done int not null default 0, total int not null default 0, status text not null default 'queued')`);

const logs = [];
const logger = new (await import("graphile-worker")).Logger(() => (level, message) => { logs.push(`${level}: ${message}`); if (level === "error" || level === "warning") console.log(`  [gw ${level}] ${message}`); });
let cronRuns = 0; const seen = [];
const t0 = Date.now();
const runner = await run({
  connectionString: dbh.url,
  concurrency: 1,
  maxPoolSize: 4,
  pollInterval: 500,
  noHandleSignals: true,
  noPreparedStatements: !prepared,
  logger,
  // Crontab: minute granularity; "?fill=2m" back-fills runs missed while no worker was up.
  crontab: "* * * * * nightly ?fill=2m&id=nightly",
  taskList: {
    export: async (payload, helpers) => {
      const total = 5;
      for (let i = 1; i <= total; i++) {
        await helpers.query(`insert into export_job (id, done, total, status) values ($1,$2,$3,'running') on conflict (id) do update set done=$2, total=$3, status='running'`, [String(helpers.job.id), i, total]);
        await sleep(50);
      }
      seen.push(payload.studentId);
    },
    nightly: async () => { cronRuns++; },
  },
});
console.log(`run() (creates schema) took ${Date.now() - t0} ms`);
const tables = (await client.query(`select table_name from information_schema.tables where table_schema='graphile_worker' order by 1`)).rows.map((r) => r.table_name);
console.log("graphile_worker tables:", tables.join(", "));
check("schema graphile_worker created", tables.length > 0);

// Transactional enqueue with plain SQL (works from Prisma's $executeRaw inside $transaction too).
await client.query("begin");
await client.query(`select graphile_worker.add_job('export', json_build_object('studentId','never'))`);
await client.query("rollback");
const { rows: [job] } = await client.query(`select (graphile_worker.add_job('export', json_build_object('studentId','s1'), job_key => 'export:s1')).id`);
const ok = await until(async () => seen.includes("s1"));
check("job added by SQL ran", !!ok);
check("rolled-back add_job never ran", !seen.includes("never"));
const prog = (await client.query("select done,total from export_job where id=$1", [String(job.id)])).rows[0];
check("progress rows written by the handler through helpers.query", prog?.done === 5);
await sleep(300);
const left = (await client.query(`select count(*)::int n from graphile_worker.jobs`)).rows[0].n;
check("completed job deleted from the queue table", left === 0, `jobs left=${left}`);
// job_key replaces a pending job with the same key instead of adding a second.
await runner.stop?.(); // stop the worker so jobs stay pending
const a = await quickAddJob({ connectionString: dbh.url, noPreparedStatements: true }, "export", { studentId: "k" }, { jobKey: "export:k", runAt: new Date(Date.now() + 60000) });
const b = await quickAddJob({ connectionString: dbh.url, noPreparedStatements: true }, "export", { studentId: "k2" }, { jobKey: "export:k", runAt: new Date(Date.now() + 60000) });
const n = (await client.query(`select count(*)::int n from graphile_worker.jobs where key='export:k'`)).rows[0].n;
check("jobKey dedupes: one pending job for the key", a.id === b.id && n === 1, `a=${a.id} b=${b.id} n=${n}`);

if (process.env.WAIT_CRON !== "0") {
  // Restart a runner for the cron test.
  const r2 = await run({ connectionString: dbh.url, concurrency: 1, pollInterval: 500, noHandleSignals: true, noPreparedStatements: !prepared, logger, crontab: "* * * * * nightly ?id=nightly", taskList: { nightly: async () => { cronRuns++; }, export: async () => {} } });
  const okc = await until(async () => cronRuns > 0, 75000, 500);
  check("cron task ran within 75 s", !!okc, `runs=${cronRuns}`);
  const kc = (await client.query(`select identifier, last_execution from graphile_worker._private_known_crontabs`)).rows;
  console.log("known crontabs:", JSON.stringify(kc));
  await r2.stop();
}
await runner.stop().catch(() => {});
const errs = logs.filter((l) => /^error/.test(l));
check("no graphile-worker errors logged", errs.length === 0, errs.slice(0, 3).join(" | "));
await client.end();
await dbh.stop();
process.exitCode = done() ? 1 : 0;
