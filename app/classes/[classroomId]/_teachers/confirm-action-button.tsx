"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/action-result";
import { callAction } from "@/lib/client/call-action";

type Props = {
  label: string;
  pendingLabel: string;
  /** The accessible name, naming whom or what the button acts on. */
  ariaLabel: string;
  confirm: { title: string; body: string; confirmLabel: string };
  run: () => Promise<ActionResult<unknown>>;
  testId?: string;
};

// Remove, leave and withdraw: asked in the accessible dialog (Go back has focus, Escape
// cancels), then the action; a refusal is shown beside the button, and the page refreshes on success.
export function ConfirmActionButton({ label, pendingLabel, ariaLabel, confirm, run, testId }: Props) {
  const [dialog, ask] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  async function onClick() {
    setError(null);
    if (!(await ask({ ...confirm, testId: testId ? `${testId}-dialog` : undefined }))) return;
    startTransition(async () => {
      const result = await callAction(run);
      if (result.ok) router.refresh();
      else setError(result.formError ?? "That did not work; nothing was changed. Try again.");
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={onClick} disabled={pending} aria-label={ariaLabel} data-testid={testId} className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
        {pending ? pendingLabel : label}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      {dialog}
    </span>
  );
}
