"use client";

import { useId, useState } from "react";

// The link in a read-only box (selectable by hand) with a copy button. The clipboard API
// exists only in secure contexts, so over plain http on a school network the button falls
// back to selecting the link for the teacher to copy.
export function CopyLink({ link, who }: { link: string; who: string }) {
  const id = useId();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStatus("copied");
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setStatus("failed");
    }
  }

  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Invitation link for {who}
      </label>
      <input
        id={id}
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-800"
      />
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy link for ${who}`}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50"
      >
        Copy link
      </button>
      <span aria-live="polite" className="text-sm text-slate-600">
        {status === "copied" ? "Copied" : status === "failed" ? "Press Ctrl+C (⌘C on a Mac) to copy the selected link" : ""}
      </span>
    </div>
  );
}
