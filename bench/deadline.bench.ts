import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import pg from "pg";
import { rmSync } from "node:fs";
import { APP_LOG, startApp, type App } from "./app";
import { benchDatabase } from "./database";
import { timePage } from "./load";
import { boardReloadRound, ESSAY_WORDS, measureWriters, rateOf, SESSION_COOKIE } from "./board-reload";
import { pgbenchUpdate } from "./pgbench";
import { bytes, markdownTable, num, percentile, ratio, summarize } from "./stats";
import { classSource } from "./class-source";

// Issue 11's measurements in one run (`npm run bench`, or `npm run bench -- --quick` for a
// short smoke run): autosave writers against the built app beside pgbench's single-row UPDATE
// of the same essay at the same concurrency; autosave while a teacher reloads a 300-student
// board; board, analytics and department timings by class size; and the start-up time.
// Everything runs on loopback against the PostgreSQL service (BENCH_POSTGRES_URL, default
// postgres@127.0.0.1:5432), in a database of its own that is dropped at the end.


type Plan = { writers: number[]; seconds: number; boardWriters: number; boardStudents: number; sizes: number[]; pageRepeats: number };
const FULL: Plan = { writers: [10, 50, 200], seconds: 10, boardWriters: 50, boardStudents: 300, sizes: [5, 30, 300, 3000], pageRepeats: 5 };
const QUICK: Plan = { writers: [10], seconds: 3, boardWriters: 10, boardStudents: 30, sizes: [5, 30], pageRepeats: 2 };

const ms = (x: number) => `${num(x, x < 10 ? 1 : 0)} ms`;
const say = (line: string) => console.error(`[bench] ${line}`);

function machine(): string {
  const model = cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    if (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()) commit += " + uncommitted changes";
  } catch {
    /* not a checkout */
  }
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${cpus().length} cores (${model}) · ${(totalmem() / 2 ** 30).toFixed(0)} GB · load average ${loadavg()[0]!.toFixed(1)} at the start (other work on the machine skews every row) · Node ${process.version} · commit ${commit}`;
}

export async function run(opts: { quick?: boolean } = {}) {
  const plan = opts.quick ? QUICK : FULL;
  const port = Number(process.env.BENCH_PORT ?? 3971);
  const secret = randomBytes(32).toString("hex");

  rmSync(APP_LOG, { force: true });
  const database = await benchDatabase("bench", say);
  const { name: dbName, url: benchUrl } = database;
  const client = new pg.Client({ connectionString: benchUrl.href });
  let app: App | undefined;
  let closeClasses = async () => {};
  const out: string[] = [`### Deadline bench${opts.quick ? " (--quick)" : ""}`, "", machine(), ""];
  try {
    say(`database ${dbName}; first npm start (migrates the new database, builds if the build is stale) …`);
    app = await startApp({ databaseUrl: benchUrl.href, sessionSecret: secret, port });
    const firstStartMs = app.startupMs;
    await client.connect();
    const classes = await classSource(benchUrl.href, client, secret);
    closeClasses = classes.close;
    say(`teacher-page worlds from ${classes.name}`);

    // Warm-up, not reported: the first requests of each server process load and compile the
    // route and fill the pools, which would otherwise land on the first row.
    say("warm-up: 10 writers for 3 s …");
    await measureWriters(app, client, secret, 10, 3);

    // 1. Autosave against the reference.
    const autosaveRows: string[][] = [];
    for (const writers of plan.writers) {
      say(`${writers} writers for ${plan.seconds} s …`);
      const { world, result, appCpuPerSave, dbCpuPerSave } = await measureWriters(app, client, secret, writers, plan.seconds);
      say(`pgbench, ${writers} clients for ${plan.seconds} s …`);
      const ref = await pgbenchUpdate({ client, url: benchUrl, clients: writers, seconds: plan.seconds, text: world.text });
      if (!Number.isFinite(ref.tps)) say(`pgbench failed: ${ref.output.slice(-500)}`);
      const rate = result.saves / result.seconds;
      const s = summarize(result.latencies);
      if (result.firstError) say(`first error at ${writers} writers: ${result.firstError}`);
      autosaveRows.push([
        String(writers), num(rate, 0), ms(s.p50), ms(s.p95), ms(s.p99), String(result.errors + result.conflicts),
        ms(appCpuPerSave), ms(dbCpuPerSave), `${num(ref.tps, 0)} (${ref.clients} clients)`, `${num(100 * ratio(rate, ref.tps), 1)}%`,
        `${num(100 * ratio(result.fastSaves, result.saves), 0)}%`,
      ]);
    }
    out.push(
      `Autosave (PUT /api/assignments/[id]/draft, a ${ESSAY_WORDS}-word essay growing a sentence per save, ${plan.seconds} s per row) against pgbench's single-row UPDATE of the same essay:`, "",
      markdownTable(["Writers", "Saves/s", "p50", "p95", "p99", "Errors", "App CPU/save", "PostgreSQL CPU/save", "pgbench tps", "Share of pgbench", "By the fast path"], autosaveRows), "",
    );

    // 2. Autosave while one teacher reloads a large board.
    say(`board world of ${plan.boardStudents} students; ${plan.boardWriters} writers alone, then with a teacher reloading the board …`);
    const board = await classes.make(plan.boardStudents, 3);
    const { alone, withBoard, reloads, ratio: reloadRatio } = await boardReloadRound(app, client, secret, `${app.origin}/classes/${board.classroomId}/board`, board.teacherToken, plan.boardWriters, plan.seconds);
    out.push(
      `Autosave with one teacher reloading a ${plan.boardStudents}-student board (${plan.boardWriters} writers, ${plan.seconds} s each):`, "",
      markdownTable(
        ["Writers", "Saves/s alone", "Saves/s with board", "Ratio", "p99 alone", "p99 with board", "Board loads (p50)", "Board errors"],
        [[
          String(plan.boardWriters), num(rateOf(alone), 0), num(rateOf(withBoard), 0), `${num(reloadRatio, 2)}×`,
          ms(percentile(alone.latencies, 0.99)), ms(percentile(withBoard.latencies, 0.99)), `${reloads.loads} (${ms(percentile(reloads.latencies, 0.5))})`, String(reloads.errors),
        ]],
      ), "",
    );

    // 3. Teacher pages by class size.
    const pageRows: string[][] = [];
    for (const size of plan.sizes) {
      say(`class of ${size} students: board, analytics, department …`);
      const world = await classes.make(size, 3);
      const cookie = `${SESSION_COOKIE}=${world.teacherToken}`;
      const repeats = size >= 3000 ? Math.min(3, plan.pageRepeats) : plan.pageRepeats;
      const row = [String(size)];
      for (const url of [`/classes/${world.classroomId}/board`, `/assignments/${world.assignmentIds[0]}/analytics`, `/department`]) {
        const page = await timePage(`${app.origin}${url}`, cookie, app.origin, repeats);
        if (page.status !== 200) say(`${url} answered ${page.status} (the app's log: ${APP_LOG})`);
        row.push(page.status === 200 ? ms(percentile(page.latencies, 0.5)) : `HTTP ${page.status}`, bytes(page.bytes));
      }
      pageRows.push(row);
    }
    out.push(
      `Teacher pages (median of ${plan.pageRepeats} loads after a warm-up, loopback; one class with 3 assignments from ${classes.name}; the department view is that teacher's):`, "",
      markdownTable(["Students", "Board", "Board HTML", "Analytics", "Analytics HTML", "Department", "Department HTML"], pageRows), "",
    );

    // 4. Start-up from a built state (the database is migrated, the build is fresh).
    await app.stop();
    app = undefined;
    say("start-up from a built state …");
    const again = await startApp({ databaseUrl: benchUrl.href, sessionSecret: secret, port });
    await again.stop();
    out.push(
      "Start-up (`npm start` to a healthy /api/health):", "",
      markdownTable(["Start", "Time"], [["First (new database: migrations; build if stale)", ms(firstStartMs)], ["From a built, migrated state", ms(again.startupMs)]]), "",
    );
  } finally {
    await app?.stop();
    await closeClasses().catch(() => {});
    await client.end().catch(() => {});
    await database.drop();
  }
  console.log(out.join("\n"));
}
