import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleIsFresh, LAUNCHER_BUNDLE, LAUNCHER_INPUTS, launcherBundleIsFresh } from "./launcher-bundle.mjs";

describe("bundleIsFresh", () => {
  it("is fresh when every input is as old as the bundle or older", () => {
    expect(bundleIsFresh(1000, [900, 1000])).toBe(true);
  });

  it("is stale when an input is newer, gone, or nothing was built or listed", () => {
    expect(bundleIsFresh(1000, [900, 1001])).toBe(false);
    expect(bundleIsFresh(1000, [900, null])).toBe(false);
    expect(bundleIsFresh(null, [900])).toBe(false);
    expect(bundleIsFresh(1000, null)).toBe(false);
    expect(bundleIsFresh(1000, [])).toBe(false);
  });
});

describe("launcherBundleIsFresh", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** A repository with scripts/start.ts and lib/env.ts at `sourceAt` seconds, and the bundle and its list at `builtAt`. */
  function repo(sourceAt: number, builtAt: number | null, list: unknown = ["scripts/start.ts", "lib/env.ts"]) {
    root = mkdtempSync(path.join(tmpdir(), "extent-launcher-"));
    for (const file of ["scripts/start.ts", "lib/env.ts"]) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), "// source\n");
      utimesSync(path.join(root, file), sourceAt, sourceAt);
    }
    if (builtAt !== null) {
      mkdirSync(path.join(root, ".next"), { recursive: true });
      writeFileSync(path.join(root, LAUNCHER_BUNDLE), "// bundle\n");
      writeFileSync(path.join(root, LAUNCHER_INPUTS), typeof list === "string" ? list : JSON.stringify(list));
      utimesSync(path.join(root, LAUNCHER_BUNDLE), builtAt, builtAt);
    }
    return root;
  }

  it("runs the bundle built after its sources", () => {
    expect(launcherBundleIsFresh(repo(1_000_000, 1_000_100))).toBe(true);
  });

  it("falls back to the TypeScript on a fresh checkout, after an edit, or with a damaged list", () => {
    expect(launcherBundleIsFresh(repo(1_000_000, null))).toBe(false);
    expect(launcherBundleIsFresh(repo(1_000_200, 1_000_100))).toBe(false);
    expect(launcherBundleIsFresh(repo(1_000_000, 1_000_100, ["scripts/start.ts", "lib/gone.ts"]))).toBe(false);
    expect(launcherBundleIsFresh(repo(1_000_000, 1_000_100, "not json"))).toBe(false);
    expect(launcherBundleIsFresh(repo(1_000_000, 1_000_100, { files: [] }))).toBe(false);
  });
});
