import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

// PGlite behind a Postgres wire-protocol socket, so the app, Prisma Migrate and the tests
// use the same pg driver against it as against a real server. `dataDir` omitted means an
// in-memory database (tests); otherwise it persists in that folder.
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  // PGlite does not create missing parent folders.
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pg = await PGlite.create(opts.dataDir);
  // The default of one connection drops a pool's second connection; queries from many
  // connections are serialised by the server, and a transaction holds it exclusively.
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 50 });
  await server.start();
  const port = server.getServerConn().split(":").pop();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pg.close();
    },
  };
}
