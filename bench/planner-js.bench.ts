import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { markdownTable, num } from "./stats";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// The JavaScript a page makes the browser load first, from the build's manifests (run after
// `next build`; `npm run bench` has built by the time this runs, as it sorts after the
// deadline bench). Counted as decision 018 counts it: the framework's root main files plus
// the entry chunks of the route's own segments (root layout … page) in its client reference
// manifest; polyfills (only for old browsers) and chunks loaded later (next/dynamic,
// prefetches) are not. Issue 11's target: the student's assignment page (the planner) at no
// more than 1.2× the framework baseline, `/_not-found` (framework + root layout).

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, ".next");

type Manifest = { entryJSFiles?: Record<string, string[]> };

function manifestOf(route: string): Manifest {
  const file = path.join(dist, "server", "app", `${route}_client-reference-manifest.js`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, Manifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  return Object.values(sandbox.__RSC_MANIFEST ?? {})[0] ?? {};
}

/** The files `route` (e.g. "assignments/[assignmentId]/page") loads first, framework included. */
export function firstLoadFiles(route: string): string[] {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const segments = route.split("/").slice(0, -1);
  // The segments on the route's path: app/layout, app/<a>/layout, …, app/<route>.
  const own = new Set(["[project]/app/layout", `[project]/app/${route}`, ...segments.map((_, i) => `[project]/app/${segments.slice(0, i + 1).join("/")}/layout`)]);
  const entries = Object.entries(manifestOf(route).entryJSFiles ?? {}).filter(([key]) => own.has(key));
  return [...new Set([...rootMainFiles, ...entries.flatMap(([, files]) => files)])];
}

export function sizeOf(files: string[]): { raw: number; gzip: number } {
  return files.reduce(
    (sum, f) => {
      const body = readFileSync(path.join(dist, f));
      return { raw: sum.raw + body.length, gzip: sum.gzip + gzipSync(body, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
}

const ROUTES = [
  ["/_not-found (baseline)", "_not-found/page"],
  ["/sign-in", "sign-in/page"],
  ["/assignments/[id] (the planner)", "assignments/[assignmentId]/page"],
] as const;

export async function run() {
  if (!existsSync(path.join(dist, "BUILD_ID"))) {
    console.log("No build in .next: run `npm run build` first.");
    return;
  }
  const built = statSync(path.join(dist, "BUILD_ID")).mtime.toISOString().slice(0, 16).replace("T", " ");
  const sizes = ROUTES.map(([label, route]) => ({ label, ...sizeOf(firstLoadFiles(route)) }));
  const base = sizes[0]!.gzip;
  console.log(`First-load JavaScript per page (build of ${built} UTC; gzip -9; decision 018's count):\n`);
  console.log(markdownTable(["Page", "Raw", "Gzip", "× baseline"], sizes.map((s) => [s.label, kb(s.raw), kb(s.gzip), `${num(s.gzip / base, 2)}×`])));
  console.log("");
}
