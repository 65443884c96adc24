// Bundles the launcher (scripts/start.ts and the lib/ files it imports) into
// .next/extent-start.mjs, with the list of those files beside it, so `npm start` runs it
// with plain node instead of loading tsx to compile them on every start (about a second on
// a busy two-core machine; docs/decisions/017). Run after `next build` (package.json's
// build, and scripts/start.ts when it builds). Packages stay in node_modules.
//
// What the launcher imports only when it needs it (lib/env.ts with zod, the embedded
// database with PGlite) goes into chunks of its own beside the bundle (code splitting), so
// those packages load after the launcher has started the server, not before: in one file
// esbuild hoists their imports to the top, and loading them delayed the server's start by
// ~0.1–0.2 s.
import { build } from "esbuild";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LAUNCHER_BUNDLE, LAUNCHER_INPUTS } from "../lib/start/launcher-bundle.mjs";

const LAUNCHER_CHUNK_PREFIX = "extent-start-chunk-";

const root = path.resolve(import.meta.dirname, "..");

const outdir = path.dirname(path.join(root, LAUNCHER_BUNDLE));
// The previous build's chunks (their names carry a hash of their content).
for (const f of readdirSync(outdir)) if (f.startsWith(LAUNCHER_CHUNK_PREFIX)) rmSync(path.join(outdir, f));
const result = await build({
  entryPoints: { [path.basename(LAUNCHER_BUNDLE, ".mjs")]: path.join(root, "scripts", "start.ts") },
  outdir,
  outExtension: { ".js": ".mjs" },
  // Beside the bundle, not in a folder: the launcher finds the repository from its own folder.
  chunkNames: `${LAUNCHER_CHUNK_PREFIX}[hash]`,
  splitting: true,
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
