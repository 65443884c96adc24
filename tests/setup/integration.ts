import { afterAll, beforeEach, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

const { db, disconnectDb } = await import("../../lib/db");
const { truncateAll } = await import("./test-database");

beforeEach(async () => {
  await truncateAll(db());
});

afterAll(async () => {
  await disconnectDb();
});
