// `npm start` and `npm run dev`: the launcher, scripts/start.ts, run from the bundle
// `npm run build` makes of it when that bundle is fresh (plain node: nothing to compile),
// otherwise from its TypeScript through tsx, as on a fresh checkout, where it then builds,
// bundle included, so the next start is the quick one (docs/decisions/017).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LAUNCHER_BUNDLE, launcherBundleIsFresh } from "../lib/start/launcher-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");

if (launcherBundleIsFresh(root)) {
  await import(pathToFileURL(path.join(root, LAUNCHER_BUNDLE)).href);
} else {
  // What `node --import tsx` does: register tsx's loaders, then import the TypeScript.
  await import("tsx");
  await import("./start.ts");
}
