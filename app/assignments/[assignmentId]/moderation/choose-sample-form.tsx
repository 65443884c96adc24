"use client";

import { ActionForm } from "@/components/ui/action-form";
import { RadioGroup, TextField } from "@/components/ui/field";
import { chooseSampleAction } from "./actions";

/** How to sample: every marked essay, a random percentage, or the top, middle and bottom by first mark. */
export function ChooseSampleForm({ assignmentId, candidates }: { assignmentId: string; candidates: number }) {
  return (
    <ActionForm action={chooseSampleAction} submitLabel="Choose this sample" pendingLabel="Choosing…" testId="choose-sample">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <RadioGroup
        name="method"
        legend="Sample"
        defaultValue="RANDOM"
        options={[
          { value: "ALL", label: `All ${candidates} marked essays` },
          { value: "RANDOM", label: "A random percentage", hint: "Rounded up; the shuffle's seed is recorded, so the sample can be drawn again." },
          { value: "SPREAD", label: "Top, middle and bottom", hint: "The same number from each end and the middle of the first marks." },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="percent" label="Percentage (random)" inputMode="numeric" defaultValue="20" />
        <TextField name="perGroup" label="Essays per group (top, middle, bottom)" inputMode="numeric" defaultValue="1" />
      </div>
    </ActionForm>
  );
}
