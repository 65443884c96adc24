"use client";

import type { SaveStatus } from "@/lib/client/use-autosave";

const time = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function SaveStatusText({ status, testId }: { status: SaveStatus; testId?: string }) {
  const [text, tone] = ((): [string, string] => {
    switch (status.kind) {
      case "idle":
        return ["All changes saved", "text-slate-500"];
      case "pending":
        return ["Unsaved changes…", "text-slate-500"];
      case "saving":
        return ["Saving…", "text-slate-600"];
      case "saved":
        return [`Saved at ${time(status.at)}`, "text-green-800"];
      case "offline":
        return [`Offline: your text is kept in this browser. Retrying in ${status.retryIn}s…`, "text-amber-800"];
      case "conflict":
        return ["Not saved: a newer version exists", "text-red-700"];
      case "error":
        return [status.message, "text-red-700"];
    }
  })();
  return (
    <p role="status" aria-live="polite" data-testid={testId} data-status={status.kind} className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}
