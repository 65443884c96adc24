"use client";

import { ActionForm } from "@/components/ui/action-form";
import { RadioGroup, TextField } from "@/components/ui/field";
import { PASSWORD_RULE } from "@/lib/auth/password-rule";
import { signUpAction } from "../auth-actions";

type Invitation = { token: string; name: string; email: string };

// Through an invitation the account is a student's (the server enforces it too), so the
// role choice is replaced by a note.
export function SignUpForm({ next, invitation }: { next?: string; invitation?: Invitation }) {
  return (
    <ActionForm action={signUpAction} submitLabel={invitation ? "Create account and join" : "Create account"} pendingLabel="Creating your account…">
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField name="name" label="Your name" autoComplete="name" defaultValue={invitation?.name} required />
      <TextField name="email" label="Email" type="email" autoComplete="email" defaultValue={invitation?.email} required />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={PASSWORD_RULE} required />
      {invitation ? (
        <>
          <input type="hidden" name="invite" value={invitation.token} />
          <input type="hidden" name="role" value="STUDENT" />
          <p className="text-sm text-slate-700">You are joining as a student.</p>
        </>
      ) : (
        <RadioGroup
          name="role"
          legend="I am a…"
          defaultValue="STUDENT"
          options={[
            { value: "STUDENT", label: "Student", hint: "Plan and draft essays for your classes." },
            { value: "TEACHER", label: "Teacher", hint: "Set questions, mark and track classes." },
          ]}
        />
      )}
    </ActionForm>
  );
}
