import { hash as argon2Hash } from "@node-rs/argon2";
import { randomBytes, scrypt, type ScryptOptions } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { availableParallelism, cpus } from "node:os";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { HashQueue } from "../lib/auth/hash-queue";
import { passwordProblem } from "../lib/auth/password-policy";

// Supports docs/decisions/011-password-hashing.md: what one hash costs at each candidate
// setting, and what concurrent sign-ins do to an unrelated request's latency with and
// without the hash queue. The libraries are called directly (not lib/auth/password.ts) so
// the "no queue" rows really have none.

const gzipAsync = promisify(gzip);
type Params = { kind: "scrypt"; N: number; r: number; p: number } | { kind: "argon2id"; memoryCost: number; timeCost: number; parallelism: number };
const label = (x: Params) =>
  x.kind === "scrypt" ? `scrypt N=2^${Math.log2(x.N)} r=${x.r} p=${x.p}` : `argon2id m=${x.memoryCost / 1024} MiB t=${x.timeCost} p=${x.parallelism}`;

function derive(password: string, salt: Buffer, x: Params): Promise<unknown> {
  if (x.kind === "argon2id") return argon2Hash(password, { memoryCost: x.memoryCost, timeCost: x.timeCost, parallelism: x.parallelism, salt });
  const opts: ScryptOptions = { N: x.N, r: x.r, p: x.p, maxmem: 256 * x.N * x.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password, salt, 32, opts, (e, key) => (e ? reject(e) : resolve(key))));
}
const scryptOf = (N: number, r = 8, p = 1): Params => ({ kind: "scrypt", N, r, p });
const argon2Of = (mib: number, timeCost: number): Params => ({ kind: "argon2id", memoryCost: mib * 1024, timeCost, parallelism: 1 });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function costOfOneHash(params: Params) {
  const salt = randomBytes(16);
  await derive("warm up", salt, params);
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < 5; i++) {
    const base = process.memoryUsage.rss();
    let max = base;
    const sampler = setInterval(() => (max = Math.max(max, process.memoryUsage.rss())), 1);
    const start = performance.now();
    await derive("correct horse battery", salt, params);
    times.push(performance.now() - start);
    clearInterval(sampler);
    peak = Math.max(peak, max - base);
  }
  return { time: median(times), memory: peak / 2 ** 20 };
}

// An unrelated request does what a page does besides the database: a file read and a gzip,
// both on libuv's worker threads, and a little JavaScript.
async function startServer(params: Params, queue: HashQueue | null): Promise<Server> {
  const page = Buffer.from("<p>The Secret Speech, 1956.</p>\n".repeat(2000));
  const salt = randomBytes(16);
  const server = createServer(async (req, res) => {
    if (req.url === "/sign-in") {
      const work = () => derive("a guessed password", salt, params);
      try {
        await (queue ? queue.run(work) : work());
        res.writeHead(401).end();
      } catch {
        res.writeHead(503).end();
      }
      return;
    }
    await readFile(new URL(import.meta.url));
    const body = await gzipAsync(page);
    res.writeHead(200, { "content-encoding": "gzip" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function get(server: Server, pathName: string): Promise<{ status: number; time: number }> {
  const { port } = server.address() as { port: number };
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: pathName, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, time: performance.now() - start }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function latencyUnderSignIns(params: Params, queue: HashQueue | null, concurrent = 16) {
  const server = await startServer(params, queue);
  try {
    const quiet: number[] = [];
    for (let i = 0; i < 20; i++) quiet.push((await get(server, "/page")).time);
    const start = performance.now();
    const signIns = Array.from({ length: concurrent }, () => get(server, "/sign-in"));
    let done = false;
    const all = Promise.all(signIns).then((r) => ((done = true), r));
    const busy: number[] = [];
    while (!done) {
      busy.push((await get(server, "/page")).time);
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await all;
    return {
      quiet: median(quiet),
      busyMedian: median(busy),
      busyP95: pct(busy, 0.95),
      busyMax: Math.max(...busy),
      signInsDone: performance.now() - start,
      refused: results.filter((r) => r.status === 503).length,
    };
  } finally {
    server.close();
  }
}

// Decision 011's numbers, not the deadline bench's: minutes of hashing, so only when named.
export const byNameOnly = true;

export async function run() {
  const OLD = scryptOf(2 ** 17);
  const SCRYPT = scryptOf(2 ** 15);
  const ARGON = argon2Of(19, 2);
  console.log(`${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} cores, Node ${process.version}, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? "4 (default)"}\n`);

  console.log("## One hash (median of 5, peak RSS growth while it runs)\n");
  console.log("| parameters | time | memory |\n| --- | --- | --- |");
  for (const params of [OLD, scryptOf(2 ** 16), SCRYPT, scryptOf(2 ** 15, 8, 3), scryptOf(2 ** 14), ARGON, argon2Of(46, 1), argon2Of(64, 3)]) {
    const { time, memory } = await costOfOneHash(params);
    console.log(`| ${label(params)} | ${ms(time)} | ${memory.toFixed(0)} MiB |`);
  }

  for (const concurrent of [16, 64]) {
    console.log(`\n## An unrelated request (file read + gzip) while ${concurrent} sign-ins hash at once\n`);
    console.log(`| hashing | quiet | busy median | busy p95 | busy max | ${concurrent} sign-ins done | refused |\n| --- | --- | --- | --- | --- | --- | --- |`);
    const queue = (concurrency: number, maxWaiting = 64) => new HashQueue({ concurrency, maxWaiting });
    const rows: Array<[string, Params, HashQueue | null]> =
      concurrent === 16
        ? [
            [`${label(OLD)}, no queue (before)`, OLD, null],
            [`${label(OLD)}, queue of 1`, OLD, queue(1)],
            [`${label(SCRYPT)}, no queue`, SCRYPT, null],
            [`${label(SCRYPT)}, queue of 1`, SCRYPT, queue(1)],
            [`${label(SCRYPT)}, queue of 2`, SCRYPT, queue(2)],
            [`${label(ARGON)}, no queue`, ARGON, null],
            [`${label(ARGON)}, queue of 1`, ARGON, queue(1)],
            [`${label(ARGON)}, queue of 2`, ARGON, queue(2)],
          ]
        : [
            [`${label(ARGON)}, no queue`, ARGON, null],
            [`${label(ARGON)}, queue of 1, line of 64`, ARGON, queue(1)],
            [`${label(ARGON)}, queue of 1, line of 16`, ARGON, queue(1, 16)],
          ];
    for (const [name, params, q] of rows) {
      const r = await latencyUnderSignIns(params, q, concurrent);
      console.log(`| ${name} | ${ms(r.quiet)} | ${ms(r.busyMedian)} | ${ms(r.busyP95)} | ${ms(r.busyMax)} | ${ms(r.signInsDone)} | ${r.refused} |`);
    }
  }

  console.log("\n## The sign-up password check (zxcvbn, on the request's thread; median of 5 after warm-up)\n");
  console.log("| password | time | verdict |\n| --- | --- | --- |");
  const about = { email: "sam.lee@example.test", name: "Sam Lee" };
  const start = performance.now();
  passwordProblem("first use builds the dictionaries", about);
  console.log(`| (first check: ranks the dictionaries) | ${ms(performance.now() - start)} | |`);
  const samples = ["password12", "lantern orbit cactus", "Summer2024!", "x".repeat(200), "P@$$w0rd!".repeat(22), "abcdefghijklmnopqrstuvwxyz0123456789".repeat(5), "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/"];
  for (const password of samples) {
    const times: number[] = [];
    let verdict: string | null = null;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      verdict = passwordProblem(password, about);
      if (i > 0) times.push(performance.now() - t);
    }
    const shown = password.length > 24 ? `${password.slice(0, 20)}… (${password.length})` : password;
    console.log(`| \`${shown}\` | ${ms(median(times))} | ${verdict ? "refused" : "accepted"} |`);
  }
}
