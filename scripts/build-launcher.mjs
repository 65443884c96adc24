// Bundles the launcher (scripts/start.ts and the lib/ files it imports) into
// .next/extent-start.mjs, with the list of those files beside it, so `npm start` runs it
// with plain node instead of loading tsx to compile them on every start (about a second on
// a busy two-core machine; docs/decisions/017). Run after `next build` (package.json's
// build, and scripts/start.ts when it builds). Packages stay in node_modules.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { LAUNCHER_BUNDLE, LAUNCHER_INPUTS } from "../lib/start/launcher-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");

const result = await build({
  entryPoints: [path.join(root, "scripts", "start.ts")],
  outfile: path.join(root, LAUNCHER_BUNDLE),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  alias: { "@": root },
  metafile: true,
  logLevel: "warning",
  banner: { js: 'import { createRequire as __extentRequire } from "node:module"; const require = __extentRequire(import.meta.url);' },
});
// The files the bundle was made from, relative to the repository (metafile paths are
// relative to the working directory). Written after the bundle: a source saved in between
// is newer than the bundle and so makes it stale, never the other way round.
const inputs = Object.keys(result.metafile.inputs)
  .map((p) => path.relative(root, path.resolve(p)))
  .filter((p) => !p.startsWith("node_modules"))
  .sort();
writeFileSync(path.join(root, LAUNCHER_INPUTS), `${JSON.stringify(inputs, null, 1)}\n`);
