"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { createAutosave, type AutosaveOptions, type Checkpoint } from "../autosave/autosave-machine";
import type { StorageLike } from "../autosave/local-copy";

export type { SaveStatus } from "../autosave/autosave-machine";

// localStorage is read lazily: it does not exist during server rendering, and reading it can
// throw (privacy modes, disabled storage). The machine treats any failure as "no copy".
const browserStorage: StorageLike = {
  getItem: (k) => window.localStorage.getItem(k),
  setItem: (k, v) => window.localStorage.setItem(k, v),
  removeItem: (k) => window.localStorage.removeItem(k),
};
const browserTimers = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (h: unknown) => window.clearTimeout(h as number),
};

// One id per browser tab, kept in sessionStorage so it survives the tab's reloads: a reload
// brings back its own unsaved copy, while another open tab's copy is left to that tab.
function browserTabId(): string | undefined {
  if (typeof window === "undefined") return undefined;
  try {
    let id = window.sessionStorage.getItem("extent:tab");
    if (!id) {
      id = Math.random().toString(36).slice(2) + Date.now().toString(36);
      window.sessionStorage.setItem("extent:tab", id);
    }
    return id;
  } catch {
    return undefined;
  }
}

type HookOptions<T, C> = Omit<AutosaveOptions<T, C>, "fetch" | "timers" | "storage" | "readOnly"> & { disabled?: boolean };

/**
 * The autosave state machine (lib/autosave/autosave-machine.ts) bound to React and the
 * browser: `online` retries at once, `beforeunload` warns while anything is unsaved, and
 * `pagehide` (or leaving the workspace) sends what is pending with keepalive.
 * The options are read once, when the page mounts; `disabled` may change (submit, close).
 */
export function useAutosave<T, C = never>(opts: HookOptions<T, C>) {
  const [machine] = useState(() =>
    createAutosave<T, C>({ ...opts, readOnly: opts.disabled, tabId: browserTabId(), fetch: (url, init) => fetch(url, init), timers: browserTimers, storage: browserStorage }),
  );
  const snapshot = useSyncExternalStore(machine.subscribe, machine.getSnapshot, machine.getSnapshot);

  useEffect(() => {
    machine.start();
    const online = () => machine.online();
    const leaving = () => machine.flushOnExit();
    const warn = (e: BeforeUnloadEvent) => {
      if (!machine.hasUnsaved()) return;
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("online", online);
    window.addEventListener("pagehide", leaving);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", leaving);
      window.removeEventListener("beforeunload", warn);
      // Navigating within the app unmounts the workspace: send what is pending now.
      machine.flushOnExit();
    };
  }, [machine]);

  useEffect(() => {
    if (opts.disabled) machine.lock();
  }, [machine, opts.disabled]);

  const setValue = useCallback(
    (next: T | ((prev: T) => T), meta?: { checkpoint?: Checkpoint; paste?: number }) => {
      machine.setValue(typeof next === "function" ? (next as (prev: T) => T)(machine.current()) : next, meta);
    },
    [machine],
  );

  return {
    ...snapshot,
    setValue,
    resolveConflict: machine.resolveConflict,
    drain: machine.drain,
    adopt: machine.adopt,
    lock: machine.lock,
    dismissLeftover: machine.dismissLeftover,
    baseRevision: machine.baseRevision,
    /** The value on screen now, for handlers that run after an await (a render's `value` may be older). */
    current: machine.current,
  };
}

export type AutosaveHandle<T, C = never> = ReturnType<typeof useAutosave<T, C>>;
