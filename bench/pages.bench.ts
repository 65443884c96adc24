import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { APP_LOG, startApp, type App } from "./app";
import { benchDatabase } from "./database";
import { timePage } from "./load";
import { bytes, markdownTable, num, percentile } from "./stats";
import { classSource } from "./class-source";

// The deadline bench's teacher-page rows on their own (`npm run bench -- pages`, by name
// only), for checking one change to the board, analytics or department view without the
// autosave rows: the built app against a database of its own, one class per size
// (BENCH_SIZES, default 300,3000), the median of BENCH_REPEATS loads (default 5) after a
// warm-up, and the start-up from a built state at the end. Compare two builds by running it
// in each, one after the other, and say the load average.

export const byNameOnly = true;

const SESSION_COOKIE = "extent_session";
const say = (line: string) => console.error(`[pages] ${line}`);
const ms = (x: number) => `${num(x, x < 10 ? 1 : 0)} ms`;

export async function run() {
  const sizes = (process.env.BENCH_SIZES ?? "300,3000").split(",").map(Number);
  const repeats = Number(process.env.BENCH_REPEATS ?? 5);
  const secret = randomBytes(32).toString("hex");
  const port = Number(process.env.BENCH_PORT ?? 3972);
  const database = await benchDatabase("pages", say);
  const { url } = database;
  const client = new pg.Client({ connectionString: url.href });
  let app: App | undefined;
  let close = async () => {};
  const loads: string[] = [loadavg()[0]!.toFixed(1)];
  try {
    app = await startApp({ databaseUrl: url.href, sessionSecret: secret, port });
    await client.connect();
    const classes = await classSource(url.href, client, secret);
    close = classes.close;
    const rows: string[][] = [];
    for (const size of sizes) {
      say(`class of ${size}: board, analytics, department …`);
      const world = await classes.make(size, 3);
      const cookie = `${SESSION_COOKIE}=${world.teacherToken}`;
      const row = [String(size)];
      for (const path of [`/classes/${world.classroomId}/board`, `/assignments/${world.assignmentIds[0]}/analytics`, `/department`]) {
        const page = await timePage(`${app.origin}${path}`, cookie, app.origin, repeats);
        if (page.status !== 200) say(`${path} answered ${page.status} (the app's log: ${APP_LOG})`);
        row.push(page.status === 200 ? ms(percentile(page.latencies, 0.5)) : `HTTP ${page.status}`, bytes(page.bytes));
      }
      rows.push(row);
    }
    loads.push(loadavg()[0]!.toFixed(1));
    await app.stop();
    app = undefined;
    const again = await startApp({ databaseUrl: url.href, sessionSecret: secret, port });
    await again.stop();
    loads.push(loadavg()[0]!.toFixed(1));
    console.log(`Teacher pages (median of ${repeats} after a warm-up; load average ${loads.join(" → ")}):\n`);
    console.log(markdownTable(["Students", "Board", "Board HTML", "Analytics", "Analytics HTML", "Department", "Department HTML"], rows));
    console.log(`\nStart-up from a built, migrated state: ${ms(again.startupMs)}\n`);
  } finally {
    await app?.stop();
    await close().catch(() => {});
    await client.end().catch(() => {});
    await database.drop();
  }
}
