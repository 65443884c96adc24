"use client";

import { useActionState } from "react";
import { revokeInvitationAction } from "./actions";
import { guardAction } from "@/lib/client/call-action";
import { focusWhenRemoved } from "@/lib/client/focus-when-removed";

// Offline or a 5xx becomes a message here instead of the error page.
const guardedRevokeInvitation = guardAction(revokeInvitationAction);

export function RevokeInvitationButton({ invitationId, who }: { invitationId: string; who: string }) {
  const [state, action, pending] = useActionState(guardedRevokeInvitation, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Withdraw the invitation for ${who}? Their link will stop working.`)) return e.preventDefault();
        // The invitation's row goes: focus the list's heading, not the page.
        focusWhenRemoved(e.currentTarget, () => document.getElementById("pending-invitations"));
      }}
    >
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50" aria-label={`Withdraw the invitation for ${who}`}>
        {pending ? "Withdrawing…" : "Withdraw"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
