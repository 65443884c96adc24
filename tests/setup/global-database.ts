import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

// TEST_POSTGRES_URL names a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres);
// without it the integration tests run on an embedded PGlite.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase(process.env.TEST_POSTGRES_URL);
  project.provide("databaseUrl", database.url);
  project.provide("embeddedDatabase", !process.env.TEST_POSTGRES_URL);
  return () => database.drop();
}
