// Autosave as an explicit state machine, with no React and no browser globals, so every
// transition can be driven by fake timers and a fake fetch (autosave-machine.test.ts).
//
//   idle → dirty → saving → saved | conflict | invalid | offline, and stopped (terminal).
//
// Invariants:
// - `saved` is exactly what the server holds at `baseRevision`; every PUT carries that base.
// - Until the server confirms the text on screen, a copy is kept in storage (localStorage).
// - Only refusals that no edit can fix (401/403/404/423) stop saving. A validation refusal
//   (400/413/422) waits for the next edit; a network failure or 5xx retries with back-off.
// - drain() settles: it resolves once the server holds what is on screen, or says why not.
// - Paste sizes (never the pasted text) wait in `pastes` until a save carrying them is
//   confirmed, or until a 409 shows an earlier unconfirmed save that carried them landed:
//   a failed or retried save neither loses nor double-counts them.
import { MAX_DRAFT_CHARS, MAX_PASTES_PER_SAVE } from "../drafts/draft-limits";
import { LIVE_COPY_MS, readLocal, type StorageLike, writeLocal } from "./local-copy";

export type Checkpoint = "outline" | "paste";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline"; retryIn: number; serverError?: string }
  | { kind: "conflict" }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string[] | undefined> }
  | { kind: "stopped"; message: string; httpStatus: number };

/** theirs is the newer saved version; base is what this tab last saved; clashes come from merge. */
export type Conflict<T, C> = { value: T; revision: number; base: T; clashes: C[] };

export type DrainResult = { ok: true; revision: number } | { ok: false; state: "offline" | "invalid" | "conflict" | "stopped"; message: string };

export type Snapshot<T, C> = { value: T; status: SaveStatus; conflict: Conflict<T, C> | null; restoredLocal: boolean; leftover: T | null };

export type Transport = (url: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;
export type Timers = { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };

export type AutosaveOptions<T, C = never> = {
  url: string;
  storageKey: string;
  initial: { value: T; revision: number };
  /**
   * The PUT body; checkpoint says the edits since the last save included an outline or a big
   * paste; pastes are the sizes of the pastes not yet confirmed as stored (often none).
   */
  body: (value: T, baseRevision: number, checkpoint: Checkpoint | undefined, pastes: number[]) => unknown;
  /** Reads the newer version out of a 409's `current`. */
  parseConflict: (current: unknown) => { value: T; revision: number };
  /** Three-way merge for a 409: no clashes → adopt and save again silently. */
  merge?: (base: T, mine: T, theirs: T) => { value: T; clashes: C[] };
  readOnly?: boolean;
  /** The browser tab, stable across its reloads (sessionStorage), so another open tab's unsaved copy is left to that tab. */
  tabId?: string;
  fetch: Transport;
  timers: Timers;
  storage: StorageLike | null;
  now?: () => number;
  delayMs?: number;
  maxRetrySeconds?: number;
  requestTimeoutMs?: number;
};

type Body = { revision?: number; savedAt?: string; error?: string; fieldErrors?: Record<string, string[]>; current?: unknown };

const INVALID = new Set([400, 413, 422]);
const STOP = new Set([401, 403, 404, 423]);
const SIGNED_OUT = "Your session has ended. Sign in again in another tab; your text is kept in this browser.";
const MAX_DRAIN_ROUNDS = 10;

export type Autosave<T, C> = ReturnType<typeof createAutosave<T, C>>;

export function createAutosave<T, C = never>(o: AutosaveOptions<T, C>) {
  const { url, storageKey, body, parseConflict, merge, timers, storage, delayMs = 1200, maxRetrySeconds = 30, requestTimeoutMs = 20_000 } = o;
  const transport = o.fetch;
  const now = o.now ?? Date.now;
  const equals = (a: T, b: T) => a === b || JSON.stringify(a) === JSON.stringify(b);

  let value = o.initial.value;
  let saved = o.initial.value;
  let baseRevision = o.initial.revision;
  let status: SaveStatus = { kind: "idle" };
  let conflict: Conflict<T, C> | null = null;
  let restoredLocal = false;
  let leftover: T | null = null;
  let locked = !!o.readOnly;
  let started = false;
  let pendingCheckpoint: Checkpoint | undefined;
  let inFlight: Promise<void> | null = null;
  let timer: unknown = null;
  let failures = 0;
  // Bumped when the base is replaced from outside (adopt, a conflict choice): a response to a
  // request sent before that no longer describes this tab's base and is ignored.
  let epoch = 0;
  // Values sent whose outcome we never learned (network error, timeout, keepalive on exit):
  // a later 409 whose newer version is one of these is our own save, not another tab's, and
  // the pastes that save carried are stored.
  let unconfirmed: { value: T; pasteIds: number[] }[] = [];
  // Paste sizes not yet known to be stored, each with a local id so a confirmation removes
  // exactly the ones its save carried.
  let pastes: { id: number; chars: number }[] = [];
  let nextPasteId = 1;
  const pasteSizes = (list = pastes) => list.map((p) => p.chars);
  const forgetPastes = (ids: readonly number[]) => {
    if (ids.length) pastes = pastes.filter((p) => !ids.includes(p.id));
  };

  const listeners = new Set<() => void>();
  let snapshot: Snapshot<T, C> = { value, status, conflict, restoredLocal, leftover };
  const emit = () => {
    snapshot = { value, status, conflict, restoredLocal, leftover };
    listeners.forEach((l) => l());
  };

  // Names this tab in its local copies (see LocalCopy's owner); the same across a reload.
  const owner = o.tabId ?? "this-tab";
  const keepLocal = () =>
    writeLocal(storage, storageKey, { value, baseRevision, base: merge ? saved : undefined, at: now(), owner, pastes: pastes.length ? pasteSizes() : undefined });
  const dropLocal = () => writeLocal(storage, storageKey, null);
  const cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    cancel();
    timer = timers.setTimeout(() => {
      timer = null;
      void save();
    }, ms);
  };
  const canSave = () => !locked && !conflict && status.kind !== "stopped";
  const savedNow = (at?: string): SaveStatus => ({ kind: "saved", at: new Date(at ?? now()) });

  /**
   * Queues a paste's size, within what the server accepts: whole characters from 1 to the
   * essay's cap, and at most MAX_PASTES_PER_SAVE waiting (the smallest gives way, since the
   * summary is about large pastes), so a queued size can never make a save invalid.
   */
  function addPaste(size: number) {
    const chars = Math.min(Math.round(size), MAX_DRAFT_CHARS);
    if (!Number.isFinite(chars) || chars < 1) return;
    pastes.push({ id: nextPasteId++, chars });
    if (pastes.length > MAX_PASTES_PER_SAVE) {
      const smallest = pastes.reduce((min, p) => (p.chars < min.chars ? p : min));
      pastes = pastes.filter((p) => p !== smallest);
    }
  }

  function stop(message: string, httpStatus: number) {
    cancel();
    status = { kind: "stopped", message, httpStatus };
    emit();
  }

  function retryLater(serverError?: string) {
    failures += 1;
    const retryIn = Math.min(maxRetrySeconds, 2 ** failures);
    status = { kind: "offline", retryIn, serverError };
    emit();
    schedule(retryIn * 1000);
  }

  /** The server holds `theirs`, newer than our base. */
  function onNewer(theirs: { value: T; revision: number }) {
    const landed = unconfirmed.find((u) => equals(u.value, theirs.value));
    if (landed) forgetPastes(landed.pasteIds);
    const ours = equals(theirs.value, value) || !!landed;
    if (ours || (merge && equals(theirs.value, saved))) {
      // Our own earlier save landed after all (or only the revision moved): rebase and go on.
      baseRevision = theirs.revision;
      saved = theirs.value;
      unconfirmed = [];
      return afterRebase();
    }
    const merged = merge?.(saved, value, theirs.value);
    if (merged && merged.clashes.length === 0) {
      baseRevision = theirs.revision;
      saved = theirs.value;
      value = merged.value;
      return afterRebase();
    }
    cancel();
    conflict = { value: theirs.value, revision: theirs.revision, base: saved, clashes: merged?.clashes ?? [] };
    status = { kind: "conflict" };
    keepLocal();
    emit();
  }

  function afterRebase() {
    if (equals(value, saved)) {
      dropLocal();
      status = savedNow();
      return emit();
    }
    keepLocal();
    status = { kind: "dirty" };
    emit();
    void save();
  }

  function handle(res: { ok: boolean; status: number }, data: Body, sending: T, checkpoint: Checkpoint | undefined, pasteIds: number[]) {
    if (res.ok) {
      failures = 0;
      unconfirmed = [];
      forgetPastes(pasteIds);
      baseRevision = typeof data.revision === "number" ? data.revision : baseRevision + 1;
      saved = sending;
      if (locked) return emit();
      if (equals(value, sending)) {
        dropLocal();
        status = savedNow(data.savedAt);
      } else {
        keepLocal();
        status = { kind: "dirty" };
        schedule(delayMs);
      }
      return emit();
    }
    pendingCheckpoint ??= checkpoint;
    if (res.status === 409 && data.current !== undefined) return onNewer(parseConflict(data.current));
    if (INVALID.has(res.status)) {
      status = { kind: "invalid", message: data.error ?? "This could not be saved as it is.", fieldErrors: data.fieldErrors ?? {} };
      return emit();
    }
    if (res.status === 401) return stop(SIGNED_OUT, 401);
    if (STOP.has(res.status)) return stop(data.error ?? "This can no longer be saved. Your text is kept in this browser.", res.status);
    // A 409 with nothing to compare against cannot be fixed by retrying: the page is out of date.
    if (res.status === 409) return stop(data.error ?? "This page is out of date. Copy your text, then reload.", 409);
    retryLater(res.status >= 500 ? (data.error ?? "The server had a problem.") : undefined);
  }

  function send(): Promise<void> {
    const sending = value;
    const checkpoint = pendingCheckpoint;
    const carried = pastes.slice(0, MAX_PASTES_PER_SAVE);
    const pasteIds = carried.map((p) => p.id);
    const sentEpoch = epoch;
    pendingCheckpoint = undefined;
    status = { kind: "saving" };
    emit();
    // The request, then its outcome as a step to apply once this save no longer counts as in
    // flight, so a step that schedules the next save is never turned away by this one.
    const run = async (): Promise<() => void> => {
      const abort = new AbortController();
      const timeout = timers.setTimeout(() => abort.abort(), requestTimeoutMs);
      try {
        const res = await transport(url, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body(sending, baseRevision, checkpoint, pasteSizes(carried))),
          signal: abort.signal,
        });
        const data = ((await res.json().catch(() => ({}))) ?? {}) as Body;
        return () => handle(res, data, sending, checkpoint, pasteIds);
      } catch {
        return () => {
          unconfirmed.push({ value: sending, pasteIds });
          pendingCheckpoint ??= checkpoint;
          retryLater();
        };
      } finally {
        timers.clearTimeout(timeout);
      }
    };
    const p = run().then((apply) => {
      inFlight = null;
      if (sentEpoch === epoch) apply();
    });
    inFlight = p;
    return p;
  }

  async function save(): Promise<void> {
    cancel();
    if (!canSave() || inFlight || status.kind === "invalid") return;
    if (equals(value, saved)) {
      dropLocal();
      if (status.kind !== "saved" && status.kind !== "idle") {
        status = savedNow();
        emit();
      }
      return;
    }
    await send();
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    current: () => value,
    baseRevision: () => baseRevision,
    hasUnsaved: () => !locked && (inFlight !== null || !equals(value, saved)),

    /** After hydration: bring back what this browser had not yet saved. */
    start() {
      if (started) return;
      started = true;
      const stored = readLocal<T>(storage, storageKey);
      // Another open tab's copy in progress: that tab saves it (or meets this one's saves as a
      // conflict). Bringing it back here would race it and show it a false conflict.
      if (stored?.owner && stored.owner !== owner && now() - stored.at < LIVE_COPY_MS) return;
      if (!stored || equals(stored.value, saved)) return dropLocal();
      if (locked) {
        // Read-only now (submitted, closed): never drop it silently; offer it back.
        leftover = stored.value;
        return emit();
      }
      value = stored.value;
      restoredLocal = true;
      // This copy's pastes were never confirmed (a confirmed save drops or rewrites the copy).
      for (const chars of Array.isArray(stored.pastes) ? stored.pastes : []) addPaste(Number(chars));
      if (stored.baseRevision === baseRevision) {
        status = { kind: "dirty" };
        emit();
        return schedule(0);
      }
      // The server moved on since these local edits.
      const theirs = { value: saved, revision: baseRevision };
      if (stored.base !== undefined) saved = stored.base;
      onNewer(theirs);
    },

    /** paste: the size in characters of a paste that made this edit (the text itself is never kept). */
    setValue(next: T, meta?: { checkpoint?: Checkpoint; paste?: number }) {
      value = next;
      if (meta?.checkpoint && pendingCheckpoint !== "outline") pendingCheckpoint = meta.checkpoint;
      if (meta?.paste !== undefined) addPaste(meta.paste);
      keepLocal();
      if (canSave() && status.kind !== "saving") {
        // While offline the back-off timer (or the `online` event) sends it.
        if (status.kind !== "offline") {
          status = { kind: "dirty" };
          schedule(delayMs);
        }
      }
      emit();
    },

    save,

    /** The browser says it is back online: retry now rather than at the end of the back-off. */
    online() {
      if (status.kind !== "offline") return;
      failures = 0;
      schedule(0);
    },

    /**
     * Waits for any save in flight, sends what is pending, and resolves once the server holds
     * exactly what is on screen, or as soon as it cannot (offline, invalid, conflict, stopped).
     */
    async drain(): Promise<DrainResult> {
      for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
        if (inFlight) {
          await inFlight;
          continue;
        }
        cancel();
        if (conflict) return { ok: false, state: "conflict", message: "This was changed in another tab or device. Choose which version to keep first." };
        if (status.kind === "stopped") return { ok: false, state: "stopped", message: status.message };
        if (status.kind === "invalid") return { ok: false, state: "invalid", message: status.message };
        if (equals(value, saved)) {
          if (!locked) dropLocal();
          if (status.kind !== "saved" && status.kind !== "idle") {
            status = savedNow();
            emit();
          }
          return { ok: true, revision: baseRevision };
        }
        if (locked) return { ok: false, state: "stopped", message: "This can no longer be changed." };
        await send();
        if (status.kind === "offline") {
          return { ok: false, state: "offline", message: status.serverError ? "The server could not save your latest changes just now." : "You seem to be offline, so your latest changes are not saved yet." };
        }
      }
      return { ok: false, state: "conflict", message: "This is being changed somewhere else at the same time. Try again in a moment." };
    },

    /** "theirs": take the newer version; "mine": save this tab's over it; { value }: save a merged choice. */
    resolveConflict(choice: "theirs" | "mine" | { value: T }) {
      if (!conflict) return;
      const c = conflict;
      conflict = null;
      epoch += 1;
      baseRevision = c.revision;
      saved = c.value;
      if (choice === "theirs") value = c.value;
      else if (choice !== "mine") value = choice.value;
      afterRebase();
    },

    /** After a server-side change (restore, submit), the server's version becomes the base. */
    adopt(next: { value: T; revision: number }) {
      cancel();
      epoch += 1;
      value = next.value;
      saved = next.value;
      baseRevision = next.revision;
      conflict = null;
      pendingCheckpoint = undefined;
      unconfirmed = [];
      dropLocal();
      if (status.kind !== "stopped") status = savedNow();
      emit();
    },

    /** No more saves (submitted, closed). The local copy stays until the server confirms it. */
    lock() {
      locked = true;
      cancel();
      emit();
    },

    /** The read-only page offered the leftover local text; the student has dealt with it. */
    dismissLeftover() {
      leftover = null;
      dropLocal();
      emit();
    },

    /**
     * The page is going away (pagehide, unmount): send what is pending without waiting. The
     * local copy stays until a later load sees the server holds it.
     */
    flushOnExit() {
      if (!canSave() || status.kind === "invalid" || equals(value, saved)) return;
      // The debounced save stays scheduled: if the page lives on (a bfcache restore, React
      // re-running effects), it runs and meets this request's result as its own.
      const carried = pastes.slice(0, MAX_PASTES_PER_SAVE);
      unconfirmed.push({ value, pasteIds: carried.map((p) => p.id) });
      // keepalive lets the request outlive the page (bodies up to 64 KiB; larger ones fail
      // here and the local copy is what survives).
      transport(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body(value, baseRevision, pendingCheckpoint, pasteSizes(carried))), keepalive: true }).catch(() => undefined);
    },
  };
}
