"use client";

import { ActionForm } from "@/components/ui/action-form";
import { acceptInvitationAction } from "../auth-actions";

/** A signed-in student who follows an invitation link joins with one click. */
export function AcceptInvitationForm({ token, classroomName }: { token: string; classroomName: string }) {
  return (
    <ActionForm action={acceptInvitationAction} submitLabel={`Join ${classroomName}`} pendingLabel="Joining…" testId="accept-invitation">
      <input type="hidden" name="token" value={token} />
    </ActionForm>
  );
}
