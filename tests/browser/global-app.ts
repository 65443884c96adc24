import { spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForHealth(url: string, deadline: number, exited: () => boolean) {
  while (Date.now() < deadline) {
    if (exited()) throw new Error("The app exited before it was ready; see the app log.");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not become healthy at ${url}`);
}

// Starts the app exactly as a newcomer does (`npm start`: embedded database, migrations,
// demo seed, build if stale), in a throwaway data folder. BROWSER_BASE_URL skips this and
// tests an app that is already running.
export default async function setup(project: TestProject) {
  if (process.env.BROWSER_BASE_URL) {
    project.provide("baseURL", process.env.BROWSER_BASE_URL);
    return;
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "extent-browser-"));
  const logFile = path.join(root, "test-results", "browser-app.log");
  rmSync(logFile, { force: true });
  await import("node:fs").then((fs) => fs.mkdirSync(path.dirname(logFile), { recursive: true }));
  const log = openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EXTENT_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // The app listens on 127.0.0.1 unless HOST says otherwise; a HOST from the shell must not
  // move it away from the address the tests use.
  delete env.HOST;
  // The origin the browsers use: what redirects are resolved against and what decides the
  // cookie's Secure flag and HSTS (plain http here, so neither).
  env.APP_ORIGIN = `http://127.0.0.1:${port}`;
  // Every person in every browser test signs up from 127.0.0.1, a few hundred in a run: more
  // than one school address's hourly allowance (decision 010), which sign-in-abuse tests.
  env.SIGN_UPS_PER_HOUR = "5000";
  // The server's own zone must never show: run it far from the school's (APP_TIME_ZONE,
  // default Europe/London) and from the browsers', so a date formatted with the process's
  // zone anywhere shows up as a wrong time or a hydration error (tests/browser/time-zone.test.ts).
  if (!env.APP_TIME_ZONE) env.TZ = "Asia/Tokyo";
  const app = spawn("npx", ["tsx", "scripts/start.ts"], { cwd: root, env, stdio: ["ignore", log, log], detached: true });
  let exited = false;
  app.on("exit", () => (exited = true));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, Date.now() + 10 * 60_000, () => exited);
  project.provide("baseURL", baseURL);

  return async () => {
    if (!exited && app.pid) {
      process.kill(-app.pid, "SIGTERM");
      await new Promise((r) => app.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
