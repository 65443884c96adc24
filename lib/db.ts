import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;

// One client per process, created on first use: building it at import time broke
// `next build`, which imports route modules without a database. Kept on globalThis so
// Next's dev reloads do not open a new pool per edit.
const holder = globalThis as unknown as { extentDb?: PrismaClient };

export function db(): PrismaClient {
  holder.extentDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_MAX }),
    // With a one-connection pool (embedded database) a transaction may queue behind others.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return holder.extentDb;
}

export async function disconnectDb(): Promise<void> {
  await holder.extentDb?.$disconnect();
  holder.extentDb = undefined;
}

