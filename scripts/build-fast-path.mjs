// Bundles the autosave fast path (lib/fast-path/server-entry.ts and what it imports from
// lib/) into .next/extent-fast-path.mjs for scripts/serve.mjs, which runs it ahead of Next
// (docs/decisions/020-autosave-fast-path.md). Run after `next build` (package.json's build,
// and scripts/start.ts when it builds). Packages stay in node_modules; only our TypeScript is
// compiled, so the bundle runs exactly the SQL and schemas the app runs.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

await build({
  entryPoints: [path.join(root, "lib", "fast-path", "server-entry.ts")],
  outfile: path.join(root, ".next", "extent-fast-path.mjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  alias: { "@": root },
  logLevel: "warning",
  // pg is CommonJS: an ESM bundle needs require for it.
  banner: { js: 'import { createRequire as __extentRequire } from "node:module"; const require = __extentRequire(import.meta.url);' },
});
