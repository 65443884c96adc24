import path from "node:path";
import { defineConfig } from "vitest/config";

// lib/db.ts imports "server-only", whose default export throws: only the "react-server"
// condition (set by Next for server code) resolves it to an empty module. Tests run lib/ as
// the server does, so they get the empty module too.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

// Two tiers run by `npm test`: unit tests beside the pure code in lib/, and integration
// tests against a real database (embedded PGlite by default, or the PostgreSQL server named
// by TEST_POSTGRES_URL). Browser tests are a third project, run by `npm run test:browser`.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "eslint-rules/**/*.test.ts", "bench/**/*.test.ts"], environment: "node", setupFiles: ["tests/setup/fail-on-console-error.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/integration.ts"],
          // One database for the run, so test files take turns rather than race on it.
          fileParallelism: false,
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          // The test OpenID provider first: the app is started with its issuer in the environment.
          globalSetup: ["tests/browser/oidc-provider.ts", "tests/browser/global-app.ts"],
          // One app and one browser at a time: the machines have two cores.
          fileParallelism: false,
          hookTimeout: 120_000,
          testTimeout: 90_000,
          // A page answers in well under a second on a quiet machine but can take several on a
          // loaded CI one; vitest's default of one second made bare expect.poll calls flaky.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
