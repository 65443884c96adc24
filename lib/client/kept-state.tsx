"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

// State that outlives its component being remounted in the same place. The planner's factor
// cards are rendered first as a plain list, then again inside the drag layer once its chunk
// arrives (decision 044): without this, an open evidence bank closed and evidence being typed
// was lost when the chunk landed under the student's hands.

type Store = Map<string, unknown>;
const KeptStateContext = createContext<Store | null>(null);

export function KeptStateProvider({ children }: { children: ReactNode }) {
  const [store] = useState<Store>(() => new Map());
  return <KeptStateContext.Provider value={store}>{children}</KeptStateContext.Provider>;
}

/** Like useState, but kept under `key` by the nearest KeptStateProvider (plain useState without one). */
export function useKeptState<T>(key: string, initial: T): [T, (next: T | ((previous: T) => T)) => void] {
  const store = useContext(KeptStateContext);
  const [value, setValue] = useState<T>(() => (store?.has(key) ? (store.get(key) as T) : initial));
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      setValue((previous) => {
        const value = typeof next === "function" ? (next as (p: T) => T)(previous) : next;
        store?.set(key, value);
        return value;
      }),
    [store, key],
  );
  return [value, set];
}
