// Does LISTEN on one connection hear NOTIFY from another through pglite-socket 0.2.17?
// (graphile-worker relies on it to wake workers; pg-boss 10 polls.) And the interleaving hazard:
// two connections running parameterised (extended-protocol) queries at once.
import pg from "pg";
import { database, checker, sleep } from "./harness.mjs";
const { check, done } = checker();
for (const kind of ["pg", "pglite"]) {
  const dbh = await database(kind, "r15_notify");
  const a = new pg.Client(dbh.url), b = new pg.Client(dbh.url);
  await a.connect(); await b.connect();
  const gotA = [], gotB = [];
  a.on("notification", (m) => gotA.push(m.payload));
  b.on("notification", (m) => gotB.push(m.payload));
  await a.query("listen jobs");
  await b.query("notify jobs, 'hello'");
  await sleep(300);
  await a.query("select 1"); await sleep(100);
  console.log(`${kind}: listener got ${JSON.stringify(gotA)}, notifier got ${JSON.stringify(gotB)}`);
  if (kind === "pg") check("pg: LISTEN connection hears NOTIFY", gotA.includes("hello"));
  else check("pglite-socket: LISTEN connection does NOT hear another connection's NOTIFY (one shared session)", !gotA.includes("hello"), `notifier got its own: ${gotB.includes("hello")}`);
  // Interleaving: 200 concurrent parameterised queries on two connections; each must get its own answer.
  let wrong = 0, errors = new Set();
  await Promise.all([a, b].map(async (c, ci) => {
    for (let i = 0; i < 100; i++) {
      try {
        const v = `${ci}-${i}`;
        // Each connection runs its own statement text, so a Bind landing on the other's Parse shows.
        const who = ci === 0 ? "A" : "B";
        // A: extended protocol (Parse/Bind/Execute/Sync, as pg sends with parameters, and as Prisma always does);
        // B: simple protocol (no parameters), which drops the session's unnamed statement.
        const r = ci === 0 ? await c.query(`select $1::text as v, '${who}'::text as who`, [v]) : await c.query(`select '${v}'::text as v, '${who}'::text as who`);
        if (r.rows[0].v !== v || r.rows[0].who !== who) wrong++;
      } catch (e) { errors.add(e.message); }
    }
  }));
  console.log(`${kind}: wrong answers ${wrong}, errors: ${[...errors].join(" | ") || "none"}`);
  if (kind === "pg") check("pg: no interleaving", wrong === 0 && errors.size === 0);
  // Not reproduced by this small loop (each chunk's messages run back to back in microtasks); graphile-worker's
  // cron hit it: "unnamed prepared statement does not exist" (scripts/queue-graphile.mjs pglite). Informational.
  else console.log(`info: pglite interleaving ${wrong > 0 || errors.size > 0 ? "seen" : "not seen in this loop"}`);
  await a.end().catch(() => {}); await b.end().catch(() => {});
  await dbh.stop();
}
process.exitCode = done() ? 1 : 0;
