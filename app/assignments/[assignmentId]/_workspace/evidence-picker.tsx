"use client";

import { useId, useMemo, useState } from "react";
import { bankPointTooLong } from "@/lib/planner/bank-evidence";
import { PLAN_LIMITS } from "@/lib/planner/plan-limits";

export type BankPoint = { id: string; text: string; subpoints: string[]; path: string[] };

const MAX_SHOWN = 40;

/** Searchable evidence bank: each point shows the headings it sits under in the notes. */
export function EvidencePicker({ bank, chosen, onPick, factorName }: { bank: BankPoint[]; chosen: Set<string>; onPick: (p: BankPoint) => void; factorName: string }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [added, setAdded] = useState("");
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return bank.filter((p) => {
      const hay = `${p.text} ${p.subpoints.join(" ")} ${p.path.join(" ")}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [bank, query]);

  return (
    <div className="rounded-md border border-indigo-200 bg-indigo-50/40 p-2" data-testid="evidence-picker">
      <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-800">Search your notes for evidence about {factorName || "this factor"}</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Secret Speech, Cuba, grain" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
      <p className="mt-1 text-xs text-slate-600" aria-live="polite">{matches.length} matching point{matches.length === 1 ? "" : "s"}{matches.length > MAX_SHOWN ? `; showing the first ${MAX_SHOWN}` : ""}</p>
      <p className="sr-only" role="status">{added}</p>
      <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto">
        {matches.slice(0, MAX_SHOWN).map((p) => (
          <li key={p.id} className="flex items-start justify-between gap-2 rounded bg-white px-2 py-1 text-sm">
            <span>
              {p.text}
              {p.subpoints.length ? <span className="block text-slate-600">{p.subpoints.join(" ")}</span> : null}
              <span className="block text-xs text-slate-500">{p.path.join(" › ")}</span>
              {bankPointTooLong(p) ? <span className="block text-xs text-amber-800">Longer than {PLAN_LIMITS.evidenceText} characters: it will be shortened to fit.</span> : null}
            </span>
            {/* aria-disabled once added, not disabled: focus stays on the button the student
                pressed instead of falling to the page, and the name says what it did. */}
            <button
              type="button"
              onClick={() => {
                if (chosen.has(p.id)) return;
                onPick(p);
                setAdded(`Added to ${factorName || "this factor"}: ${p.text.slice(0, 60)}`);
              }}
              aria-disabled={chosen.has(p.id) || undefined}
              className="min-h-6 shrink-0 rounded border border-indigo-300 bg-white px-2 py-0.5 text-indigo-800 aria-disabled:opacity-60"
            >
              {chosen.has(p.id) ? "Added" : "Add"}
              <span className="sr-only"> evidence: {p.text.slice(0, 60)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
