"use client";

import { useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { ParagraphLinks } from "@/lib/coverage/links";
import { checkPlan } from "@/lib/planner/check-plan";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CoveragePanel } from "./lazy-coverage";
import { usePlanCheckGuide } from "./plan-check-guide-context";
import { SubmitWarningList } from "./submit-warnings";
import { mergePlans, type PlanClash } from "@/lib/planner/merge-plan";
import type { Plan } from "@/lib/planner/plan-schema";
import type { QuestionAnalysis } from "@/lib/questions/analyse-question";
import { DraftEditor } from "./draft-editor";
import type { BankPoint } from "./evidence-picker";
import { Planner } from "./planner";
import { useAutosave } from "@/lib/client/use-autosave";
import type { AnnotationView } from "@/lib/marking/annotation-view";
import type { CriterionOption } from "@/lib/marking/search-bank";
import { RedraftPanel } from "../_feedback/lazy";

type Props = {
  assignmentId: string;
  userId: string;
  question: string;
  analysis: QuestionAnalysis;
  bank: BankPoint[];
  suggestedAreas: string[];
  wordLimit: number | null;
  closed: boolean;
  plan: { content: Plan; revision: number };
  draft: { text: string; revision: number; submittedAt: string | null; late: boolean; links?: ParagraphLinks };
  /** While redrafting after feedback: the returned annotations, re-attached live to the text. */
  redraft?: { annotations: AnnotationView[]; criteria: CriterionOption[]; feedbackHref: string };
};

// The student's planner and draft side by side, each autosaving on its own.
export function Workspace(props: Props) {
  const [submitted, setSubmitted] = useState(props.draft.submittedAt ? { at: new Date(props.draft.submittedAt), late: props.draft.late } : null);
  const readOnly = !!submitted || props.closed;

  const draft = useAutosave<string>({
    url: `/api/assignments/${props.assignmentId}/draft`,
    storageKey: `extent:draft:${props.userId}:${props.assignmentId}`,
    initial: { value: props.draft.text, revision: props.draft.revision },
    body: (text, baseRevision, checkpoint, pastes) => ({ text, baseRevision, checkpoint, pastes: pastes.length ? pastes : undefined }),
    parseConflict: (c) => {
      const cur = c as { text: string; revision: number };
      return { value: cur.text, revision: cur.revision };
    },
    disabled: readOnly,
  });
  const plan = useAutosave<Plan, PlanClash>({
    url: `/api/assignments/${props.assignmentId}/plan`,
    storageKey: `extent:plan:${props.userId}:${props.assignmentId}`,
    initial: { value: props.plan.content, revision: props.plan.revision },
    body: (p, baseRevision) => ({ plan: p, baseRevision }),
    parseConflict: (c) => {
      const cur = c as { plan: Plan; revision: number };
      return { value: cur.plan, revision: cur.revision };
    },
    // Two tabs editing different parts of the plan both keep their edits; only a true clash asks.
    merge: (base, mine, theirs) => {
      const merged = mergePlans(base, mine, theirs);
      return { value: merged.plan, clashes: merged.clashes };
    },
    disabled: readOnly,
  });

  const [links, setLinks] = useState<ParagraphLinks>(props.draft.links ?? {});
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Below the xl breakpoint the plan and the essay do not fit side by side: a switch shows one
  // at a time (decision 044). The other is hidden, never unmounted, so nothing typed is lost.
  const [view, setView] = useState<"plan" | "essay">("plan");
  const viewId = useId();
  const [dialog, ask] = useConfirm();
  // The hand-in's "Fix:" items speak the assignment's mark scheme, as the planner's do (decision 022).
  const guide = usePlanCheckGuide();

  async function submitChecks() {
    // The matcher loads with the coverage panel (lazy-coverage.tsx); by hand-in it is here.
    const [{ computeCoverage }, { hasWarnings, submitWarnings }] = await Promise.all([import("@/lib/coverage/coverage"), import("@/lib/coverage/submit-checks")]);
    // The text on screen now, not the panel's deferred copy: this is what would be handed in.
    const now = computeCoverage({ text: draft.current(), plan: plan.value, analysis: props.analysis, question: props.question, links });
    const warnings = submitWarnings(now, checkPlan(plan.value, props.analysis, { guide, question: props.question }));
    return hasWarnings(warnings) ? <SubmitWarningList warnings={warnings} /> : null;
  }

  function toggleKey(factorId: string, evidenceId: string) {
    plan.setValue((p) => ({
      ...p,
      factors: p.factors.map((f) => (f.id !== factorId ? f : { ...f, evidence: f.evidence.map((e) => (e.id === evidenceId ? { ...e, key: !e.key } : e)) })),
    }));
  }

  async function insertOutline(text: string) {
    if (draft.value.trim() && !(await ask({ title: "Add the outline to your essay?", body: <p>It goes at the end of your essay. Nothing you have written is removed.</p>, confirmLabel: "Add the outline", cancelLabel: "Cancel", testId: "outline-dialog" }))) return;
    draft.setValue((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text), { checkpoint: "outline" });
    setView("essay");
    document.getElementById("draft-column")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  /** The planner's skip link: to the essay box, showing the essay first on a narrow screen. */
  function skipToEssay(e: React.MouseEvent) {
    e.preventDefault();
    flushSync(() => setView("essay"));
    textRef.current?.focus();
  }

  const switchButton = (which: "plan" | "essay", label: string) => (
    <button
      type="button"
      aria-pressed={view === which}
      aria-controls={which === "plan" ? `${viewId}-plan` : "draft-column"}
      onClick={() => setView(which)}
      data-testid={`show-${which}`}
      className={`flex-1 rounded-md px-3 py-2 text-sm font-medium ${view === which ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </button>
  );

  return (
    <>
    {props.redraft && !submitted ? <RedraftPanel text={draft.value} {...props.redraft} /> : null}
    <div role="group" aria-label="Show the plan or the essay" className="sticky top-0 z-20 -mx-4 mb-4 flex gap-1 border-b border-slate-200 bg-white/95 px-4 py-2 xl:hidden" data-testid="view-switch">
      {switchButton("plan", "Plan")}
      {switchButton("essay", "Essay")}
    </div>
    <div className="grid min-w-0 gap-6 xl:grid-cols-2">
      <div id={`${viewId}-plan`} className={`min-w-0 ${view === "plan" ? "" : "hidden xl:block"}`} data-testid="plan-column">
        <a href="#draft-column" onClick={skipToEssay} className="sr-only focus:not-sr-only focus:mb-3 focus:inline-block focus:rounded-md focus:bg-indigo-700 focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-white" data-testid="skip-to-essay">
          Skip to the essay
        </a>
        <Planner plan={plan} analysis={props.analysis} question={props.question} bank={props.bank} suggestedAreas={props.suggestedAreas} readOnly={readOnly} onInsertOutline={(t) => void insertOutline(t)} />
      </div>
      <div id="draft-column" className={`min-w-0 xl:sticky xl:top-4 xl:self-start ${view === "essay" ? "" : "hidden xl:block"}`}>
        <DraftEditor assignmentId={props.assignmentId} draft={draft} wordLimit={props.wordLimit} submitted={submitted} closed={props.closed} beforeSubmit={plan.drain} onSubmitted={(s) => { plan.lock(); setSubmitted(s); }} submitChecks={submitChecks} textRef={textRef} />
        <CoveragePanel assignmentId={props.assignmentId} text={draft.value} analysis={props.analysis} question={props.question} final={!!submitted} plan={plan.value} links={links} onLinks={setLinks} onToggleKey={toggleKey} textRef={textRef} readOnly={readOnly} />
      </div>
    </div>
    {dialog}
    </>
  );
}
