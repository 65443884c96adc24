import { createServer } from "node:net";
import pg from "pg";
import { startApp, type App } from "../../bench/app";

// For the browser tests that run their own app on the PostgreSQL service (the autosave fast
// path behind the front, an LTI launch): they are skipped when no service answers (CI always
// has one).

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function postgresUp(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A loopback port nobody listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * The built app under `npm start` on a database of its own on the service, with a client on
 * that database for the test's own rows; `stop` ends both and drops the database.
 */
export async function startAppOnOwnDatabase(prefix: string, sessionSecret: string, workers: number): Promise<{ app: App; client: pg.Client; stop: () => Promise<void> }> {
  const dbName = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${dbName}`;
  process.env.WEB_CONCURRENCY = String(workers);
  let app: App | undefined;
  let client: pg.Client | undefined;
  const stop = async () => {
    await app?.stop();
    await client?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  };
  try {
    app = await startApp({ databaseUrl: url.href, sessionSecret, port: await freePort() });
    client = new pg.Client({ connectionString: url.href });
    await client.connect();
  } catch (e) {
    await stop();
    throw e;
  }
  return { app, client, stop };
}
