"use client";

import type { ReactNode } from "react";

/** Shown when an autosave was refused as stale: nothing is overwritten until the student chooses. */
export function ConflictNotice({ message, takeNewerLabel, onResolve, testId, children }: { message: string; takeNewerLabel: string; onResolve: (choice: "theirs" | "mine") => void; testId: string; children?: ReactNode }) {
  return (
    <div role="alert" data-testid={testId} className="mt-3 space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{message}</p>
      {children}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => onResolve("theirs")} className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white">{takeNewerLabel}</button>
        <button type="button" onClick={() => onResolve("mine")} className="rounded-md border border-red-300 bg-white px-3 py-1.5 font-medium text-red-800">Keep mine and replace it</button>
      </div>
    </div>
  );
}
