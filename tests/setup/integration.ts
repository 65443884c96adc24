import { afterAll, beforeEach, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// As the app does on the embedded database (see lib/env.ts): one connection.
if (inject("embeddedDatabase")) process.env.DATABASE_POOL_MAX = "1";
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

const { db, disconnectDb } = await import("../../lib/db");
const { truncateAll } = await import("./test-database");

beforeEach(async () => {
  await truncateAll(db());
});

afterAll(async () => {
  await disconnectDb();
});
