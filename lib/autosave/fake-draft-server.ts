// Test support for the autosave machine's unit tests (never imported by app code): a fake
// draft endpoint doing compare-and-swap like lib/drafts/drafts.ts, an in-memory storage and
// real-timer wrappers that vitest's fake timers drive.
import { vi } from "vitest";
import type { Transport } from "./autosave-machine";
import type { StorageLike } from "./local-copy";

export type Sent = { text: string; baseRevision: number; checkpoint?: string; pastes?: number[] };
/** "landed-lost": the save is applied, then the response is lost (a timeout, a dropped connection). */
export type Reply = { status: number; body?: unknown } | "network" | "landed-lost";

/**
 * Replies can be scripted one request at a time, and requests held "in flight" until released.
 * `stored` holds the paste sizes of every save the CAS accepted, as the database would.
 */
export function fakeDraftServer(text = "", revision = 1, savedAt = "2026-12-01T10:00:00.000Z") {
  const state = { text, revision };
  const sent: Sent[] = [];
  const inits: RequestInit[] = [];
  const stored: number[] = [];
  const script: Reply[] = [];
  let holding = false;
  const held: (() => void)[] = [];
  function cas(b: Sent) {
    if (b.baseRevision !== state.revision) return { status: 409, body: { error: "Newer elsewhere", current: { text: state.text, revision: state.revision } } };
    state.text = b.text;
    state.revision += 1;
    stored.push(...(b.pastes ?? []));
    return { status: 200, body: { revision: state.revision, savedAt } };
  }
  const fetch: Transport = async (_url, init) => {
    const body = JSON.parse(String(init.body)) as Sent;
    sent.push(body);
    inits.push(init);
    if (holding) await new Promise<void>((release) => held.push(release));
    const scripted = script.shift();
    if (scripted === "network") throw new TypeError("Failed to fetch");
    if (scripted === "landed-lost") {
      cas(body);
      throw new TypeError("Failed to fetch");
    }
    const reply = scripted ?? cas(body);
    return { ok: reply.status < 300, status: reply.status, json: async () => reply.body };
  };
  return {
    state,
    sent,
    inits,
    stored,
    fetch,
    reply: (...r: Reply[]) => script.push(...r),
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((r) => r());
    },
  };
}

export type FakeDraftServer = ReturnType<typeof fakeDraftServer>;

export function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** The storage key both machines' tests use: a draft of user u on assignment a. */
export const DRAFT_KEY = "extent:draft:u:a";

export const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** The parseConflict both machines' tests use: the 409's current text and revision. */
export const parseConflict = (c: unknown) => {
  const cur = c as { text: string; revision: number };
  return { value: cur.text, revision: cur.revision };
};

// Advances fake time, then lets the chains of promises a fake response sets off run to the end
// (a response can schedule a save at 0 ms, whose response then settles in turn).
export async function tick(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}
