// `npm start`: everything a newcomer needs in one command. Without DATABASE_URL it runs an
// embedded PostgreSQL (PGlite) kept in .data/pglite, behind a generated password; it applies
// migrations with Prisma Migrate, seeds the demo data once (into the embedded database only,
// unless `--demo` or SEED_DEMO=1 asks for it), builds the app if the build is missing or
// stale, and serves it on HOST:PORT (default 127.0.0.1:3000, this machine only). `--dev`
// runs `next dev` instead of a production build.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { appOrigin, appTimeZone } from "../lib/env";

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
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "rubrics"].filter((d) => existsSync(path.join(root, d)));
  return sources.some((d) => newestSource(path.join(root, d)) > built);
}

async function main() {
  // A misspelt APP_TIME_ZONE or APP_ORIGIN stops here, before a database or build, not on the first page.
  try {
    log(`School time zone: ${appTimeZone()}`);
    log(`Served as ${appOrigin()} (APP_ORIGIN)`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, SESSION_SECRET: process.env.SESSION_SECRET || generatedSecret("session-secret") };
  let stopDb: (() => Promise<void>) | undefined;

  if (!env.DATABASE_URL) {
    log(`No DATABASE_URL: starting the embedded database in ${path.relative(root, dataDir) || "."}/pglite …`);
    // The database files hold password hashes: this user only, also for a folder made
    // before this was done.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), password: generatedSecret("database-password") });
    env.DATABASE_URL = embedded.url;
    // pglite-socket mixes up overlapping queries from several connections
    // (electric-sql/pglite#1046), so the app talks to it over one.
    env.DATABASE_POOL_MAX = "1";
    stopDb = embedded.stop;
  } else {
    log("Using the PostgreSQL server at DATABASE_URL.");
  }

  log("Applying migrations …");
  await run("npx", ["prisma", "migrate", "deploy"], env);
  // The seed script logs what it did, or how to ask for the demo on a DATABASE_URL database.
  // react-server: lib/db.ts is marked `server-only`, which throws under any other condition.
  await run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts", "--on-start", ...(stopDb ? ["--embedded"] : []), ...(demo ? ["--demo"] : [])], env);

  if (!dev && buildIsStale()) {
    log("Building the app (first run, or the source changed) …");
    await run("npx", ["next", "build"], env);
  }

  // The address the server binds; APP_ORIGIN (logged above) is the one people open.
  const bound = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`Listening on ${bound}${host === "127.0.0.1" ? " (this machine only; set HOST to serve others)" : ""}`);
  const next = spawn("npx", ["next", dev ? "dev" : "start", "-H", host, "-p", port], { cwd: root, env, stdio: "inherit" });

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    // PGlite must close cleanly or its data folder can be left needing recovery.
    await stopDb?.();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
