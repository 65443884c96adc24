"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/auth-actions";

export function SignOutButton() {
  const [, action, pending] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-50">
        Sign out
      </button>
    </form>
  );
}
