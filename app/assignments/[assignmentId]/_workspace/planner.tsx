"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { checkPlan } from "@/lib/planner/check-plan";
import { areaFactors, blankFactor } from "@/lib/planner/initial-plan";
import { factorsByWeight, generateOutline, outlineToText } from "@/lib/planner/outline";
import { mergePlans, type PlanClash } from "@/lib/planner/merge-plan";
import { PLAN_LIMITS } from "@/lib/planner/plan-limits";
import type { Factor, Plan } from "@/lib/planner/plan-schema";
import { CRITERION_FAMILIES, SIGNIFICANCE_CRITERIA } from "@/lib/planner/significance-criteria";
import type { QuestionAnalysis } from "@/lib/questions/analyse-question";
import { questionVoice } from "@/lib/planner/question-voice";
import { servesText } from "@/lib/planner/check-plan";
import { JudgementLine } from "./judgement-line";
import { PlanCheckPanel } from "./plan-check-panel";
import { usePlanCheckGuide } from "./plan-check-guide-context";
import type { BankPoint } from "./evidence-picker";
import { FactorCard } from "./factor-card";
import { useDragLayer } from "./lazy-sortable";
import type { SortableSlot } from "./sortable-factors";
import { PlanClashNotice } from "./lazy-clash-notice";
import { ConflictNotice } from "@/components/autosave/conflict-notice";
import { SaveStatusText } from "@/components/autosave/save-status";
import type { AutosaveHandle } from "@/lib/client/use-autosave";
import { KeptStateProvider } from "@/lib/client/kept-state";

type PlanState = AutosaveHandle<Plan, PlanClash>;
const newId = () => crypto.randomUUID();

export function Planner({
  plan: state,
  analysis,
  question,
  bank,
  suggestedAreas,
  readOnly,
  onInsertOutline,
}: {
  plan: PlanState;
  analysis: QuestionAnalysis;
  question: string;
  bank: BankPoint[];
  suggestedAreas: string[];
  readOnly: boolean;
  onInsertOutline: (text: string) => void;
}) {
  const id = useId();
  const plan = state.value;
  const setPlan = (patch: Partial<Plan>) => state.setValue((p) => ({ ...p, ...patch }));
  const [newFactor, setNewFactor] = useState("");
  const [newCriterion, setNewCriterion] = useState("");
  // After a factor moves, focus goes back to the control that moved it (or the card's handle),
  // not to the page: React moving the card's element in the list drops focus otherwise.
  const [moved, setMoved] = useState<{ id: string; via: "up" | "down" | "handle"; said?: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const DragLayer = useDragLayer(!readOnly, listRef);
  useEffect(() => {
    if (!moved) return;
    const card = listRef.current?.querySelector(`[data-factor-id="${CSS.escape(moved.id)}"]`);
    const enabled = (sel: string) => card?.querySelector<HTMLElement>(`${sel}:not(:disabled)`);
    const target =
      moved.via === "handle" ? enabled('[data-testid="factor-handle"]') : (enabled(`[data-move="${moved.via}"]`) ?? enabled("[data-move]") ?? enabled('[data-testid="factor-handle"]'));
    target?.focus();
  }, [moved]);
  const guide = usePlanCheckGuide();
  const voice = useMemo(() => questionVoice(question, analysis), [question, analysis]);
  const problems = useMemo(() => checkPlan(plan, analysis, { guide, question }), [plan, analysis, guide, question]);
  // Problems about one factor show on its card as well as in the check's filtered lists.
  const byFactor = (fid: string) =>
    problems
      .filter((p) => p.section === "factors" && p.factorId === fid)
      .map((p) => ({ key: p.code, advice: p.advice, source: p.serves ? servesText(p.serves) : null }));
  const claimQuestion = analysis.focus === "claim";
  // The schema's caps, enforced here too, so the planner never builds a plan the server refuses.
  const factorsFull = plan.factors.length >= PLAN_LIMITS.factors;
  const areaFits = plan.factors.length + 2 <= PLAN_LIMITS.factors; // an area adds a case for and against
  const customFull = plan.customCriteria.length >= PLAN_LIMITS.customCriteria;
  const criteriaFull = plan.criteria.length >= PLAN_LIMITS.criteria;

  const setFactors = (factors: Factor[]) => setPlan({ factors });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= plan.factors.length || from === to) return;
    const next = [...plan.factors];
    const [f] = next.splice(from, 1);
    next.splice(to, 0, f!);
    setFactors(next);
  };
  const card = (f: Factor, i: number, sortable?: SortableSlot) => (
    <FactorCard
      key={f.id}
      factor={f}
      index={i}
      count={plan.factors.length}
      bank={bank}
      problems={byFactor(f.id)}
      agreeWithClaim={voice.agreeWithClaim}
      readOnly={readOnly}
      onChange={(nf) => setFactors(plan.factors.map((x) => (x.id === nf.id ? nf : x)))}
      onMove={(to) => {
        move(i, to);
        setMoved({ id: f.id, via: to < i ? "up" : "down", said: `${f.name || "The factor"} moved to position ${to + 1} of ${plan.factors.length}.` });
      }}
      onRemove={() => setFactors(plan.factors.filter((x) => x.id !== f.id))}
      sortable={sortable}
    />
  );

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-h`} className="text-lg font-semibold">Plan</h2>
        {!readOnly ? <SaveStatusText status={state.status} testId="plan-status" /> : null}
      </div>

      {state.conflict && state.conflict.clashes.length ? (
        <PlanClashNotice
          key={state.conflict.revision}
          clashes={state.conflict.clashes}
          onResolve={(choices) => {
            const c = state.conflict;
            // Everything else from both tabs is merged already; the choices settle the clashes.
            if (c) state.resolveConflict({ value: mergePlans(c.base, state.current(), c.value, choices).plan });
          }}
        />
      ) : state.conflict ? (
        <ConflictNotice
          testId="plan-conflict"
          message="This plan was changed in another tab or on another device. Your changes here have not been saved."
          takeNewerLabel="Load the newer plan"
          onResolve={state.resolveConflict}
        />
      ) : null}

      <PlanCheckPanel problems={problems} guide={guide} />

      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="font-semibold text-slate-900">{claimQuestion ? "The case for and against" : "Factors"}</h3>
          {!readOnly && plan.factors.length > 1 ? (
            <button type="button" onClick={() => setFactors(factorsByWeight(plan.factors))} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">Sort by weight</button>
          ) : null}
        </div>
        <p className="text-sm text-slate-600">
          {readOnly ? "Most significant first." : "Put the most significant first: drag a card by its handle (⠿), or use its Move up and Move down buttons."}
        </p>
        <ol ref={listRef} className="mt-2 space-y-3">
          <KeptStateProvider>
            {DragLayer ? (
              // eslint-disable-next-line react-hooks/static-components -- the loaded chunk's component, set once: its identity never changes
              <DragLayer
                items={plan.factors.map((f) => ({ id: f.id, name: f.name }))}
                onMove={move}
                onMoved={(fid) => setMoved({ id: fid, via: "handle" })}
                renderItem={(item, i, slot) => card(plan.factors[i]!, i, slot)}
              />
            ) : (
              plan.factors.map((f, i) => card(f, i))
            )}
          </KeptStateProvider>
        </ol>
        <p aria-live="polite" className="sr-only" data-testid="factor-moved">{moved?.said ?? ""}</p>
        {!readOnly ? (
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <form
              className="flex min-w-64 flex-1 gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (!newFactor.trim() || factorsFull) return;
                setFactors([...plan.factors, blankFactor(newFactor.trim(), claimQuestion ? "counter" : "other", newId)]);
                setNewFactor("");
              }}
            >
              <label htmlFor={`${id}-nf`} className="sr-only">New factor name</label>
              <input id={`${id}-nf`} maxLength={PLAN_LIMITS.factorName} value={newFactor} onChange={(e) => setNewFactor(e.target.value)} placeholder={claimQuestion ? "Another point against, e.g. Continued repression" : "Another factor, e.g. Economic failures"} className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-1.5" />
              <button type="submit" disabled={factorsFull} aria-describedby={factorsFull ? `${id}-nf-full` : undefined} className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60">Add factor</button>
            </form>
            {claimQuestion ? (
              <div className="flex flex-wrap gap-1" role="group" aria-label="Add an area: a case for and against">
                {suggestedAreas.map((area) => (
                  <button key={area} type="button" disabled={!areaFits} onClick={() => setFactors([...plan.factors, ...areaFactors(area, analysis, { makeId: newId })])} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50">
                    + {area}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        ) : null}
        {!readOnly && (factorsFull || (claimQuestion && !areaFits)) ? (
          <p id={`${id}-nf-full`} data-testid="factors-full" className="mt-2 text-sm text-slate-600">
            {factorsFull ? `Your plan has ${PLAN_LIMITS.factors} factors, the most a plan can hold.` : `An area adds two factors, and a plan can hold ${PLAN_LIMITS.factors}.`} Remove one to add another.
          </p>
        ) : null}
      </div>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <legend className="px-1 font-semibold text-slate-900">Criteria for judging significance</legend>
        <div className="grid gap-3 md:grid-cols-3">
          {CRITERION_FAMILIES.map((fam) => (
            <div key={fam.id}>
              <p className="text-sm font-medium text-slate-800">{fam.name}</p>
              <ul className="mt-1 space-y-1">
                {SIGNIFICANCE_CRITERIA.filter((c) => c.family === fam.id).map((c) => (
                  <li key={c.id}>
                    <label className="flex items-start gap-2 text-sm" title={c.question}>
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={plan.criteria.includes(c.id)}
                        disabled={readOnly || (criteriaFull && !plan.criteria.includes(c.id))}
                        onChange={(e) => setPlan({ criteria: e.target.checked ? [...plan.criteria, c.id] : plan.criteria.filter((x) => x !== c.id) })}
                      />
                      <span>
                        {c.name}
                        <span className="block text-xs text-slate-500">{c.question}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <div className="mt-3">
          {plan.customCriteria.length ? (
            <ul className="mb-2 flex flex-wrap gap-1">
              {plan.customCriteria.map((c) => (
                <li key={c} className="flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-sm text-indigo-900">
                  {c}
                  {!readOnly ? (
                    <button
                      type="button"
                      aria-label={`Remove criterion ${c}`}
                      className="min-h-6 min-w-6 rounded-full hover:bg-indigo-100"
                      onClick={(ev) => {
                        // The button goes with the criterion: focus the field for a new one.
                        const field = ev.currentTarget.closest("ul")?.parentElement?.querySelector<HTMLElement>("form input");
                        setPlan({ customCriteria: plan.customCriteria.filter((x) => x !== c) });
                        requestAnimationFrame(() => field?.focus());
                      }}
                    >
                      ×
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {!readOnly ? (
            <form
              className="flex gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const c = newCriterion.trim();
                if (!c || customFull || plan.customCriteria.includes(c)) return;
                setPlan({ customCriteria: [...plan.customCriteria, c] });
                setNewCriterion("");
              }}
            >
              <label htmlFor={`${id}-nc`} className="sr-only">Your own criterion</label>
              <input id={`${id}-nc`} maxLength={PLAN_LIMITS.criterion} value={newCriterion} onChange={(e) => setNewCriterion(e.target.value)} placeholder="Your own criterion, e.g. Impact on the Party elite" className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm" />
              <button type="submit" disabled={customFull} aria-describedby={customFull ? `${id}-nc-full` : undefined} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50">Add criterion</button>
            </form>
          ) : null}
          {!readOnly && customFull ? (
            <p id={`${id}-nc-full`} className="mt-1 text-sm text-slate-600">You have {PLAN_LIMITS.customCriteria} criteria of your own, the most a plan can hold.</p>
          ) : null}
        </div>
      </fieldset>

      <JudgementLine
        judgement={plan.judgement}
        analysis={analysis}
        voice={voice}
        readOnly={readOnly}
        onChange={(judgement) => setPlan({ judgement })}
      />

      {!readOnly ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => onInsertOutline(outlineToText(generateOutline(plan, analysis, question)))}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800"
          >
            Insert outline into my essay
          </button>
          <p className="text-sm text-slate-600">Paragraphs in weight order, each with point, evidence, explanation and a link back to the question.</p>
        </div>
      ) : null}
    </section>
  );
}
