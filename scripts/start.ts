// `npm start`: everything a newcomer needs in one command. Without DATABASE_URL it runs an
// embedded PostgreSQL (PGlite) kept in .data/pglite, behind a generated password; it applies
// migrations with Prisma Migrate, seeds the demo data once (into the embedded database only,
// unless `--demo` or SEED_DEMO=1 asks for it), builds the app if the build is missing or
// stale, and serves it on HOST:PORT (default 127.0.0.1:3000, this machine only), with one
// server process per core on a PostgreSQL server (WEB_CONCURRENCY to choose). `--dev`
// runs `next dev` instead of a production build.
//
// A restart is fast (docs/decisions/017-start-up-and-cores.md): one query decides that the
// migrations are all applied and another that the demo is seeded, so neither the migrate CLI
// nor the seed script is started; the server is run with node directly, not through npx.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { migrateReportedSuccess, pendingMigrations, type AppliedMigration } from "../lib/start/migrations";
import { workerCount } from "../lib/start/workers";
import { launcherBundleIsFresh } from "../lib/start/launcher-bundle.mjs";

// One level below the repository both here (scripts/) and in the bundle `npm run build`
// makes of this file (.next/extent-start.mjs, run by scripts/launch.mjs).
const root = path.resolve(import.meta.dirname, "..");
// EXTENT_DATA_DIR lets the browser tests run a throwaway copy beside a developer's own data.
const dataDir = path.resolve(process.env.EXTENT_DATA_DIR ?? path.join(root, ".data"));
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
// Loopback unless told otherwise: a laptop on a school network should not serve the demo
// accounts to the room. HOST=0.0.0.0 (or an address) to serve others, e.g. behind a proxy.
const host = process.env.HOST || "127.0.0.1";
// Demo accounts in a DATABASE_URL database only when asked (docs/decisions/013-…).
const demo = process.argv.includes("--demo") || process.env.SEED_DEMO === "1";

function log(msg: string) {
  console.log(`[extent] ${msg}`);
}

// Asynchronous on purpose: the embedded database is served from this process's event
// loop, so a blocking spawnSync would deadlock the migration that talks to it.
async function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const code = await new Promise<number | null>((resolve) => {
    spawn(cmd, args, { cwd: root, env, stdio: "inherit" }).on("exit", resolve);
  });
  if (code !== 0) {
    log(`\`${cmd} ${args.join(" ")}\` failed (exit ${code}).`);
    process.exit(code ?? 1);
  }
}

// The CLIs by their files, run with this node: npx costs a few hundred milliseconds a time.
const bin = {
  prisma: path.join(root, "node_modules", "prisma", "build", "index.js"),
  tsx: path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
  next: path.join(root, "node_modules", "next", "dist", "bin", "next"),
};

// `prisma migrate deploy`, ended as soon as it reports success: its WASM engine otherwise
// keeps the process alive on a timer for about ten seconds after the work is done.
async function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [bin.prisma, "migrate", "deploy"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  let succeeded = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString("utf8");
    if (!succeeded && migrateReportedSuccess(output)) {
      succeeded = true;
      child.kill("SIGTERM");
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (!succeeded && code !== 0) {
    log(`\`prisma migrate deploy\` failed (exit ${code}).`);
    process.exit(code ?? 1);
  }
}

function migrationFolders(): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

type DatabaseState = { pending: string[]; demo: "finished" | "interrupted" | "none" };

// Two small queries over one connection, closed before anything else connects (the embedded
// database serves one connection at a time well). A database without the tables yet is a
// fresh one: everything pending, no demo.
async function databaseState(url: string): Promise<DatabaseState> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ migrations: string | null; demo: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"')::text AS migrations, to_regclass('"DemoSeed"')::text AS demo`,
    );
    const { migrations, demo } = tables.rows[0] ?? { migrations: null, demo: null };
    let applied: AppliedMigration[] = [];
    if (migrations) {
      const rows = await client.query<{ name: string; finished: boolean; rolled_back: boolean }>(
        `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM "_prisma_migrations"`,
      );
      applied = rows.rows.map((r) => ({ name: r.name, finished: r.finished, rolledBack: r.rolled_back }));
    }
    let demoState: DatabaseState["demo"] = "none";
    if (demo) {
      const rows = await client.query<{ finished: boolean }>(`SELECT "finishedAt" IS NOT NULL AS finished FROM "DemoSeed" WHERE key = 'demo'`);
      if (rows.rows[0]) demoState = rows.rows[0].finished ? "finished" : "interrupted";
    }
    return { pending: pendingMigrations(migrationFolders(), applied), demo: demoState };
  } finally {
    await client.end();
  }
}

// A secret generated once into the data folder (readable only by this user), so it survives
// restarts without configuration: the session secret and the embedded database's password.
function generatedSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(path.join(root, ".next", "extent-fast-path.mjs"))) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "rubrics"].filter((d) => existsSync(path.join(root, d)));
  return sources.some((d) => newestSource(path.join(root, d)) > built);
}

// The production server (scripts/serve.mjs) starts loading Next's modules straight away,
// alongside the database and the checks below, and waits for the environment to start
// serving ("go"): loading Next is most of its start-up time.
function spawnServer(workers: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    env: { ...process.env, HOST: host, PORT: port, EXTENT_WORKERS: String(workers) },
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  // It says "ready" once it listens for "go" (a message sent earlier would be lost).
  const ready = new Promise<void>((resolve) => {
    child.on("message", (msg: { type?: string } | null) => {
      if (msg?.type === "ready") resolve();
    });
  });
  return { child, ready };
}

async function main() {
  // Decided before anything is loaded, so the server processes can start loading Next now.
  const embeddedDb = !process.env.DATABASE_URL;
  const { count: workers, note } = workerCount({ cores: os.availableParallelism(), webConcurrency: process.env.WEB_CONCURRENCY, embedded: embeddedDb });
  const production = dev ? undefined : spawnServer(workers);
  let server: ChildProcess | undefined = production?.child;
  let stopDb: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server?.kill("SIGTERM");
    // PGlite must close cleanly or its data folder can be left needing recovery.
    await stopDb?.();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server?.on("exit", (code) => void shutdown(code ?? 1));

  const { appOrigin, appTimeZone } = await import("../lib/env");
  // A misspelt APP_TIME_ZONE or APP_ORIGIN stops here, before a database or build, not on the first page.
  try {
    log(`School time zone: ${appTimeZone()}`);
    log(`Served as ${appOrigin()} (APP_ORIGIN)`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, SESSION_SECRET: process.env.SESSION_SECRET || generatedSecret("session-secret") };

  if (embeddedDb) {
    log(`No DATABASE_URL: starting the embedded database in ${path.relative(root, dataDir) || "."}/pglite …`);
    // The database files hold password hashes: this user only, also for a folder made
    // before this was done.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    const { startEmbeddedPostgres } = await import("../lib/embedded-postgres");
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), password: generatedSecret("database-password") });
    env.DATABASE_URL = embedded.url;
    // pglite-socket mixes up overlapping queries from several connections
    // (electric-sql/pglite#1046), so the app talks to it over one.
    env.DATABASE_POOL_MAX = "1";
    // …and the autosave fast path, which has a pool of its own, stays off (decision 020).
    env.EXTENT_FAST_PATH = "0";
    stopDb = embedded.stop;
  } else {
    log("Using the PostgreSQL server at DATABASE_URL.");
  }

  if (note) log(note);

  const before = await databaseState(env.DATABASE_URL!);
  if (before.pending.length) {
    log(`Applying ${before.pending.length} migration(s) …`);
    await migrate(env);
  } else {
    log("Migrations: all applied.");
  }
  // The demo's own record (prisma/seed.ts, docs/decisions/013) says whether it was seeded; the
  // seed script runs only when it may have something to do or to say.
  const state = before.pending.length ? await databaseState(env.DATABASE_URL!) : before;
  if (state.demo === "finished") {
    log("Demo data: already seeded once in this database; left as it is (renamed or deleted demo accounts are not re-created).");
  } else if (!stopDb && !demo) {
    log("No demo data in the database at DATABASE_URL. To add the demo accounts (their password is published in the README), start once with `npm start -- --demo` or SEED_DEMO=1.");
  } else {
    // The seed script logs what it did. react-server: lib/db.ts is marked `server-only`,
    // which throws under any other condition.
    await run(process.execPath, [bin.tsx, "--conditions=react-server", "prisma/seed.ts", "--on-start", ...(stopDb ? ["--embedded"] : []), ...(demo ? ["--demo"] : [])], env);
  }

  if (!dev && buildIsStale()) {
    log("Building the app (first run, or the source changed) …");
    await run(process.execPath, [bin.next, "build"], env);
    await run(process.execPath, [path.join(root, "scripts", "build-fast-path.mjs")], env);
    await run(process.execPath, [path.join(root, "scripts", "build-launcher.mjs")], env);
  } else if (!dev && !launcherBundleIsFresh(root)) {
    // The app's build is current but this launcher changed (or was never bundled): bundle
    // it alone, a fraction of a second, so the next start runs it with plain node.
    await run(process.execPath, [path.join(root, "scripts", "build-launcher.mjs")], env);
  }

  // The address the server binds; APP_ORIGIN (logged above) is the one people open.
  const bound = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`Listening on ${bound}${host === "127.0.0.1" ? " (this machine only; set HOST to serve others)" : ""}${dev ? "" : ` with ${workers} server process${workers === 1 ? "" : "es"}`}`);
  if (production) {
    await production.ready;
    production.child.send({ type: "go", env });
  } else {
    server = spawn(process.execPath, [bin.next, "dev", "-H", host, "-p", port], { cwd: root, env, stdio: "inherit" });
    server.on("exit", (code) => void shutdown(code ?? 0));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
