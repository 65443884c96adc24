import { storedRecord } from "../client/stored-record";

// The copy of unsaved work kept in the browser (localStorage) until the server confirms it.
// Storage can be full, disabled or hold junk from an older version of the app: every failure
// here is swallowed, because the server save still runs and must not be stopped by it.

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * base: what the server held at baseRevision, kept for a three-way merge after a reload.
 * owner: the tab that wrote it. Tabs of one student share the key, and a copy another open
 * tab is still writing is that tab's to save, not this page's to bring back.
 * pastes: the sizes of pastes in this copy not yet confirmed as stored (never their text).
 */
export type LocalCopy<T> = { value: T; baseRevision: number; base?: T; at: number; owner?: string; pastes?: number[] };

/** A copy written this recently by another tab belongs to a tab that is still open and saving. */
export const LIVE_COPY_MS = 15_000;

export function readLocal<T>(storage: StorageLike | null, key: string): LocalCopy<T> | null {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(key);
  } catch {
    return null; // storage disabled (a private window's policy)
  }
  const parsed = storedRecord(raw);
  if (!parsed || !("value" in parsed) || typeof parsed.baseRevision !== "number") return null;
  return parsed as LocalCopy<T>;
}

export function writeLocal<T>(storage: StorageLike | null, key: string, copy: LocalCopy<T> | null) {
  try {
    if (copy) storage?.setItem(key, JSON.stringify(copy));
    else storage?.removeItem(key);
  } catch {
    /* full or disabled: nothing else to do */
  }
}
