"use client";

import { ActionForm } from "@/components/ui/action-form";
import { DateTimeField } from "@/components/ui/date-time-field";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { setAssignmentAction } from "@/app/assignments/actions";
import { FeedbackBeforeMarksField } from "./feedback-before-marks-field";

type Option = { value: string; label: string };

export function SetAssignmentForm({ classroomId, questions, rubrics, defaultDue }: { classroomId: string; questions: Option[]; rubrics: Option[]; defaultDue: string }) {
  return (
    <ActionForm action={setAssignmentAction} submitLabel="Set assignment" pendingLabel="Setting…">
      <input type="hidden" name="classroomId" value={classroomId} />
      <SelectField name="questionId" label="Question" options={questions} />
      <SelectField name="rubricId" label="Mark scheme" options={rubrics} hint="The scheme is fixed when you set the assignment; later edits to its file don't change this work." />
      <DateTimeField name="dueAt" label="Due" defaultValue={defaultDue} />
      <TextField name="wordLimit" label="Word limit (optional)" inputMode="numeric" placeholder="e.g. 1200" />
      <TextArea name="instructions" label="Instructions (optional)" rows={4} placeholder="e.g. Plan first: at least three factors, each with evidence. Write in timed conditions." />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="blindMarking" className="mt-1" aria-describedby="blind-hint" />
        <span>
          <span className="font-medium">Mark blind</span>
          <span id="blind-hint" className="block text-slate-600">Markers see candidate numbers instead of names until a teacher reveals them.</span>
        </span>
      </label>
      <FeedbackBeforeMarksField />
    </ActionForm>
  );
}
