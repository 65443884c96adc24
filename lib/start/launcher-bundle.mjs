// Whether `npm start` may run the launcher from its bundle (docs/decisions/017). Plain
// JavaScript because scripts/launch.mjs reads it before anything can compile TypeScript.
//
// `npm run build` bundles scripts/start.ts and the lib/ files it imports into
// .next/extent-start.mjs (scripts/build-launcher.mjs) and lists those files beside it. The
// bundle is fresh while it and its list exist and no listed file is missing or newer than
// it; otherwise the launcher runs from its TypeScript through tsx, as a fresh checkout does.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

export const LAUNCHER_BUNDLE = path.join(".next", "extent-start.mjs");
export const LAUNCHER_INPUTS = path.join(".next", "extent-start.inputs.json");

/**
 * Pure: the bundle's modification time (null: none), and each input's (null: gone).
 * @param {number | null} builtMs
 * @param {(number | null)[] | null} inputMs
 */
export function bundleIsFresh(builtMs, inputMs) {
  if (builtMs === null || inputMs === null || inputMs.length === 0) return false;
  return inputMs.every((m) => m !== null && m <= builtMs);
}

/** @param {string} file */
function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Reads the bundle's list and stats each file (a dozen, well under a millisecond).
 * @param {string} root the repository
 */
export function launcherBundleIsFresh(root) {
  let inputs = null;
  try {
    const parsed = JSON.parse(readFileSync(path.join(root, LAUNCHER_INPUTS), "utf8"));
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === "string")) inputs = parsed;
  } catch {
    inputs = null;
  }
  return bundleIsFresh(
    mtimeOf(path.join(root, LAUNCHER_BUNDLE)),
    inputs && inputs.map((p) => mtimeOf(path.join(root, p))),
  );
}
