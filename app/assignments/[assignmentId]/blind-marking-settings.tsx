"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/action-result";
import { callAction } from "@/lib/client/call-action";
import { hideNamesAction, revealNamesAction, setBlindMarkingAction } from "../blind-actions";

// `revealed` is the record of the reveal, worded on the server ("by Ms Khan on 3 Dec 2026,
// 14:05", in the school's zone); null while the names are hidden.
export type BlindSettingsProps = { assignmentId: string; blindMarking: boolean; revealed: string | null };

// The assignment page's "Mark blind" section (docs/decisions/029-blind-marking.md): switch it
// on, reveal the names (asked first: it cannot be taken back for what was already seen),
// hide them again, or switch it off once revealed. A refusal shows beside the buttons.
export function BlindMarkingSettings({ assignmentId, blindMarking, revealed }: BlindSettingsProps) {
  const [dialog, ask] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const hidden = blindMarking && revealed === null;

  const run = (action: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>, input: Record<string, unknown> = {}) => {
    setError(null);
    startTransition(async () => {
      const result = await callAction(() => action(null, { assignmentId, ...input }));
      if (result.ok) router.refresh();
      else setError(result.formError ?? "That did not work; nothing was changed. Try again.");
    });
  };

  async function reveal() {
    const ok = await ask({
      title: "Reveal the students' names?",
      body: "Every teacher of this class will see names instead of candidate numbers on the desk, the board, the queue, the analytics and the exports. The reveal is recorded with your name.",
      confirmLabel: "Reveal names",
      testId: "reveal-names-dialog",
    });
    if (ok) run(revealNamesAction);
  }

  return (
    <section aria-labelledby="blind-h" className="mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="blind-marking">
      <h2 id="blind-h" className="mb-2 text-lg font-semibold">Mark blind</h2>
      {!blindMarking ? (
        <>
          <p className="mb-2 text-sm text-slate-600">Markers see candidate numbers instead of names until a teacher reveals them.</p>
          <Button variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => run(setBlindMarkingAction, { on: "true" })}>
            Mark blind
          </Button>
        </>
      ) : hidden ? (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">Names are hidden: markers see candidate numbers.</p>
          <Button variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={reveal}>
            Reveal names…
          </Button>
        </>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            Names revealed {revealed}.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => run(hideNamesAction)}>
              Hide names again
            </Button>
            <Button variant="ghost" className="px-3 py-1.5" disabled={pending} onClick={() => run(setBlindMarkingAction, { on: "false" })}>
              Stop marking blind
            </Button>
          </div>
        </>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {dialog}
    </section>
  );
}
