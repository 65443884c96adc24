import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { startApp, type App } from "./app";
import { benchDatabase } from "./database";
import { boardReloadRound, interleavedBoardReload, measureWriters, rateOf } from "./board-reload";
import { classSource } from "./class-source";
import { markdownTable, num, percentile, summarize } from "./stats";

// Issue 11's board-reload target on its own (`npm run bench -- board-reload`, by name only,
// about two minutes): `npm start` against a database of its own, then BENCH_ROUNDS rounds
// (default 3), each of two measurements with the load average before it: the deadline bench's
// (50 writers alone for 10 s, then 50 more with one teacher reloading a 300-student board in a
// closed loop), and an interleaved one for a busy machine (one set of 50 writers for 30 s, the
// teacher's loop on for every other 2.5 s slice; bench/board-reload.ts). Env such as
// WEB_CONCURRENCY or EXTENT_PAGE_NICE reaches `npm start`; BENCH_APP_ROOT serves another
// checkout's build, for A/B runs.

export const byNameOnly = true;

const say = (line: string) => console.error(`[board-reload] ${line}`);
const ms = (x: number) => `${num(x, x < 10 ? 1 : 0)} ms`;

export async function run({ quick }: { quick: boolean }) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
  const writers = quick ? 10 : 50;
  const seconds = quick ? 3 : 10;
  const students = quick ? 30 : 300;
  const secret = randomBytes(32).toString("hex");
  const port = Number(process.env.BENCH_PORT ?? 3973);
  const database = await benchDatabase("reload", say);
  const client = new pg.Client({ connectionString: database.url.href });
  let app: App | undefined;
  let close = async () => {};
  try {
    say("npm start (migrates the new database, builds if the build is stale) …");
    app = await startApp({ databaseUrl: database.url.href, sessionSecret: secret, port });
    await client.connect();
    const classes = await classSource(database.url.href, client, secret);
    close = classes.close;
    const board = await classes.make(students, 3);
    const boardUrl = `${app.origin}/classes/${board.classroomId}/board`;
    say("warm-up: 10 writers for 3 s …");
    await measureWriters(app, client, secret, 10, 3);
    const rows: string[][] = [];
    const interleaved: string[][] = [];
    for (let i = 1; i <= rounds; i++) {
      const load = loadavg()[0]!.toFixed(1);
      say(`round ${i} of ${rounds} (load average ${load}) …`);
      const r = await boardReloadRound(app, client, secret, boardUrl, board.teacherToken, writers, seconds);
      const alone = summarize(r.alone.latencies);
      rows.push([
        String(i), load, num(rateOf(r.alone), 0), ms(alone.p95), num(rateOf(r.withBoard), 0), `${num(r.ratio, 2)}×`,
        ms(percentile(r.withBoard.latencies, 0.95)), `${r.reloads.loads} (${ms(percentile(r.reloads.latencies, 0.5))})`, String(r.alone.errors + r.withBoard.errors + r.reloads.errors),
      ]);
      const load2 = loadavg()[0]!.toFixed(1);
      say(`round ${i}, interleaved (load average ${load2}) …`);
      const slices = quick ? 2 : 6;
      const s = await interleavedBoardReload(app, client, secret, boardUrl, board.teacherToken, writers, slices, 2.5);
      interleaved.push([String(i), load2, num(s.alone, 0), num(s.withBoard, 0), `${num(s.ratio, 2)}×`, ms(percentile(s.latencies, 0.95)), `${s.loads.length} (${ms(percentile(s.loads, 0.5))})`, String(s.errors)]);
    }
    console.log(`Autosave with one teacher reloading a ${students}-student board (${writers} writers, ${seconds} s each, alone then with the board, same run):\n`);
    console.log(markdownTable(["Round", "Load", "Saves/s alone", "p95 alone", "Saves/s with board", "Ratio", "p95 with board", "Board loads (p50)", "Errors"], rows));
    console.log(`\nInterleaved: one set of ${writers} writers, the teacher's loop on for every other 2.5 s slice (the first quarter of each slice left out):\n`);
    console.log(markdownTable(["Round", "Load", "Saves/s board off", "Saves/s board on", "Ratio", "p95 (whole run)", "Board loads (p50)", "Errors"], interleaved));
    console.log(`\nStart-up (first, new database): ${ms(app.startupMs)}\n`);
  } finally {
    await app?.stop();
    await close().catch(() => {});
    await client.end().catch(() => {});
    await database.drop();
  }
}
