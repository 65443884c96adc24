"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { acceptDepartmentInvitationAction, inviteToDepartmentAction } from "./actions";

export function InviteToDepartmentForm({ departmentId, departmentName }: { departmentId: string; departmentName: string }) {
  return (
    <ActionForm action={inviteToDepartmentAction} submitLabel="Invite" pendingLabel="Inviting…" successMessage="Invited. They join once they accept on this page." resetOnSuccess testId="invite-to-department">
      <input type="hidden" name="departmentId" value={departmentId} />
      <TextField name="email" type="email" autoComplete="off" label={`Invite a teacher to ${departmentName} by email`} hint="They accept on their Department moderation page; their classes then open to your moderation." />
    </ActionForm>
  );
}

export function AcceptDepartmentInvitation({ invitationId, departmentName }: { invitationId: string; departmentName: string }) {
  return (
    <ActionForm action={acceptDepartmentInvitationAction} submitLabel={`Join ${departmentName}`} pendingLabel="Joining…" className="mt-2">
      <input type="hidden" name="invitationId" value={invitationId} />
    </ActionForm>
  );
}
