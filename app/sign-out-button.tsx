"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/auth-actions";
import { guardAction } from "@/lib/client/call-action";

// Offline or a 5xx becomes a message here instead of the error page.
const guardedSignOut = guardAction(signOutAction);

export function SignOutButton() {
  const [state, action, pending] = useActionState(guardedSignOut, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-50">
        Sign out
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
