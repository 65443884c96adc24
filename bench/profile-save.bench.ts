import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { execFileSync, spawn } from "node:child_process";
import { APP_LOG, cpuMsOf, postgresCpuMs } from "./app";
import { benchDatabase } from "./database";
import { runWriters } from "./load";
import { num, ratio } from "./stats";
import { writersWorld } from "./world";

// Where an autosave's CPU goes (`npm run bench -- profile-save`, by name only): the built app
// with one server process under `node --cpu-prof`, 50 writers for 10 s, then the profile's
// self time grouped by package and by the heaviest functions. The .cpuprofile files stay in
// test-results/profiles for Chrome DevTools. Not a number for the README (the profiler
// itself costs CPU); a map of what to cut.

export const byNameOnly = true;

const root = path.resolve(import.meta.dirname, "..");
const PROFILES = path.join(root, "test-results", "profiles");
const SESSION_COOKIE = "extent_session";
const say = (line: string) => console.error(`[profile] ${line}`);

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** A script URL's package (`next`, `@prisma/client`, …), or "app" for the build's own chunks. */
function packageOf(url: string): string {
  if (!url) return "(native / GC / idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    // Next's server bundles vendor React and others into next/dist/compiled.
    const compiled = /next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    return compiled ? `next (compiled ${compiled[1]})` : m[1]!;
  }
  if (url.includes("/.next/")) return "app (.next build)";
  if (url.startsWith("node:")) return "node core";
  return url.replace(root, ".");
}

function summarise(file: string) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(idle)") continue;
    total += ms;
    const pkg = packageOf(node.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${pkg}:${node.callFrame.lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${num(v, 0).padStart(6)} ms  ${num((100 * v) / total, 1).padStart(5)}%  ${k}`);
  return [`${path.basename(file)}: ${num(total, 0)} ms busy`, "By package:", ...top(byPackage, 15), "Heaviest functions (self time):", ...top(byFunction, 25)].join("\n");
}

export async function run() {
  const secret = randomBytes(32).toString("hex");
  rmSync(PROFILES, { recursive: true, force: true });
  mkdirSync(PROFILES, { recursive: true });
  rmSync(APP_LOG, { force: true });
  const database = await benchDatabase("profile", say);
  const { url } = database;
  const client = new pg.Client({ connectionString: url.href });
  // Migrate the new database with the CLI, then serve the existing build (no rebuild: this
  // measures what is built) from one process, under the profiler unless BENCH_PROFILE=0
  // (node refuses --cpu-prof in NODE_OPTIONS, so serve.mjs is run directly, as its header allows).
  execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url.href }, stdio: "ignore" });
  const port = Number(process.env.BENCH_PORT ?? 3972);
  const origin = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=0: the same run without the profiler, for the CPU per save it costs.
  const profiling = process.env.BENCH_PROFILE !== "0";
  const flags = profiling ? ["--cpu-prof", `--cpu-prof-dir=${PROFILES}`] : [];
  const server = spawn(process.execPath, [...flags, "scripts/serve.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", EXTENT_WORKERS: "1", DATABASE_URL: url.href, SESSION_SECRET: secret, PORT: String(port), HOST: "127.0.0.1", APP_ORIGIN: origin, SEED_DEMO: "" },
  });
  const exited = new Promise((r) => server.once("exit", r));
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const app = { origin, cpuMs: () => cpuMsOf([server.pid!]), stop: async () => { server.kill("SIGINT"); await exited; } };
  try {
    await client.connect();
    const warm = await writersWorld(client, secret, 10, 1000);
    await runWriters({ origin: app.origin, assignmentId: warm.assignmentId, tokens: warm.tokens, text: warm.text, seconds: 3, cookieName: SESSION_COOKIE });
    const world = await writersWorld(client, secret, 50, 1000);
    say("50 writers for 10 s under the profiler …");
    const cpu0 = app.cpuMs(), db0 = postgresCpuMs();
    const result = await runWriters({ origin: app.origin, assignmentId: world.assignmentId, tokens: world.tokens, text: world.text, seconds: 10, cookieName: SESSION_COOKIE });
    const cpu1 = app.cpuMs(), db1 = postgresCpuMs();
    console.log(`${result.saves} saves (${num(result.saves / result.seconds, 0)}/s), ${result.errors} errors, ${result.fastSaves} by the fast path; app CPU ${num(ratio(cpu1 - cpu0, result.saves), 1)} ms/save, PostgreSQL ${num(ratio(db1 - db0, result.saves), 1)} ms/save (profiler ${profiling ? "on" : "off"})`);
  } finally {
    await app.stop();
    await client.end().catch(() => {});
    await database.drop();
  }
  if (!profiling) return;
  // The server's profile is the largest file (npm and the launcher idle most of the run).
  const files = readdirSync(PROFILES).map((f) => path.join(PROFILES, f));
  const biggest = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (!biggest) throw new Error("No profile was written: did the server exit before flushing it?");
  console.log(summarise(biggest));
}
