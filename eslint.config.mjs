import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import extent from "./eslint-rules/use-server-exports.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", ".data/**", ".scratch/**", "next-env.d.ts", "docs/research/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Actions are public endpoints: every export of a "use server" file is a safeAction
  // (eslint-rules/use-server-exports.mjs, tested in eslint-rules/use-server-exports.test.ts).
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { extent },
    rules: { "extent/use-server-exports": "error" },
  },
  // One shape for client → server calls: a component calls a server action through
  // callAction (or hands useActionState a guardAction), so a dropped connection or a 5xx is
  // a message beside the control, not a button stuck on "Saving…" or the error page.
  // Server actions are named …Action; ActionForm is the one form component that wraps them.
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "AwaitExpression > CallExpression[callee.name=/Action$/]:not([callee.name='callAction'])",
          "AwaitExpression > CallExpression[callee.property.name=/Action$/]",
          "MemberExpression[property.name=/^(then|catch|finally)$/] > CallExpression.object[callee.name=/Action$/]:not([callee.name='callAction'])",
        ].map((selector) => ({ selector, message: "Call server actions through callAction(() => xAction(...)) from @/lib/client/call-action, so a network failure becomes a message." })),
        {
          selector: "CallExpression[callee.name='useActionState'][arguments.0.name=/Action$/]",
          message: "Wrap the action once, outside the component: useActionState(guardAction(xAction), …) from @/lib/client/call-action.",
        },
      ],
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
            // The trust boundary: lib/<domain>/internal/ holds helpers that take no acting user
            // (their callers in lib/ have already authorized); routes use the guarded functions.
            { group: ["@/lib/*/internal/*", "**/internal/*", "**/internal"], message: "lib/**/internal/ helpers do not check who is acting: call the guarded lib/ function that takes the user." },
            ...extra,
          ],
        },
      ],
    },
  })),
]);
