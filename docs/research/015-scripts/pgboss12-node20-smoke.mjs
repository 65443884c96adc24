// pg-boss 12.38.0 (engines node >=22.12.0) smoke test on Node 20.20.2. Run: cp it into /work/research15/pgboss12/ and run it there (bare imports resolve from the file)  (database r15_pgboss12 must exist)
import { PgBoss } from "pg-boss";
const boss = new PgBoss("postgres://postgres@127.0.0.1:5432/r15_pgboss12");
boss.on("error", (e) => console.error("boss error", e));
await boss.start();
await boss.createQueue("q");
const id = await boss.send("q", { a: 1 });
console.log("sent", id);
await boss.stop({ graceful: false });
console.log("pg-boss 12 on node", process.version, "OK");
