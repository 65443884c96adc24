import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { startPasswordGate } from "./embedded-postgres-gate";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

// PGlite behind a Postgres wire-protocol socket, so the app, Prisma Migrate and the tests
// use the same pg driver against it as against a real server. `dataDir` omitted means an
// in-memory database (tests); otherwise it persists in that folder.
//
// pglite-socket accepts any user and password, so it listens only on a unix socket in a
// folder only this user can enter, and clients reach it on 127.0.0.1 through a gate that
// checks `password` with SCRAM-SHA-256 (embedded-postgres-gate.ts). Without a password a
// random one is made for this run (tests); `npm start` keeps one in the data folder.
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; password?: string } = {}): Promise<EmbeddedPostgres> {
  // PGlite does not create missing parent folders.
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const password = opts.password ?? randomBytes(24).toString("hex");
  const pg = await PGlite.create(opts.dataDir);
  // mkdtemp makes the folder 0700; the short name keeps the socket path under the OS limit.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "extent-pg-"));
  const socketPath = path.join(socketDir, ".s.PGSQL");
  // Also removed when the process exits without stop() (a signal handler calling exit).
  const removeSocketDir = () => rmSync(socketDir, { recursive: true, force: true });
  process.once("exit", removeSocketDir);
  // The default of one connection drops a pool's second connection; queries from many
  // connections are serialised by the server, and a transaction holds it exclusively.
  const server = new PGLiteSocketServer({ db: pg, path: socketPath, maxConnections: 50 });
  await server.start();
  const gate = await startPasswordGate({ password, upstreamPath: socketPath, host: "127.0.0.1", port: opts.port ?? 0 });
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${gate.port}/postgres?sslmode=disable`,
    stop: async () => {
      await gate.stop();
      await server.stop();
      await pg.close();
      process.removeListener("exit", removeSocketDir);
      removeSocketDir();
    },
  };
}
