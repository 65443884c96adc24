"use client";

import { ActionForm } from "@/components/ui/action-form";
import { RadioGroup, TextField } from "@/components/ui/field";
import { signUpAction } from "../auth-actions";

export function SignUpForm({ next }: { next?: string }) {
  return (
    <ActionForm action={signUpAction} submitLabel="Create account" pendingLabel="Creating your account…">
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField name="name" label="Your name" autoComplete="name" required />
      <TextField name="email" label="Email" type="email" autoComplete="email" required />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint="At least 10 characters." required />
      <RadioGroup
        name="role"
        legend="I am a…"
        defaultValue="STUDENT"
        options={[
          { value: "STUDENT", label: "Student", hint: "Plan and draft essays for your classes." },
          { value: "TEACHER", label: "Teacher", hint: "Set questions, mark and track classes." },
        ]}
      />
    </ActionForm>
  );
}
