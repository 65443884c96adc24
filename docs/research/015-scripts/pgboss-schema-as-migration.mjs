// pg-boss's schema installed as plain SQL (what a Prisma migration file would hold), then pg-boss
// started with migrate: false. Also prints the SQL size and the objects it creates.
// Run: node scripts/pgboss-schema-as-migration.mjs pg|pglite
import PgBoss from "pg-boss";
import pg from "pg";
import { writeFileSync } from "node:fs";
import { database, checker, until } from "./harness.mjs";
const { check, done } = checker();
const kind = process.argv[2] ?? "pglite";
const dbh = await database(kind, "r15_pgboss_mig");
const sql = PgBoss.getConstructionPlans("pgboss");
writeFileSync(new URL("../pgboss-10.4.2-construction.sql", import.meta.url), sql);
console.log(`construction SQL: ${sql.length} chars, ${sql.split("\n").length} lines (saved to pgboss-10.4.2-construction.sql)`);
const c = new pg.Client(dbh.url); await c.connect();
await c.query(sql); // one simple-protocol query, several statements, as `prisma migrate deploy` runs a migration.sql
const objs = (await c.query(`select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid=c.relnamespace where n.nspname='pgboss' and c.relkind in ('r','p','i','S') order by 2,1`)).rows;
console.log("pgboss objects:", objs.map((o) => `${o.relname}(${o.relkind})`).join(" "));
const fns = (await c.query(`select p.proname from pg_proc p join pg_namespace n on n.oid=p.pronamespace where n.nspname='pgboss'`)).rows.map((r) => r.proname);
console.log("pgboss functions:", fns.join(", "));
const v = (await c.query(`select version from pgboss.version`)).rows[0].version;
console.log("schema version:", v);
const pool = new pg.Pool({ connectionString: dbh.url, max: 1 });
const boss = new PgBoss({ db: { executeSql: (t, vals) => pool.query(t, vals) }, migrate: false, supervise: true, schedule: true });
const errs = []; boss.on("error", (e) => errs.push(e.message));
await boss.start();
await boss.createQueue("q");
let ran = false; await boss.work("q", { pollingIntervalSeconds: 0.5 }, async () => { ran = true; });
await boss.send("q", {});
check("migrate:false start on a schema installed from SQL, job runs", !!(await until(async () => ran)));
await boss.stop({ graceful: true, timeout: 3000 });
check("no errors", errs.length === 0, errs.join(" | "));
await c.end(); await pool.end(); await dbh.stop();
process.exitCode = done() ? 1 : 0;
