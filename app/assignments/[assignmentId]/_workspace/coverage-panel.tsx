"use client";

import { useDeferredValue, useId, useMemo, useRef, useState, type RefObject } from "react";
import { computeCoverage, type FactorCoverage } from "@/lib/coverage/coverage";
import type { QuestionAnalysis } from "@/lib/questions/analyse-question";
import type { LinkTarget, ParagraphLinks } from "@/lib/coverage/links";
import type { Factor, Plan } from "@/lib/planner/plan-schema";
import { callAction } from "@/lib/client/call-action";
import { CoverageSummary } from "@/components/coverage/coverage-summary";
import { setParagraphLinkAction } from "@/app/assignments/coverage-actions";
import { NextSteps } from "./next-steps";

const ROLE_LABEL = { introduction: "Introduction", conclusion: "Conclusion", body: "Body", outline: "Outline (not written yet)" } as const;

/**
 * Beside the draft: how far the essay carries out the plan, recomputed as the student types.
 * A factor's name goes to its paragraph in the textarea, or says what to write next; each
 * paragraph's link can be corrected by hand. Loaded lazily (lazy-coverage.tsx).
 */
export function CoveragePanel({
  assignmentId,
  text: liveText,
  analysis,
  question,
  final,
  plan,
  links,
  onLinks,
  onToggleKey,
  textRef,
  readOnly,
}: {
  assignmentId: string;
  text: string;
  analysis: QuestionAnalysis;
  question: string;
  final: boolean;
  plan: Plan;
  links: ParagraphLinks;
  onLinks: (links: ParagraphLinks) => void;
  onToggleKey: (factorId: string, evidenceId: string) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
  readOnly: boolean;
}) {
  const id = useId();
  // Coverage follows the text a beat behind the keyboard and is memoised on text, plan and
  // links; each paragraph's words are cached by its text, so a keystroke re-reads one
  // paragraph (about 1 ms for a 1,500-word essay, decision 021).
  const text = useDeferredValue(liveText);
  const coverage = useMemo(() => computeCoverage({ text, plan, analysis, question, links, final }), [text, plan, analysis, question, links, final]);
  const [next, setNext] = useState<Factor | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const nextRef = useRef<HTMLDivElement>(null);
  // The factor that opened "what to write next", which gets focus back when it closes.
  const opener = useRef<HTMLElement | null>(null);
  const covered = coverage.factors.filter((f) => f.status === "covered").length;
  const factorName = new Map(plan.factors.map((f) => [f.id, f.name.trim() || "Unnamed factor"]));

  function goTo(start: number) {
    const ta = textRef.current;
    if (!ta) return;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, start);
    // Put the paragraph's first line near the top third of the box.
    ta.scrollTop = Math.max(0, (ta.scrollHeight * start) / Math.max(1, ta.value.length) - ta.clientHeight / 3);
    ta.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function onFactor(f: FactorCoverage) {
    const paragraph = coverage.paragraphs.find((p) => p.index === f.paragraphs[0]);
    if (f.status === "covered" && paragraph) {
      setNext(null);
      return goTo(paragraph.start);
    }
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNext(plan.factors.find((x) => x.id === f.factorId) ?? null);
    requestAnimationFrame(() => nextRef.current?.focus());
  }

  async function link(key: string, target: LinkTarget | null) {
    const before = links;
    const optimistic = { ...links };
    if (target === null) delete optimistic[key];
    else optimistic[key] = target;
    onLinks(optimistic);
    setMessage(null);
    const r = await callAction(() => setParagraphLinkAction(null, { assignmentId, key, target }));
    if (r.ok) return onLinks(r.data.links);
    onLinks(before);
    setMessage(`Not saved: ${r.formError ?? "the link could not be saved."}`);
  }

  return (
    <details open className="group mt-4 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="coverage-panel">
      <summary className="cursor-pointer list-none rounded-lg px-4 py-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
        <span className="flex flex-wrap items-baseline justify-between gap-2">
          <span id={`${id}-h`} className="text-base font-semibold">
            <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">▸</span>
            How far your essay follows your plan
          </span>
          <span className="text-sm text-slate-700" data-testid="coverage-count">
            {covered} of {coverage.factors.length} factors argued
          </span>
        </span>
      </summary>
      <div className="space-y-4 border-t border-slate-200 px-4 py-3 xl:max-h-[50vh] xl:overflow-y-auto">
        {next ? (
          <div ref={nextRef} tabIndex={-1} aria-live="polite" className="outline-none">
            <NextSteps factor={next} status={coverage.factors.find((f) => f.factorId === next.id)?.status ?? "missing"} onClose={() => {
                setNext(null);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            />
          </div>
        ) : null}
        <CoverageSummary
          coverage={coverage}
          audience="student"
          onFactor={onFactor}
          evidenceControl={
            readOnly
              ? undefined
              : (e) => (
                  <button type="button" aria-pressed={e.key} onClick={() => onToggleKey(e.factorId, e.evidenceId)} className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50">
                    {e.key ? "Key ✓" : "Mark as key"}
                    <span className="sr-only">: {e.text.slice(0, 60)}</span>
                  </button>
                )
          }
        />
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Your paragraphs</h3>
          <p className="text-xs text-slate-600">Each paragraph is matched to the factor it argues. If the match is wrong, choose what the paragraph is about.</p>
          {coverage.paragraphs.length === 0 ? <p className="mt-1 text-sm text-slate-600">Nothing written yet.</p> : null}
          <ol className="mt-1 space-y-2">
            {coverage.paragraphs.map((p) => {
              const auto = p.linkedByHand ? null : p.factorId ? factorName.get(p.factorId) : ROLE_LABEL[p.role] + (p.role === "body" ? ": no factor found" : "");
              return (
                <li key={p.key} className="rounded border border-slate-200 px-2 py-1.5 text-sm" data-testid="coverage-paragraph">
                  <button type="button" onClick={() => goTo(p.start)} className="text-left text-slate-800 hover:underline">
                    <span className="font-medium">¶{p.index + 1}</span> “{p.preview}”
                  </button>
                  <label className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700">
                    <span>Paragraph {p.index + 1} is</span>
                    <select
                      value={links[p.key] ?? ""}
                      disabled={readOnly}
                      onChange={(e) => void link(p.key, e.target.value || null)}
                      className="min-w-0 max-w-full rounded border border-slate-300 bg-white px-1 py-0.5 text-sm"
                    >
                      <option value="">Found automatically{auto ? ` (${auto})` : ""}</option>
                      <option value="role:introduction">The introduction</option>
                      <option value="role:conclusion">The conclusion</option>
                      {plan.factors.map((f) => (
                        <option key={f.id} value={f.id}>
                          About: {factorName.get(f.id)}
                        </option>
                      ))}
                      <option value="role:none">About no planned factor</option>
                    </select>
                  </label>
                  {p.matchedOn.length ? <p className="text-xs text-slate-600">Matched on {p.matchedOn.map((w) => `‘${w}’`).join(", ")}</p> : null}
                </li>
              );
            })}
          </ol>
          <p aria-live="polite" className="mt-1 text-sm text-red-800" data-testid="coverage-link-message">
            {message}
          </p>
        </div>
      </div>
    </details>
  );
}
