"use client";

import { ActionForm } from "@/components/ui/action-form";
import { DateTimeField } from "@/components/ui/date-time-field";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { chooseDeepLinkAction } from "./actions";

type Option = { value: string; label: string };

export function ChooseForm({ requestId, questions, rubrics, defaultDue }: { requestId: string; questions: Option[]; rubrics: Option[]; defaultDue: string }) {
  return (
    <ActionForm action={chooseDeepLinkAction} submitLabel="Add to the course" pendingLabel="Adding…">
      <input type="hidden" name="requestId" value={requestId} />
      <SelectField name="questionId" label="Question" options={questions} />
      <SelectField name="rubricId" label="Mark scheme" options={rubrics} hint="Its total becomes the gradebook column's maximum in your LMS." />
      <DateTimeField name="dueAt" label="Due" defaultValue={defaultDue} />
      <TextField name="wordLimit" label="Word limit (optional)" inputMode="numeric" placeholder="e.g. 1200" />
      <TextArea name="instructions" label="Instructions (optional)" rows={3} />
    </ActionForm>
  );
}
