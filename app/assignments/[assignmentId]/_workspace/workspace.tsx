"use client";

import { useRef, useState } from "react";
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
    document.getElementById("draft-column")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  return (
    <>
    {props.redraft && !submitted ? <RedraftPanel text={draft.value} {...props.redraft} /> : null}
    <div className="grid gap-6 xl:grid-cols-2">
      <div>
        <Planner plan={plan} analysis={props.analysis} question={props.question} bank={props.bank} suggestedAreas={props.suggestedAreas} readOnly={readOnly} onInsertOutline={(t) => void insertOutline(t)} />
      </div>
      <div id="draft-column" className="xl:sticky xl:top-4 xl:self-start">
        <DraftEditor assignmentId={props.assignmentId} draft={draft} wordLimit={props.wordLimit} submitted={submitted} closed={props.closed} beforeSubmit={plan.drain} onSubmitted={(s) => { plan.lock(); setSubmitted(s); }} submitChecks={submitChecks} textRef={textRef} />
        <CoveragePanel assignmentId={props.assignmentId} text={draft.value} analysis={props.analysis} question={props.question} final={!!submitted} plan={plan.value} links={links} onLinks={setLinks} onToggleKey={toggleKey} textRef={textRef} readOnly={readOnly} />
      </div>
    </div>
    {dialog}
    </>
  );
}
