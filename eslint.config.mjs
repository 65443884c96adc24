import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", ".data/**", ".scratch/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // One way to the database: only lib/ (and the tests and seed that build data) may
  // touch the Prisma client; routes and components go through lib functions.
  ...[
    { files: ["app/**"], extra: [] },
    {
      // Shared components are data-free: a feature screen that calls server actions lives
      // next to the route that owns it, or receives its actions as props.
      files: ["components/**"],
      extra: [{ group: ["@/app/*", "**/app/**"], message: "components/ holds shared, data-free pieces: move this screen next to its route or pass the action in as a prop." }],
    },
  ].map(({ files, extra }) => ({
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/generated/prisma/client", "@prisma/*", "pg"], message: "Use a lib/ function; only lib/ talks to the database." },
            { group: ["@/lib/db", "**/lib/db"], message: "Use a lib/ function; only lib/ talks to the database." },
            ...extra,
          ],
        },
      ],
    },
  })),
]);
