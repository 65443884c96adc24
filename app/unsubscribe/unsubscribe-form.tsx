"use client";

import { useActionState, useEffect, useRef } from "react";
import { guardAction } from "@/lib/client/call-action";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { unsubscribeAction } from "./actions";
import { SettingsLink } from "./settings-link";

const guardedUnsubscribe = guardAction(unsubscribeAction);

/** "Stop these emails", then what was done, with focus moved to say so. */
export function UnsubscribeForm({ token, label, email }: { token: string; label: string; email: string }) {
  const [state, action, pending] = useActionState(guardedUnsubscribe, null);
  const done = useRef<HTMLHeadingElement>(null);
  const problem = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state?.ok) done.current?.focus();
    else if (state) problem.current?.focus();
  }, [state]);

  if (state?.ok) {
    return (
      <Card>
        <h1 ref={done} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-slate-900 outline-none" data-testid="unsubscribed">
          You won&rsquo;t get these emails any more
        </h1>
        <p className="mt-2 text-slate-700">
          Emails about <strong>{state.data.label.toLowerCase()}</strong> will no longer go to <strong className="break-all">{state.data.email}</strong>. They still appear under the bell in Extent.
        </p>
        <SettingsLink />
      </Card>
    );
  }

  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Stop emails about {label.toLowerCase()}?</h1>
      <p className="mt-2 text-slate-700">
        Extent will stop emailing <strong className="break-all">{email}</strong> about {label.toLowerCase()}. You will still see them under the bell in Extent, and other emails are not changed.
      </p>
      <form action={action} className="mt-4 space-y-3">
        <input type="hidden" name="token" value={token} />
        <div aria-live="polite">
          {state && !state.ok ? (
            <p ref={problem} tabIndex={-1} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 outline-none">
              {state.formError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Stopping…" : "Stop these emails"}
        </button>
      </form>
      <SettingsLink small />
    </Card>
  );
}
