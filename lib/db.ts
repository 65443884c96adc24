import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;

// One pg.Pool per process, shared by Prisma (through PrismaPg) and the job queue (pg-boss's
// executeSql, lib/jobs/boss.ts), so the queue never opens a connection of its own: the
// embedded database allows one (DATABASE_POOL_MAX=1, decision 040). pg-boss cannot go through
// the Prisma client itself (its `regclass` columns fail to deserialize).
// Both are created on first use: building them at import time broke `next build`, which
// imports route modules without a database. Kept on globalThis so Next's dev reloads do not
// open a new pool per edit.
const holder = globalThis as unknown as { extentDb?: PrismaClient; extentPool?: pg.Pool };

/** The process's one connection pool; only lib/db.ts and lib/jobs/ use it directly. */
export function pool(): pg.Pool {
  if (!holder.extentPool) {
    const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_MAX });
    // An idle connection the server drops (a restart, the embedded database stopping) must
    // not crash the process with an unhandled 'error' event; the pool replaces it.
    created.on("error", (e) => console.warn("[extent] A database connection was lost:", e.message));
    holder.extentPool = created;
  }
  return holder.extentPool;
}

export function db(): PrismaClient {
  holder.extentDb ??= new PrismaClient({
    adapter: new PrismaPg(pool()),
    // With a one-connection pool (embedded database) a transaction may queue behind others.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return holder.extentDb;
}

export async function disconnectDb(): Promise<void> {
  await holder.extentDb?.$disconnect();
  holder.extentDb = undefined;
  // PrismaPg leaves a pool it was given open on $disconnect.
  const open = holder.extentPool;
  holder.extentPool = undefined;
  await open?.end();
}
