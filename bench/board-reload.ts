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
