"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import type { AnalysisColumns } from "@/lib/questions/question-record";
import { updateQuestionAction } from "../actions";

type Question = { id: string; text: string } & AnalysisColumns;

export function EditAnalysisForm({ question: q }: { question: Question }) {
  return (
    <ActionForm action={updateQuestionAction} submitLabel="Save analysis" successMessage="Analysis saved." testId="analysis-form">
      <input type="hidden" name="questionId" value={q.id} />
      <TextArea name="text" label="Question" rows={3} defaultValue={q.text} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="stem"
          label="Command stem"
          defaultValue={q.stem}
          options={[
            { value: "TO_WHAT_EXTENT", label: "To what extent" },
            { value: "HOW_FAR", label: "How far" },
            { value: "HOW_SIGNIFICANT", label: "How significant" },
            { value: "ASSESS", label: "Assess" },
            { value: "OTHER", label: "Other" },
          ]}
        />
        <SelectField
          name="focus"
          label="The question weighs…"
          defaultValue={q.focus}
          hint="A stated factor against other factors, or a claim against the counter-case."
          options={[
            { value: "STATED_FACTOR", label: "A stated factor" },
            { value: "CLAIM", label: "A claim" },
            { value: "NONE", label: "Neither" },
          ]}
        />
      </div>
      <TextField name="statedFactor" label="Stated factor" defaultValue={q.statedFactor ?? ""} />
      <TextField name="claim" label="Claim (as a statement)" defaultValue={q.claim ?? ""} />
      <TextField name="outcome" label="Outcome it is weighed against" defaultValue={q.outcome ?? ""} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="periodFrom" label="From year" inputMode="numeric" defaultValue={q.periodFrom ?? ""} />
        <TextField name="periodTo" label="To year" inputMode="numeric" defaultValue={q.periodTo ?? ""} />
        <TextField name="periodLabel" label="Period as written" defaultValue={q.periodLabel ?? ""} />
      </div>
    </ActionForm>
  );
}
