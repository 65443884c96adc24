// pg-boss 10.4.2 over the app's ONE Prisma connection (PrismaPg adapter, pool max 1) to PGlite behind
// pglite-socket, as the app runs with no DATABASE_URL. pg-boss's `db` option takes any
// { executeSql(text, values) => { rows } }, so the queue opens no connection of its own and cannot
// interleave with Prisma's (electric-sql/pglite#1046).
// Run from /work/research15: /work/main/node_modules/.bin/tsx scripts/queue-pgboss-prisma.mts
// (imports the generated client in /work/main read-only).
import PgBoss from "pg-boss";
import pg from "/work/main/node_modules/pg/lib/index.js"; // the same pg module adapter-pg checks `instanceof Pool` against
import { PrismaPg } from "/work/main/node_modules/@prisma/adapter-pg/dist/index.mjs";
import { PrismaClient } from "/work/main/lib/generated/prisma/client.ts";
import { database, checker, until, sleep } from "./harness.mjs";

const { check, done } = checker();
const dbh = await database(process.argv[2] ?? "pglite", "r15_pgboss_prisma");
const pool = new pg.Pool({ connectionString: dbh.url, max: 1 });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

let statements = 0;
// First try (kept for the record): executeSql through prisma.$queryRawUnsafe fails at boss.start() with
//   P2010 "Failed to deserialize column of type 'regclass'" (pg-boss selects to_regclass(...)).
// So: ONE pg.Pool (max 1) shared by Prisma (new PrismaPg(pool)) and pg-boss (executeSql = pool.query).
// The pool queues callers on its single connection; Prisma's interactive transactions hold it exclusively.
const executeSql = async (text: string, values?: unknown[]) => { statements++; return pool.query(text, values as any[]); };
const boss = new PgBoss({ db: { executeSql }, schedule: true, supervise: true, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, clockMonitorIntervalSeconds: 1 } as any);
const errors: string[] = [];
boss.on("error", (e) => { errors.push(e.message); console.log("boss error:", e.message); });
await boss.start();
check("pg-boss installed its schema through Prisma", (await prisma.$queryRawUnsafe<any[]>(`select version from pgboss.version`))[0]?.version >= 23);
await boss.createQueue("export", { retryLimit: 1 });
await prisma.$executeRawUnsafe(`create table export_progress (id uuid primary key, done int, total int)`);
await boss.work("export", { pollingIntervalSeconds: 0.5 }, async ([job]: any) => {
  for (let i = 1; i <= 3; i++) await prisma.$executeRawUnsafe(`insert into export_progress values ($1::uuid,$2,3) on conflict (id) do update set done=$2`, job.id, i);
  return { ok: true };
});
// Enqueue inside a Prisma interactive transaction that rolls back: no job.
let rolledBack: string | null = null;
await prisma.$transaction(async (tx) => {
  rolledBack = await boss.send("export", { s: "never" }, { db: { executeSql: async (t: string, v: unknown[]) => ({ rows: await tx.$queryRawUnsafe<any[]>(t, ...v) }) } } as any);
  throw new Error("rollback");
}).catch(() => {});
check("send inside a rolled-back Prisma transaction leaves no job", (await boss.getJobById("export", rolledBack!)) === null, `id=${rolledBack}`);
const id = await boss.send("export", { s: "s1" });
const job = await until(async () => { const j: any = await boss.getJobById("export", id!); return j?.state === "completed" ? j : null; });
check("job completed over the single connection", !!job);
const p = await prisma.$queryRawUnsafe<any[]>(`select done from export_progress where id=$1::uuid`, id);
check("progress written", p[0]?.done === 3);
await boss.createQueue("nightly");
let runs = 0;
await boss.work("nightly", { pollingIntervalSeconds: 0.5 }, async () => { runs++; });
await boss.schedule("nightly", "* * * * *", {}, { tz: "Europe/London" });
if (process.env.WAIT_CRON !== "0") check("cron ran within 75 s", !!(await until(async () => runs > 0, 75000, 500)));
await boss.stop({ graceful: true, timeout: 5000 });
await sleep(300);
console.log(`statements through Prisma: ${statements}`);
check("no pg-boss errors", errors.length === 0, errors.slice(0, 3).join(" | "));
await prisma.$disconnect();
await pool.end(); // PrismaPg leaves an external pool open (unless disposeExternalPool)
await dbh.stop();
process.exitCode = done() ? 1 : 0;
