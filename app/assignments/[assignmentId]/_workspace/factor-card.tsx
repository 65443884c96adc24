"use client";

import { useId } from "react";
import { useKeptState } from "@/lib/client/kept-state";
import { evidenceFromBank } from "@/lib/planner/bank-evidence";
import { PLAN_LIMITS } from "@/lib/planner/plan-limits";
import type { Evidence, Factor } from "@/lib/planner/plan-schema";
import { EvidencePicker, type BankPoint } from "./evidence-picker";
import type { SortableSlot } from "./sortable-factors";

const KIND_LABELS: Record<Factor["kind"], string> = {
  stated: "Stated factor",
  other: "Other factor",
  claim: "Case for",
  counter: "Case against",
};

/** A check shown on the card: the advice, and the mark scheme's words it answers to, if the rubric maps it. */
export type CardProblem = { key: string; advice: string; source: string | null };

const newId = () => crypto.randomUUID();

export function FactorCard({
  factor,
  index,
  count,
  bank,
  problems,
  agreeWithClaim = false,
  readOnly,
  onChange,
  onMove,
  onRemove,
  sortable,
}: {
  factor: Factor;
  index: number;
  count: number;
  bank: BankPoint[];
  problems: CardProblem[];
  /** The question asks how far the student agrees with a claim, so factors support or challenge it. */
  agreeWithClaim?: boolean;
  readOnly: boolean;
  onChange: (f: Factor) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The drag layer's hooks (sortable-factors.tsx); absent when read-only or before its code has loaded. */
  sortable?: SortableSlot;
}) {
  const id = useId();
  // Kept across the remount when the drag layer's chunk arrives (lib/client/kept-state.tsx).
  const [picking, setPicking] = useKeptState(`factor:${factor.id}:picking`, false);
  const [own, setOwn] = useKeptState(`factor:${factor.id}:own`, "");
  const [note, setNote] = useKeptState<string | null>(`factor:${factor.id}:note`, null);
  const set = (patch: Partial<Factor>) => onChange({ ...factor, ...patch });
  const addEvidence = (e: Evidence) => set({ evidence: [...factor.evidence, e] });
  // The same caps as the plan schema, so the planner never builds a plan the server refuses.
  const evidenceFull = factor.evidence.length >= PLAN_LIMITS.evidencePerFactor;
  // A claim question's factors are sides of a case, not causes with a significance.
  const sides = factor.kind === "claim" || factor.kind === "counter";

  return (
    <li
      ref={sortable?.ref}
      style={sortable?.style}
      data-testid="factor-card"
      data-factor-id={factor.id}
      aria-labelledby={`${id}-title`}
      className={`relative rounded-lg border bg-white p-4 shadow-sm ${sortable?.dragging ? "z-10 border-indigo-400 shadow-lg" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex items-center gap-2">
          {readOnly ? null : (sortable?.handle ?? (
            // Until the drag layer's code arrives: the same place, nothing to press yet.
            <span aria-hidden className="inline-flex h-9 w-9 select-none items-center justify-center rounded-md border border-slate-200 text-lg text-slate-400">⠿</span>
          ))}
          <span id={`${id}-title`} className="sr-only">Factor {index + 1}: {factor.name || "unnamed"}</span>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{factor.kind === "stated" && agreeWithClaim ? "Named in the claim" : KIND_LABELS[factor.kind]}{factor.area ? ` · ${factor.area}` : ""}</span>
        </div>
        {!readOnly ? (
          <div className="flex gap-1 text-sm">
            <button type="button" data-move="up" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={`Move ${factor.name || "factor"} up`} className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40">↑</button>
            <button type="button" data-move="down" onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={`Move ${factor.name || "factor"} down`} className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40">↓</button>
            {factor.kind !== "stated" ? (
              <button type="button" onClick={(ev) => { if (!confirm(`Remove “${factor.name || "this factor"}” and its evidence?`)) return; focusAfterRemovingFactor(ev.currentTarget); onRemove(); }} className="min-h-6 rounded px-2 py-0.5 text-red-700 hover:bg-red-50">Remove</button>
            ) : null}
          </div>
        ) : null}
      </div>

      <label htmlFor={`${id}-name`} className="mt-2 block text-sm font-medium text-slate-800">Factor</label>
      <input id={`${id}-name`} maxLength={PLAN_LIMITS.factorName} value={factor.name} readOnly={readOnly || factor.kind === "stated"} onChange={(e) => set({ name: e.target.value })} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 font-medium read-only:bg-slate-50" />

      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-slate-800">Significance weight</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {[1, 2, 3, 4, 5].map((w) => (
            <label key={w} className="flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
              <input type="radio" name={`${id}-weight`} value={w} checked={factor.weight === w} disabled={readOnly} onChange={() => set({ weight: w })} />
              {w}
            </label>
          ))}
          <span className="self-center pl-1 text-xs text-slate-500">1 = minor, 5 = decisive</span>
        </div>
      </fieldset>

      <div className="mt-3">
        <h4 className="text-sm font-medium text-slate-800">Evidence</h4>
        {factor.evidence.length === 0 ? <p className="text-sm text-slate-500">No evidence yet.</p> : null}
        <ul className="mt-1 space-y-1">
          {factor.evidence.map((e) => (
            <li key={e.id} className="flex items-start justify-between gap-2 rounded bg-slate-50 px-2 py-1 text-sm" data-testid="evidence-item">
              <span>
                {e.text}
                <span className="block text-xs text-slate-500">{e.source.kind === "bank" ? `From your notes: ${e.source.path.join(" › ")}` : "Your own evidence"}</span>
              </span>
              {!readOnly ? (
                <button type="button" onClick={(ev) => { setNote(null); focusAfterRemovingEvidence(ev.currentTarget); set({ evidence: factor.evidence.filter((x) => x.id !== e.id) }); }} aria-label={`Remove evidence: ${e.text.slice(0, 40)}`} className="min-h-6 min-w-6 shrink-0 rounded text-red-700 hover:bg-red-50">×</button>
              ) : null}
            </li>
          ))}
        </ul>
        <p aria-live="polite" data-testid="evidence-note" className="mt-1 text-sm text-amber-900">{note}</p>
        {!readOnly && evidenceFull ? (
          <p className="mt-2 text-sm text-slate-600" data-testid="evidence-full">
            This factor holds {PLAN_LIMITS.evidencePerFactor} pieces of evidence, the most a factor can hold. Remove one to add another.
          </p>
        ) : null}
        {!readOnly && !evidenceFull ? (
          <div className="mt-2 space-y-2">
            <button type="button" onClick={() => setPicking((p) => !p)} aria-expanded={picking} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
              {picking ? "Close evidence bank" : "Add evidence from the notes"}
            </button>
            {picking ? (
              <EvidencePicker
                bank={bank}
                chosen={new Set(factor.evidence.flatMap((e) => (e.source.kind === "bank" ? [e.source.pointId] : [])))}
                onPick={(p) => {
                  const { evidence, trimmed } = evidenceFromBank(p, newId);
                  addEvidence(evidence);
                  setNote(trimmed ? `That point is longer than the ${PLAN_LIMITS.evidenceText} characters a piece of evidence can hold, so it was shortened to fit; the full point is still in the notes.` : null);
                }}
                factorName={factor.name}
              />
            ) : null}
            <form
              className="flex gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (!own.trim()) return;
                addEvidence({ id: newId(), text: own.trim(), source: { kind: "own" } });
                setOwn("");
              }}
            >
              <label htmlFor={`${id}-own`} className="sr-only">Your own evidence for {factor.name}</label>
              <input id={`${id}-own`} maxLength={PLAN_LIMITS.evidenceText} value={own} onChange={(e) => setOwn(e.target.value)} placeholder="Or write your own evidence…" className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm" />
              <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">Add</button>
            </form>
          </div>
        ) : null}
      </div>

      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-for`} className="block text-sm font-medium text-slate-800">{sides ? "Argument: what this shows" : agreeWithClaim ? "How this bears on the claim" : "Argument for its significance"}</label>
          <textarea id={`${id}-for`} maxLength={PLAN_LIMITS.argument} rows={3} value={factor.argumentFor} readOnly={readOnly} onChange={(e) => set({ argumentFor: e.target.value })} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </div>
        <div>
          <label htmlFor={`${id}-against`} className="block text-sm font-medium text-slate-800">{sides ? "Its limits" : "Argument against (its limits)"}</label>
          <textarea id={`${id}-against`} maxLength={PLAN_LIMITS.argument} rows={3} value={factor.argumentAgainst} readOnly={readOnly} onChange={(e) => set({ argumentAgainst: e.target.value })} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </div>
      </div>
      <label htmlFor={`${id}-mini`} className="mt-3 block text-sm font-medium text-slate-800">Mini-judgement (one line)</label>
      <input id={`${id}-mini`} maxLength={PLAN_LIMITS.miniJudgement} value={factor.miniJudgement} readOnly={readOnly} onChange={(e) => set({ miniJudgement: e.target.value })} placeholder={sides || agreeWithClaim ? "So, this supports / challenges the claim because …" : "So, this factor was … because …"} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />

      {problems.length ? (
        <ul className="mt-3 list-disc space-y-0.5 pl-5 text-sm text-amber-900">
          {problems.map((p) => (
            <li key={p.key} data-testid="factor-problem">
              {p.advice}
              {p.source ? (
                <span className="block text-xs text-slate-700">
                  <span className="sr-only">Mark scheme: </span>
                  {p.source}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The removed piece's button goes with it: once the card has re-rendered, focus the next
 * piece's remove button (or the one before), else the card's way to add evidence.
 */
function focusAfterRemovingEvidence(button: HTMLElement) {
  const card = button.closest<HTMLElement>('[data-testid="factor-card"]');
  const buttons = () => [...(card?.querySelectorAll<HTMLElement>('[data-testid="evidence-item"] button') ?? [])];
  const at = buttons().indexOf(button);
  requestAnimationFrame(() => {
    const left = buttons();
    const next = left[at] ?? left[at - 1] ?? card?.querySelector<HTMLElement>("button[aria-expanded]") ?? card?.querySelector<HTMLElement>("input[id$='-own']");
    next?.focus();
  });
}

/** The removed card goes: focus the name of the card now in its place (or the one before), else the new factor field. */
function focusAfterRemovingFactor(button: HTMLElement) {
  const card = button.closest<HTMLElement>('[data-testid="factor-card"]');
  // Taken now: once the card has gone it has no parent to look from.
  const list = card?.parentElement;
  const cards = () => [...(list?.querySelectorAll<HTMLElement>('[data-testid="factor-card"]') ?? [])];
  const at = card ? cards().indexOf(card) : -1;
  requestAnimationFrame(() => {
    const left = cards();
    const next = (left[at] ?? left[at - 1])?.querySelector<HTMLElement>("input") ?? document.querySelector<HTMLElement>("input[id$='-nf']");
    next?.focus();
  });
}
