"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline"; retryIn: number }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

type Stored<T> = { value: T; baseRevision: number; at: number };

const same = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

function readStored<T>(key: string): Stored<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

/**
 * Autosave with optimistic concurrency, for the draft editor and the planner.
 * - Saves after a pause in typing, each save carrying the revision it was based on.
 * - A 409 (another tab or device saved first) stops saving and exposes both versions;
 *   nothing is overwritten until the student chooses.
 * - Network failures and server errors retry with backoff; every change is also kept in
 *   localStorage until the server has it, so a reload or a dropped connection loses nothing.
 */
export function useAutosave<T>(opts: {
  url: string;
  storageKey: string;
  initial: { value: T; revision: number };
  body: (value: T, baseRevision: number) => unknown;
  parseConflict: (current: unknown) => { value: T; revision: number };
  delayMs?: number;
  disabled?: boolean;
}) {
  const { url, storageKey, body, parseConflict, delayMs = 1200, disabled = false } = opts;
  const [value, setValueState] = useState<T>(opts.initial.value);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ value: T; revision: number } | null>(null);
  const [restoredLocal, setRestoredLocal] = useState(false);

  const valueRef = useRef(value);
  const baseRef = useRef(opts.initial.revision);
  const savedRef = useRef<T>(opts.initial.value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const blocked = useRef(disabled);
  const failures = useRef(0);
  // The latest save function, so timers scheduled earlier call the current one.
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const save = useCallback(async () => {
    if (blocked.current) return;
    if (inFlight.current) return schedule(300);
    const sending = valueRef.current;
    if (same(sending, savedRef.current)) {
      window.localStorage.removeItem(storageKey);
      return;
    }
    inFlight.current = true;
    setStatus({ kind: "saving" });
    try {
      const res = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body(sending, baseRef.current)) });
      const data = (await res.json().catch(() => ({}))) as { revision?: number; savedAt?: string; error?: string; current?: unknown };
      if (res.ok) {
        failures.current = 0;
        baseRef.current = data.revision ?? baseRef.current + 1;
        savedRef.current = sending;
        setStatus({ kind: "saved", at: new Date(data.savedAt ?? Date.now()) });
        if (same(valueRef.current, sending)) window.localStorage.removeItem(storageKey);
        else schedule(delayMs);
      } else if (res.status === 409 && data.current) {
        blocked.current = true;
        setConflict(parseConflict(data.current));
        setStatus({ kind: "conflict" });
      } else if (res.status >= 500) {
        throw new Error(data.error ?? "Server error");
      } else {
        // 400/401/403/404/423: retrying will not help; the text stays in this browser.
        blocked.current = res.status !== 401;
        setStatus({ kind: "error", message: data.error ?? "Your work could not be saved." });
      }
    } catch {
      failures.current += 1;
      const retryIn = Math.min(30, 2 ** failures.current);
      setStatus({ kind: "offline", retryIn });
      schedule(retryIn * 1000);
    } finally {
      inFlight.current = false;
    }
  }, [url, storageKey, body, parseConflict, delayMs, schedule]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const setValue = useCallback(
    (next: T | ((prev: T) => T)) => {
      const resolved = typeof next === "function" ? (next as (prev: T) => T)(valueRef.current) : next;
      valueRef.current = resolved;
      setValueState(resolved);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify({ value: resolved, baseRevision: baseRef.current, at: Date.now() } satisfies Stored<T>));
      } catch {
        /* storage full or disabled: the server save still runs */
      }
      if (!blocked.current) {
        setStatus((s) => (s.kind === "offline" || s.kind === "error" ? s : { kind: "pending" }));
        schedule(delayMs);
      }
    },
    [storageKey, delayMs, schedule],
  );

  // On first load, recover what this browser had not yet saved.
  useEffect(() => {
    if (disabled) return;
    const stored = readStored<T>(storageKey);
    if (!stored || same(stored.value, opts.initial.value)) {
      window.localStorage.removeItem(storageKey);
      return;
    }
    // localStorage is only readable after hydration, so this must happen in an effect.
    /* eslint-disable react-hooks/set-state-in-effect */
    if (stored.baseRevision === opts.initial.revision) {
      valueRef.current = stored.value;
      setValueState(stored.value);
      setRestoredLocal(true);
      schedule(0);
    } else {
      // The server moved on since these local edits: let the student choose.
      valueRef.current = stored.value;
      setValueState(stored.value);
      blocked.current = true;
      setConflict({ value: opts.initial.value, revision: opts.initial.revision });
      setStatus({ kind: "conflict" });
    }
    /* eslint-enable react-hooks/set-state-in-effect */
    // Only on mount: the initial value is the server's at page load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const online = () => {
      failures.current = 0;
      schedule(0);
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [schedule]);

  /** "theirs": take the newer saved version. "mine": keep this text and save it over the newer one. */
  const resolveConflict = useCallback(
    (choice: "theirs" | "mine") => {
      if (!conflict) return;
      baseRef.current = conflict.revision;
      blocked.current = false;
      if (choice === "theirs") {
        valueRef.current = conflict.value;
        savedRef.current = conflict.value;
        setValueState(conflict.value);
        window.localStorage.removeItem(storageKey);
        setStatus({ kind: "saved", at: new Date() });
      } else {
        savedRef.current = conflict.value;
        schedule(0);
      }
      setConflict(null);
    },
    [conflict, storageKey, schedule],
  );

  /** After a server-side change (restore, submit) adopt the server's version as the base. */
  const adopt = useCallback(
    (next: { value: T; revision: number }) => {
      baseRef.current = next.revision;
      valueRef.current = next.value;
      savedRef.current = next.value;
      setValueState(next.value);
      window.localStorage.removeItem(storageKey);
      setStatus({ kind: "saved", at: new Date() });
    },
    [storageKey],
  );

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await saveRef.current();
  }, []);

  const lock = useCallback(() => {
    blocked.current = true;
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { value, setValue, status, conflict, resolveConflict, restoredLocal, adopt, flush, lock, baseRevision: () => baseRef.current };
}
