import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { startApp } from "./app";
import { benchDatabase } from "./database";
import { markdownTable, num, percentile } from "./stats";

// Start-up alone (`npm run bench -- startup`, by name only): `npm start` against a database of
// its own, once to migrate it (and build if the build is stale), then BENCH_STARTS more times
// (default 5) from that built, migrated state, each to its first healthy /api/health and
// stopped again. Prints every time with the load average before it, and the median: one
// start is at the mercy of whatever else the machine is doing (decision 017).

export const byNameOnly = true;

const say = (line: string) => console.error(`[startup] ${line}`);

export async function run({ quick }: { quick: boolean }) {
  const starts = Number(process.env.BENCH_STARTS ?? (quick ? 2 : 5));
  const secret = randomBytes(32).toString("hex");
  const port = Number(process.env.BENCH_PORT ?? 3972);
  const database = await benchDatabase("startup", say);
  const { url } = database;
  try {
    say("first start (migrations; build if stale) …");
    const first = await startApp({ databaseUrl: url.href, sessionSecret: secret, port });
    await first.stop();
    const rows: string[][] = [["first (new database)", num(first.startupMs), "—"]];
    const times: number[] = [];
    for (let i = 1; i <= starts; i++) {
      const load = loadavg()[0]!.toFixed(1);
      const app = await startApp({ databaseUrl: url.href, sessionSecret: secret, port });
      await app.stop();
      times.push(app.startupMs);
      rows.push([`restart ${i}`, num(app.startupMs), load]);
    }
    console.log("Start-up (`npm start` to a healthy /api/health, ms; load average before each):\n");
    console.log(markdownTable(["Start", "Time (ms)", "Load"], rows));
    console.log(`\nMedian restart from a built, migrated state: ${num(percentile(times, 0.5))} ms\n`);
  } finally {
    await database.drop();
  }
}
