import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { tpsFromPgbench } from "./stats";

// The reference: what PostgreSQL itself does with the autosave's essential work, a single-row
// UPDATE of a same-sized essay per client, at the same concurrency, measured by pgbench.

export function pgbenchPath(): string | null {
  for (const p of [process.env.PGBENCH, "/usr/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench"]) if (p && existsSync(p)) return p;
  return null;
}

// max_connections is 100 by default and the app's pool holds some: pgbench clients are capped.
export const PGBENCH_MAX_CLIENTS = 64;

export async function pgbenchUpdate(opts: { client: pg.Client; url: URL; clients: number; seconds: number; text: string }): Promise<{ tps: number; clients: number; output: string }> {
  const bin = pgbenchPath();
  if (!bin) return { tps: Number.NaN, clients: 0, output: "pgbench not found (apt-get install postgresql-client, or set PGBENCH)" };
  const clients = Math.min(opts.clients, PGBENCH_MAX_CLIENTS);
  await opts.client.query(`DROP TABLE IF EXISTS bench_essay`);
  await opts.client.query(`CREATE TABLE bench_essay (id int PRIMARY KEY, text text NOT NULL, word_count int NOT NULL, revision int NOT NULL, updated_at timestamptz NOT NULL)`);
  await opts.client.query(`INSERT INTO bench_essay SELECT i, $1, 0, 0, now() FROM generate_series(1, $2) i`, [opts.text, clients]);
  const dir = mkdtempSync(path.join(tmpdir(), "extent-pgbench-"));
  try {
    const script = path.join(dir, "update.sql");
    const literal = `'${opts.text.replaceAll("'", "''")}'`;
    // :client_id is 0-based: each client updates its own row, as each writer saves its own draft.
    writeFileSync(script, `UPDATE bench_essay SET text = ${literal}, word_count = word_count + 1, revision = revision + 1, updated_at = now() WHERE id = :client_id + 1;\n`);
    const args = ["-n", "-h", opts.url.hostname, "-p", opts.url.port || "5432", "-U", decodeURIComponent(opts.url.username || "postgres"), "-c", String(clients), "-j", "2", "-T", String(opts.seconds), "-f", script, opts.url.pathname.slice(1)];
    const output = await new Promise<string>((resolve) => {
      let out = "";
      const child = spawn(bin, args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(opts.url.password) } });
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      child.on("close", () => resolve(out));
    });
    return { tps: tpsFromPgbench(output), clients, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await opts.client.query(`DROP TABLE IF EXISTS bench_essay`);
  }
}
