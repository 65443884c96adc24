// pg-boss 10.4.2 (the last line whose engines allow Node 20) against PostgreSQL 15 or PGlite.
// Run: node scripts/queue-pgboss.mjs pg|pglite
import PgBoss from "pg-boss";
import pg from "pg";
import { database, checker, until, sleep } from "./harness.mjs";

const kind = process.argv[2] ?? "pg";
const { check, done } = checker();
const dbh = await database(kind, "r15_pgboss");
const client = new pg.Client(dbh.url);
await client.connect();
// The app's own progress table (pg-boss has no progress API): one row per export job.
await client.query(`create table export_job (id text primary key, done int not null default 0, total int not null default 0, status text not null default 'queued', updated_at timestamptz not null default now())`);

const boss = new PgBoss({ connectionString: dbh.url, max: 4, schedule: true, supervise: true, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, clockMonitorIntervalSeconds: 1 });
const errors = [];
boss.on("error", (e) => { errors.push(e.message); console.log("boss error:", e.message); });
const t0 = Date.now();
await boss.start();
console.log(`start (creates schema) took ${Date.now() - t0} ms`);
const tables = (await client.query(`select table_name from information_schema.tables where table_schema='pgboss' order by 1`)).rows.map((r) => r.table_name);
console.log("pgboss tables:", tables.join(", "));
check("schema pgboss created", tables.includes("job") && tables.includes("version"));

await boss.createQueue("export", { retryLimit: 2, retryDelay: 1, expireInSeconds: 600 });
// pg-boss 10: singletonKey alone does not dedupe on a "standard" queue; the queue policy must be
// "singleton" (one active) or "stately" (one queued + one active) for the key to be enforced.
await boss.createQueue("retention", { policy: "stately" });
const seen = [];
await boss.work("export", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
  const total = 5;
  for (let i = 1; i <= total; i++) {
    await client.query(`insert into export_job (id, done, total, status) values ($1,$2,$3,'running') on conflict (id) do update set done=$2, total=$3, status='running', updated_at=now()`, [job.id, i, total]);
    await sleep(50);
  }
  seen.push(job.data);
  return { file: `exports/${job.data.studentId}.zip` };
});

// Transactional enqueue: a job sent inside the app's own transaction is rolled back with it.
const tx = new pg.Client(dbh.url); await tx.connect();
await tx.query("begin");
const rolledBackId = await boss.send("export", { studentId: "never" }, { db: { executeSql: (text, values) => tx.query(text, values) } });
await tx.query("rollback");
await tx.end();
const rb = await boss.getJobById("export", rolledBackId);
check("send({db}) inside a rolled-back transaction leaves no job", rb === null, `id=${rolledBackId}`);

const id = await boss.send("export", { studentId: "s1" });
const job = await until(async () => { const j = await boss.getJobById("export", id); return j?.state === "completed" ? j : null; });
check("job completed", job?.state === "completed", `output=${JSON.stringify(job?.output)}`);
const prog = (await client.query("select done,total from export_job where id=$1", [id])).rows[0];
check("progress rows written by the handler", prog?.done === 5 && prog?.total === 5);

// Singleton: the same key while one is queued is refused (null id), e.g. one export per student at a time.
const s1 = await boss.send("retention", { school: "x" }, { singletonKey: "school-x" });
const s2 = await boss.send("retention", { school: "x" }, { singletonKey: "school-x" });
check("singletonKey refuses a second queued job", !!s1 && s2 === null, `s1=${!!s1} s2=${s2}`);

// Cron: pg-boss 10 evaluates cron once a minute at most (minute granularity). Schedule every minute, wait.
let cronRan = 0;
await boss.createQueue("nightly");
await boss.work("nightly", { pollingIntervalSeconds: 0.5 }, async () => { cronRan++; });
await boss.schedule("nightly", "* * * * *", { reason: "cron" }, { tz: "Europe/London" });
const schedules = await boss.getSchedules();
check("schedule stored in pgboss.schedule", schedules.some((s) => s.name === "nightly" && s.timezone === "Europe/London"), JSON.stringify(schedules.map((s) => [s.name, s.cron, s.timezone])));
const waitCron = process.env.WAIT_CRON !== "0";
if (waitCron) {
  const ok = await until(async () => cronRan > 0, 75000, 500);
  check("cron job ran within 75 s", !!ok, `runs=${cronRan}`);
}
await boss.stop({ graceful: true, timeout: 5000 });
await sleep(500);
check("no pg-boss errors", errors.length === 0, errors.join(" | "));
await client.end();
await dbh.stop();
process.exitCode = done() ? 1 : 0;
