// The production server as `npm start` runs it. scripts/start.ts spawns this with plain node
// (not npx or tsx) before it opens the database, so Next's modules load alongside the
// launcher's own work; the launcher then sends "go" with the environment (DATABASE_URL,
// SESSION_SECRET, …) once migrations, seed and build are done. Run without a launcher
// (`EXTENT_WORKERS=4 node scripts/serve.mjs` with the environment set) it starts at once.
//
// With EXTENT_WORKERS above 1 it is a Node cluster: this primary forks that many workers,
// each runs Next's own `next start` server in-process, and all of them listen on the same
// HOST:PORT. The primary accepts each connection and hands it to the workers in turn
// (round-robin), so a slow page ties up one worker's thread while the others keep serving
// (docs/decisions/017-start-up-and-cores.md).
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const workers = Number(process.env.EXTENT_WORKERS ?? "1");
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? "3000");
// Launched by scripts/start.ts (or, in a worker, by the primary): wait for "go".
const launched = typeof process.send === "function";

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

/** Puts the fast path in front of the request listener of the server Next is about to create. */
function interceptNextServer(wrap) {
  const create = http.createServer;
  http.createServer = (...args) => {
    http.createServer = create;
    const last = args.length - 1;
    if (typeof args[last] === "function") args[last] = wrap(args[last]);
    return create.apply(http, args);
  };
}

async function serve() {
  // Next's own `next start`, the same code path as the CLI. Loading it is most of the
  // start-up time, so it happens before "go". instrumentation.ts runs in each process, so
  // every worker stamps its sockets' addresses (lib/auth/socket-stamp.ts).
  const go = launched ? waitForGo() : Promise.resolve({});
  const fastPath = loadFastPath();
  const { nextStart } = require("next/dist/cli/next-start");
  require("next/dist/server/next-server");
  Object.assign(process.env, await go);
  const fast = await fastPath;
  if (fast && process.env.EXTENT_FAST_PATH !== "0") interceptNextServer(fast.startFastPath().wrap);
  // Next's "Ready in" counts from here, not from the module loading that went before.
  process.env.NEXT_PRIVATE_START_TIME = String(Date.now());
  await nextStart({ hostname: host, port }, root);
}

if (cluster.isPrimary && workers > 1) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  let stopping = false;
  /** @type {Record<string, string> | null} */
  let goEnv = launched ? null : {};
  let goAt = Date.now();
  const started = new Map();
  const ready = new Set();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.on("message", (msg) => {
      if (msg?.type !== "ready") return;
      ready.add(worker);
      if (goEnv) worker.send({ type: "go", env: goEnv });
    });
  };
  // One worker first, the others once it listens: on a small machine the first worker then
  // loads Next with a core to itself instead of sharing it with the rest, so the server
  // answers about as soon as one process can; the others join a second or so later and take
  // their share of new connections from then on.
  fork();
  cluster.once("listening", () => {
    for (let i = 1; i < workers; i++) fork();
  });
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    const alive = Object.values(cluster.workers ?? {});
    for (const w of alive) w?.process.kill("SIGTERM");
    if (alive.length === 0) process.exit(code);
    // Next closes in well under this; a worker that hangs must not keep the port.
    setTimeout(() => process.exit(code), 10_000);
  };
  if (launched) {
    waitForGo().then((env) => {
      goEnv = env;
      goAt = Date.now();
      for (const w of ready) if (w.isConnected()) w.send({ type: "go", env });
    });
  }
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    ready.delete(worker);
    // Ctrl+C reaches every process in the group: a worker that was stopped, not one that
    // crashed, means the server is stopping.
    if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") {
      stop(0);
      return;
    }
    console.error(`[extent] Server process ${worker.process.pid} exited (${signal ?? `code ${code}`}).`);
    // A worker that dies straight after it was told to serve would die again: stop rather than loop.
    if (!goEnv || Date.now() - Math.max(goAt, started.get(worker.id) ?? 0) < 10_000) {
      console.error("[extent] It failed while starting; stopping the others.");
      stop(1);
      return;
    }
    fork();
  });
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
} else {
  serve().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
