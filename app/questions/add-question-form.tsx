"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextArea } from "@/components/ui/field";
import { addQuestionAction } from "./actions";

export function AddQuestionForm({ topics }: { topics: { value: string; label: string }[] }) {
  return (
    <ActionForm action={addQuestionAction} submitLabel="Add and analyse" pendingLabel="Adding…">
      <SelectField name="topicId" label="Topic" options={topics} />
      <TextArea name="text" label="Question" rows={4} hint="For example: “How far was the Virgin Lands Scheme a success in the years 1954–64?”" />
    </ActionForm>
  );
}
