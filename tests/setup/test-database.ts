import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { startEmbeddedPostgres } from "../../lib/embedded-postgres";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The migrations Prisma Migrate applies, in order, applied directly (faster than the CLI). */
export async function applyMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const dir of readdirSync(migrationsDir).filter((d) => /^\d+_/.test(d)).sort()) {
      await client.query(readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8"));
    }
  } finally {
    await client.end();
  }
}

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test run. With a server URL (the PostgreSQL service)
 * it creates a uniquely named database there and drops it afterwards; without one it starts
 * an in-memory embedded PGlite, so `npm test` needs no server at all.
 */
export async function createTestDatabase(serverUrl: string | undefined): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    await applyMigrations(embedded.url);
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `extent_test_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

type TruncatingClient = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe" | "$transaction">;

/**
 * Empties every table between tests. The audit trail refuses TRUNCATE (decision 039), so its
 * trigger is switched off for this one transaction only (ALTER TABLE is transactional): the
 * app's own connections never see it off.
 */
export async function truncateAll(client: TruncatingClient) {
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (!tables.length) return;
  const audited = tables.some((t) => t.name === "AuditEvent");
  await client.$transaction([
    ...(audited ? [client.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_no_truncate`)] : []),
    client.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} CASCADE`),
    ...(audited ? [client.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_no_truncate`)] : []),
  ]);
}
