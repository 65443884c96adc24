"use client";

import { useState } from "react";
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
  draft: { text: string; revision: number; submittedAt: string | null; late: boolean };
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

  function insertOutline(text: string) {
    if (draft.value.trim() && !confirm("Add the outline to the end of your essay? Nothing you have written is removed.")) return;
    draft.setValue((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text), { checkpoint: "outline" });
    document.getElementById("draft-column")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  return (
    <>
    {props.redraft && !submitted ? <RedraftPanel text={draft.value} {...props.redraft} /> : null}
    <div className="grid gap-6 xl:grid-cols-2">
      <div>
        <Planner plan={plan} analysis={props.analysis} question={props.question} bank={props.bank} suggestedAreas={props.suggestedAreas} readOnly={readOnly} onInsertOutline={insertOutline} />
      </div>
      <div id="draft-column" className="xl:sticky xl:top-4 xl:self-start">
        <DraftEditor assignmentId={props.assignmentId} draft={draft} wordLimit={props.wordLimit} submitted={submitted} closed={props.closed} beforeSubmit={plan.drain} onSubmitted={(s) => { plan.lock(); setSubmitted(s); }} />
      </div>
    </div>
    </>
  );
}
