"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { createClassroomAction } from "../actions";

export function NewClassForm() {
  return (
    <ActionForm action={createClassroomAction} submitLabel="Create class" pendingLabel="Creating…">
      <TextField name="name" label="Class name" placeholder="12H History" required />
      <TextField name="subject" label="Subject" defaultValue="History" required />
      <TextField name="yearGroup" label="Year group" placeholder="Year 12" required />
    </ActionForm>
  );
}
