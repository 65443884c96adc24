"use client";

import { formatTime } from "@/components/format";
import type { SaveStatus } from "@/lib/autosave/autosave-machine";

function describe(status: SaveStatus): [text: string, tone: string] {
  switch (status.kind) {
    case "idle":
      return ["All changes saved", "text-slate-500"];
    case "dirty":
      return ["Unsaved changes…", "text-slate-500"];
    case "saving":
      return ["Saving…", "text-slate-600"];
    case "saved":
      return [`Saved at ${formatTime(status.at, { seconds: true })}`, "text-green-800"];
    case "offline":
      return status.serverError
        ? [`Not saved yet: the server had a problem. Your text is kept in this browser. Retrying in ${status.retryIn}s…`, "text-amber-800"]
        : [`Offline: your text is kept in this browser. Retrying in ${status.retryIn}s…`, "text-amber-800"];
    case "conflict":
      return ["Not saved: a newer version exists", "text-red-700"];
    case "invalid":
      return [`Not saved: ${status.message} Change it and it will save again.`, "text-red-700"];
    case "stopped":
      return [status.message, "text-red-700"];
  }
}

/** The autosave state in words, announced politely as it changes. */
export function SaveStatusText({ status, testId }: { status: SaveStatus; testId?: string }) {
  const [text, tone] = describe(status);
  return (
    <p role="status" aria-live="polite" data-testid={testId} data-status={status.kind} className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}
