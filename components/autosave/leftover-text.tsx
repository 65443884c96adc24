"use client";

import { useId, useRef, useState } from "react";

/**
 * On a read-only page (submitted, closed), text this browser kept that the server never
 * received. It is offered back to copy, never dropped silently; the student dismisses it.
 */
export function LeftoverText({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied. Paste it somewhere safe.");
    } catch {
      // The clipboard API needs a secure context and permission; selecting still works.
      box.current?.select();
      setCopied("Selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  }

  return (
    <div data-testid="unsaved-leftover" role="region" aria-labelledby={`${id}-h`} className="mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p id={`${id}-h`} className="font-medium">This browser still holds text that was never saved, so it is not in the version above.</p>
      <label htmlFor={`${id}-text`} className="sr-only">Unsaved text from this browser</label>
      <textarea id={`${id}-text`} ref={box} readOnly value={text} rows={5} className="block w-full rounded border border-amber-200 bg-white p-2 font-serif text-slate-800" />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={copy} className="rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800">Copy text</button>
        <button type="button" onClick={() => confirm("Remove this unsaved text from this browser? It cannot be brought back.") && onDismiss()} className="rounded-md border border-amber-300 bg-white px-3 py-1.5">
          I have kept it; remove it
        </button>
        <span aria-live="polite">{copied}</span>
      </div>
    </div>
  );
}
