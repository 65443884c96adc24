"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { joinClassroomAction } from "../classes/actions";

export function JoinClassForm() {
  return (
    <ActionForm action={joinClassroomAction} submitLabel="Join class" pendingLabel="Joining…" successMessage="You have joined the class." resetOnSuccess>
      <TextField name="code" label="Join code" hint="6 letters and numbers, from your teacher." autoComplete="off" autoCapitalize="characters" spellCheck={false} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono uppercase tracking-widest" />
    </ActionForm>
  );
}
