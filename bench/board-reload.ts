import pg from "pg";
import { postgresCpuMs, type App } from "./app";
import { reloadLoop, runWriters, type WriteResult } from "./load";
import { ratio } from "./stats";
import { writersWorld } from "./world";

// Issue 11's "a slow teacher page must not stall writers" measurement, shared by the deadline
// bench and `npm run bench -- board-reload`: the same writers alone, then again while one
// teacher reloads a board in a closed loop, in the same run.

export const SESSION_COOKIE = "extent_session"; // lib/auth/sessions.ts (not imported: it is server-only)
export const ESSAY_WORDS = 1000;

export async function measureWriters(app: App, client: pg.Client, secret: string, writers: number, seconds: number) {
  const world = await writersWorld(client, secret, writers, ESSAY_WORDS);
  const cpu0 = app.cpuMs(), db0 = postgresCpuMs();
  const result = await runWriters({ origin: app.origin, assignmentId: world.assignmentId, tokens: world.tokens, text: world.text, seconds, cookieName: SESSION_COOKIE });
  const cpu1 = app.cpuMs(), db1 = postgresCpuMs();
  return { world, result, appCpuPerSave: ratio(cpu1 - cpu0, result.saves), dbCpuPerSave: ratio(db1 - db0, result.saves) };
}

export const rateOf = (r: WriteResult) => r.saves / r.seconds;

/** `writers` alone for `seconds`, then the same number again while the teacher reloads `boardUrl`. */
export async function boardReloadRound(app: App, client: pg.Client, secret: string, boardUrl: string, teacherToken: string, writers: number, seconds: number) {
  const alone = await measureWriters(app, client, secret, writers, seconds);
  const stop = new AbortController();
  const reloading = reloadLoop(app.origin, boardUrl, `${SESSION_COOKIE}=${teacherToken}`, stop.signal);
  const withBoard = await measureWriters(app, client, secret, writers, seconds);
  stop.abort();
  const reloads = await reloading;
  return { alone: alone.result, withBoard: withBoard.result, reloads, ratio: ratio(rateOf(withBoard.result), rateOf(alone.result)) };
}

/**
 * The same comparison made robust to a busy machine: one set of writers runs for
 * `slices` × 2 × `sliceSeconds`, and the teacher's closed loop is switched on for every other
 * slice, so a burst of other work lands on both sides alike. Saves are counted by when they
 * were answered, leaving out the first quarter of each slice (the board request in flight
 * when the loop switched). Returns the rates with and without the board and their ratio.
 */
export async function interleavedBoardReload(app: App, client: pg.Client, secret: string, boardUrl: string, teacherToken: string, writers: number, slices: number, sliceSeconds: number) {
  const world = await writersWorld(client, secret, writers, ESSAY_WORDS);
  const began = performance.now();
  const sliceMs = sliceSeconds * 1000;
  const writing = runWriters({ origin: app.origin, assignmentId: world.assignmentId, tokens: world.tokens, text: world.text, seconds: 2 * slices * sliceSeconds, cookieName: SESSION_COOKIE });
  const loads: number[] = [];
  let errors = 0;
  for (let i = 0; i < slices; i++) {
    // Off for one slice, on for the next.
    await new Promise((r) => setTimeout(r, Math.max(0, began + (2 * i + 1) * sliceMs - performance.now())));
    const stop = new AbortController();
    const reloading = reloadLoop(app.origin, boardUrl, `${SESSION_COOKIE}=${teacherToken}`, stop.signal);
    await new Promise((r) => setTimeout(r, Math.max(0, began + (2 * i + 2) * sliceMs - performance.now())));
    stop.abort();
    const r = await reloading;
    loads.push(...r.latencies);
    errors += r.errors;
  }
  const result = await writing;
  const counted = { off: 0, on: 0 };
  for (const at of result.savedAt) {
    const t = (at - began) / sliceMs;
    const slice = Math.floor(t);
    if (slice >= 2 * slices || t - slice < 0.25) continue;
    if (slice % 2 === 0) counted.off++;
    else counted.on++;
  }
  const countedSeconds = slices * sliceSeconds * 0.75;
  const alone = counted.off / countedSeconds, withBoard = counted.on / countedSeconds;
  return { alone, withBoard, ratio: ratio(withBoard, alone), loads, errors: errors + result.errors + result.conflicts, latencies: result.latencies };
}
