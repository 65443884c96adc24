import pg from "pg";

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/**
 * A throwaway database on the PostgreSQL service for one bench run, named after the bench and
 * this process: created now, dropped (forcibly, whoever is still connected) by `drop()`. The
 * benches run on loopback only, so BENCH_POSTGRES_URL may not name another machine.
 */
export async function benchDatabase(prefix: string, say: (line: string) => void) {
  const admin = new URL(process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  if (!LOOPBACK.includes(admin.hostname)) throw new Error("The bench runs on loopback only: BENCH_POSTGRES_URL must name 127.0.0.1.");
  const name = `extent_${prefix}_${process.pid}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const adminClient = new pg.Client({ connectionString: admin.href });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  return {
    name,
    url,
    async drop() {
      await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e: unknown) => say(`could not drop ${name}: ${String(e)}`));
      await adminClient.end();
    },
  };
}
