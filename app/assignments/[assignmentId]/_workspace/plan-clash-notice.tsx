"use client";

import { useId, useRef, useState } from "react";
import type { ClashChoice, ClashChoices, PlanClash } from "@/lib/planner/merge-plan";

/**
 * Shown when this tab's plan and a newer one saved elsewhere changed the same things
 * differently (everything else has been merged). Each clash shows both values and asks which
 * to keep; nothing is chosen for the student, so a quick click cannot throw their words away.
 */
export function PlanClashNotice({ clashes, onResolve, busy = false }: { clashes: PlanClash[]; onResolve: (choices: ClashChoices) => void; busy?: boolean }) {
  const id = useId();
  const [choices, setChoices] = useState<ClashChoices>({});
  const [missing, setMissing] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const count = clashes.length;

  const apply = () => {
    const open = clashes.findIndex((c) => !choices[c.key]);
    if (open >= 0) {
      setMissing(true);
      listRef.current?.querySelector<HTMLInputElement>(`input[name="${id}-${open}"]`)?.focus();
      return;
    }
    setMissing(false);
    onResolve(Object.fromEntries(clashes.map((c) => [c.key, choices[c.key]!])));
  };

  const choose = (key: string, choice: ClashChoice) => setChoices((prev) => ({ ...prev, [key]: choice }));

  return (
    <section aria-labelledby={`${id}-h`} data-testid="plan-clash-notice" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <h3 id={`${id}-h`} className="font-semibold">Your plan was also changed in another tab</h3>
      <p aria-live="polite">
        Everything else from both tabs has been kept. {count === 1 ? "One thing was" : `${count} things were`} changed differently in each: choose which to keep.
      </p>
      <ol ref={listRef} className="space-y-3">
        {clashes.map((clash, i) => (
          <li key={clash.key}>
            <fieldset className="space-y-2 rounded-md border border-amber-200 bg-white p-2">
              <legend className="px-1 font-medium">{clash.label}</legend>
              {(["mine", "theirs"] as const).map((side) => {
                const inputId = `${id}-${i}-${side}`;
                return (
                  <div key={side} className="flex items-start gap-2">
                    <input
                      type="radio"
                      id={inputId}
                      name={`${id}-${i}`}
                      value={side}
                      checked={choices[clash.key] === side}
                      onChange={() => choose(clash.key, side)}
                      aria-describedby={`${inputId}-value`}
                      className="mt-1"
                    />
                    <label htmlFor={inputId} className="min-w-0 flex-1">
                      <span className="block font-medium">{side === "mine" ? "Keep mine" : "Use the other tab's"}</span>
                      <span id={`${inputId}-value`} className="block max-h-40 overflow-y-auto whitespace-pre-wrap break-words text-slate-700">
                        {clash[side]}
                      </span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
          </li>
        ))}
      </ol>
      {missing ? (
        <p role="alert" className="font-medium text-red-800">
          Choose which to keep for each one first.
        </p>
      ) : null}
      <button type="button" onClick={apply} disabled={busy} className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
        {busy ? "Saving…" : count === 1 ? "Keep this choice" : "Keep these choices"}
      </button>
    </section>
  );
}
