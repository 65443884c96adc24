"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { inviteCoTeacherAction } from "./actions";

export function InviteTeacherForm({ classroomId }: { classroomId: string }) {
  return (
    <ActionForm
      action={inviteCoTeacherAction}
      submitLabel="Invite"
      pendingLabel="Inviting…"
      successMessage="Invitation made. The teacher sees it on their dashboard when they sign in with that email, or send them its link below."
      resetOnSuccess
      testId="invite-teacher-form"
      className="mt-3 space-y-3"
    >
      <input type="hidden" name="classroomId" value={classroomId} />
      <TextField
        name="email"
        type="email"
        label="Invite a teacher by email"
        hint="They need a teacher account with this email. They can mark, set work and see every student's work in this class."
        autoComplete="off"
        spellCheck={false}
      />
    </ActionForm>
  );
}
