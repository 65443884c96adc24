import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cpuTicksFromStat, parentPidFromStat } from "./stats";

// Starts the app as people do (`npm start` against a DATABASE_URL) and measures it from the
// outside: the time to a healthy /api/health, and the CPU time of every process under it
// (the launcher, `next start` and any workers), read from /proc.

const root = path.resolve(import.meta.dirname, "..");
const TICK_MS = 10; // USER_HZ is 100 on Linux
/** Where the app's output goes, to read when a page answers 500. */
export const APP_LOG = path.join(root, "test-results", "bench-app.log");

export type App = { origin: string; pid: number; startupMs: number; cpuMs: () => number; stop: () => Promise<void>; log: () => string };

function readStat(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
}

/** The pid and every descendant of it, from /proc. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (!stat) continue;
    const parent = parentPidFromStat(stat);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** CPU time (ms) used so far by the given processes; a process that has gone counts as 0. */
export function cpuMsOf(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    const stat = readStat(pid);
    return sum + (stat ? cpuTicksFromStat(stat) * TICK_MS : 0);
  }, 0);
}

/** CPU time (ms) of every PostgreSQL server process on this machine (the service's backends). */
export function postgresCpuMs(): number {
  let sum = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat && /^\d+ \(postgres\)/.test(stat)) sum += cpuTicksFromStat(stat) * TICK_MS;
  }
  return sum;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startApp(opts: { databaseUrl: string; sessionSecret: string; port: number; timeoutMs?: number }): Promise<App> {
  const origin = `http://127.0.0.1:${opts.port}`;
  let log = "";
  const began = performance.now();
  // Its own process group, so stop() ends the launcher and everything it spawned, and only those.
  const child: ChildProcess = spawn("npm", ["start"], {
    // BENCH_APP_ROOT: another checkout's build, for comparing two builds in one run.
    cwd: process.env.BENCH_APP_ROOT || root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: opts.databaseUrl, SESSION_SECRET: opts.sessionSecret, PORT: String(opts.port), HOST: "127.0.0.1", APP_ORIGIN: origin, SEED_DEMO: "" },
  });
  mkdirSync(path.dirname(APP_LOG), { recursive: true });
  const keep = (d: Buffer) => {
    log += d.toString();
    appendFileSync(APP_LOG, d);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited || !child.pid) return;
    // Every process of the app, taken before the signal: npm exits as soon as the launcher
    // does, while the server's primary (which holds the port) and its workers may still be
    // closing. A start measured before they are gone would be answered by the old server,
    // or find its port taken.
    const tree = processTree(child.pid);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const alive = () => tree.filter((pid) => readStat(pid) !== null);
    for (let i = 0; i < 100 && alive().length > 0; i++) await sleep(100);
    if (alive().length > 0) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      for (const pid of alive()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }
    }
  };
  const deadline = began + (opts.timeoutMs ?? 300_000);
  while (performance.now() < deadline) {
    if (exited) throw new Error(`npm start exited before it was healthy:\n${log.slice(-3000)}`);
    try {
      const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        const startupMs = performance.now() - began;
        return { origin, pid: child.pid!, startupMs, cpuMs: () => cpuMsOf(processTree(child.pid!)), stop, log: () => log };
      }
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  await stop();
  throw new Error(`npm start was not healthy within ${(opts.timeoutMs ?? 300_000) / 1000} s:\n${log.slice(-3000)}`);
}
