// The production server as `npm start` runs it. scripts/start.ts spawns this with plain node
// (not npx or tsx) before it opens the database, so Next's modules load alongside the
// launcher's own work; the launcher then sends "go" with the environment (DATABASE_URL,
// SESSION_SECRET, …) once migrations, seed and build are done. Run without a launcher
// (`EXTENT_WORKERS=4 node scripts/serve.mjs` with the environment set) it starts at once.
//
// With EXTENT_WORKERS at 1 this process is Next's own `next start` server, with the autosave
// fast path ahead of it. Above 1 it is the front process (docs/decisions/038-front-process.md,
// lib/start/front.mjs): it owns HOST:PORT, answers the autosave fast path itself and hands
// every other request to that many page workers, each a `next start` on a private loopback
// port, running at a lower OS priority (EXTENT_PAGE_NICE, default 19) so that on a busy
// machine a teacher's page waits for the CPU rather than a student's save.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Backends, createForwarder, WORKER_KEEP_ALIVE_MS } from "../lib/start/front.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const workers = Number(process.env.EXTENT_WORKERS ?? "1");
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? "3000");
// A page worker of the front (forked below with this flag), never something to configure.
const pageWorker = process.argv.includes("--page-worker");
// Launched by scripts/start.ts (or, in a page worker, by the front): wait for "go".
const launched = typeof process.send === "function";
// The stamp key is the front's to give its own workers; one from anywhere else is dropped.
const STAMP_KEY = "EXTENT_SOCKET_STAMP_KEY";
// The front's other page workers start once the first has answered a request, or this long
// after it listens.
const OTHERS_AFTER_MS = 3_000;
if (!pageWorker) delete process.env[STAMP_KEY];

/**
 * Resolves with the environment to serve with, once the parent says "go". A message sent
 * before this process listens is lost, so it says "ready" first and the parent waits for that.
 */
function waitForGo() {
  const go = new Promise((resolve) => {
    const onMessage = (msg) => {
      if (msg && msg.type === "go") {
        process.off("message", onMessage);
        resolve(msg.env ?? {});
      }
    };
    process.on("message", onMessage);
    // The parent went away before "go" (a failed migration, a stopped launcher): nothing to serve.
    process.once("disconnect", () => process.exit(1));
  });
  process.send({ type: "ready" });
  return go;
}

/**
 * The autosave fast path (docs/decisions/020-autosave-fast-path.md), loaded from the build
 * while Next loads. Off with EXTENT_FAST_PATH=0 (scripts/start.ts sets that for the embedded
 * database), or when the build has none (a plain `next build`): then Next serves every request.
 */
async function loadFastPath() {
  if (process.env.EXTENT_FAST_PATH === "0") return null;
  const file = path.join(root, ".next", "extent-fast-path.mjs");
  if (!existsSync(file)) {
    console.log("[extent] No autosave fast path in this build (run `npm run build`): Next serves every request.");
    return null;
  }
  return import(pathToFileURL(file).href);
}

/** Hands the server Next is about to create to `onServer`, and its request listener to `wrap`. */
function interceptNextServer(wrap, onServer) {
  const create = http.createServer;
  http.createServer = (...args) => {
    http.createServer = create;
    const last = args.length - 1;
    if (typeof args[last] === "function") args[last] = wrap(args[last]);
    const server = create.apply(http, args);
    onServer(server);
    return server;
  };
}

/**
 * A page worker's every thread at `nice` (Linux): the main thread, and the V8 threads that
 * started with it; threads made later inherit it. Elsewhere (or refused) it runs as it is.
 */
function lowerPriority(nice) {
  if (!(nice > 0)) return;
  let tids = [process.pid];
  try {
    tids = readdirSync("/proc/self/task").map(Number);
  } catch {
    /* not Linux: the process as a whole */
  }
  for (const tid of tids) {
    try {
      os.setPriority(tid, nice);
    } catch {
      /* gone, or not allowed: it only matters on a busy machine */
    }
  }
}

/** One Next server: the whole server (EXTENT_WORKERS=1), or a page worker of the front. */
async function serve() {
  // Next's own `next start`, the same code path as the CLI. Loading it is most of the
  // start-up time, so it happens before "go". instrumentation.ts runs in each process, so
  // every server stamps its requests with the client's address (lib/auth/socket-stamp.ts).
  if (pageWorker) {
    // A worker whose front is gone has nobody to serve.
    process.on("disconnect", () => process.exit(0));
  }
  const go = launched ? waitForGo() : Promise.resolve({});
  const fastPath = pageWorker ? null : loadFastPath();
  const { nextStart } = require("next/dist/cli/next-start");
  require("next/dist/server/next-server");
  Object.assign(process.env, await go);
  const fast = await fastPath;
  const wrap = fast && process.env.EXTENT_FAST_PATH !== "0" ? fast.startFastPath().wrap : (listener) => listener;
  interceptNextServer(wrap, (server) => {
    // The front learns where this worker listens (a port of its own on loopback).
    // Its priority is lowered only now: loading Next, most of the start-up, runs at the
    // normal priority, so a busy machine does not hold back the server's start.
    if (pageWorker) {
      server.once("listening", () => {
        lowerPriority(Number(process.env.EXTENT_PAGE_NICE_APPLIED ?? "0"));
        process.send?.({ type: "listening", port: server.address().port });
      });
    }
  });
  // Next's "Ready in" counts from here, not from the module loading that went before.
  process.env.NEXT_PRIVATE_START_TIME = String(Date.now());
  await nextStart(pageWorker ? { hostname: "127.0.0.1", port: 0, keepAliveTimeout: WORKER_KEEP_ALIVE_MS } : { hostname: host, port }, root);
}

/** The front process: the public port, the fast path, and the page workers behind it. */
async function front() {
  const stampKey = randomBytes(24).toString("base64url");
  const nice = Number(process.env.EXTENT_PAGE_NICE ?? "19");
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new Error(`EXTENT_PAGE_NICE must be a whole number from 0 to 19, not "${process.env.EXTENT_PAGE_NICE}".`);
  const backends = new Backends();
  const fastPath = loadFastPath();
  let stopping = false;
  /** @type {Record<string, string> | null} */
  let goEnv = launched ? null : {};
  let goAt = Date.now();
  /** @type {http.Server | null} */
  let server = null;
  const children = new Map();
  const started = new Map();
  // Workers listening for "go" (one sent earlier would be lost).
  const ready = new Set();
  let nextId = 1;

  const workerEnv = (env) => ({ ...env, [STAMP_KEY]: stampKey });
  const fork_ = () => {
    const id = nextId++;
    const child = fork(path.join(root, "scripts", "serve.mjs"), ["--page-worker"], {
      env: workerEnv({ ...process.env, EXTENT_PAGE_NICE_APPLIED: String(nice) }),
      stdio: "inherit",
    });
    children.set(id, child);
    started.set(id, Date.now());
    child.on("message", (msg) => {
      if (msg?.type === "ready") {
        ready.add(id);
        if (goEnv) child.send({ type: "go", env: workerEnv(goEnv) });
      }
      if (msg?.type === "listening" && Number.isInteger(msg.port)) {
        backends.add(id, msg.port);
        onListening();
      }
    });
    child.on("exit", (code, signal) => onExit(id, code, signal));
    return child;
  };

  // One worker first, the others once it has answered its first request (or a few seconds
  // after it listens, if none comes): on a small machine the first worker then loads Next and
  // the modules of its first request with a core to itself, so the server answers about as
  // soon as one process can, and the others load while it serves.
  let first = true;
  let othersForked = false;
  const forkOthers = () => {
    if (othersForked || stopping) return;
    othersForked = true;
    for (let i = 1; i < workers; i++) fork_();
  };
  const onListening = () => {
    if (!first) return;
    first = false;
    setTimeout(forkOthers, OTHERS_AFTER_MS).unref();
    openFront();
  };

  // The public port opens once there is a worker to send to and the fast path is ready.
  const openFront = async () => {
    const fast = await fastPath;
    if (stopping) return;
    const forward = createForwarder({ backends, stampKey, onAnswered: forkOthers });
    const listener = fast && process.env.EXTENT_FAST_PATH !== "0" ? fast.startFastPath().wrap(forward) : forward;
    server = http.createServer(listener);
    server.on("error", (e) => {
      console.error("[extent] The server could not listen:", e);
      stop(1);
    });
    server.listen(port, host, () => console.log(`[extent] Front process ${process.pid} on ${host}:${port}, ${workers} page workers (nice ${nice}).`));
  };

  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    // No new connections; requests under way finish (Next's workers finish theirs on SIGTERM).
    server?.close();
    server?.closeIdleConnections();
    const alive = [...children.values()];
    for (const c of alive) c.kill("SIGTERM");
    if (alive.length === 0) process.exit(code);
    // Next closes in well under this; a worker that hangs must not keep the process.
    setTimeout(() => process.exit(code), 10_000).unref();
  };

  const onExit = (id, code, signal) => {
    children.delete(id);
    ready.delete(id);
    backends.remove(id);
    if (stopping) {
      if (children.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // Ctrl+C reaches every process in the group: a worker that was stopped, not one that
    // crashed, means the server is stopping.
    if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") {
      stop(0);
      return;
    }
    console.error(`[extent] Page worker ${id} exited (${signal ?? `code ${code}`}).`);
    // A worker that dies straight after it was told to serve would die again: stop rather than loop.
    if (!goEnv || Date.now() - Math.max(goAt, started.get(id) ?? 0) < 10_000) {
      console.error("[extent] It failed while starting; stopping the others.");
      stop(1);
      return;
    }
    fork_();
  };

  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  fork_();
  if (launched) {
    const env = await waitForGo();
    goEnv = env;
    goAt = Date.now();
    Object.assign(process.env, env);
    delete process.env[STAMP_KEY];
    for (const [id, c] of children) if (ready.has(id) && c.connected) c.send({ type: "go", env: workerEnv(env) });
  }
}

const main = !pageWorker && workers > 1 ? front : serve;
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
