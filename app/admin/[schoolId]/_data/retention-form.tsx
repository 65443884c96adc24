"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { retentionSettingsAction } from "./data-actions";

type Settings = { retentionMonths: number | null; retentionNoticeDays: number; keepAnonymisedMarks: boolean };

export function RetentionForm({ schoolId, settings }: { schoolId: string; settings: Settings }) {
  return (
    <ActionForm action={retentionSettingsAction} submitLabel="Save retention setting" successMessage="Saved." testId="retention-settings">
      <input type="hidden" name="schoolId" value={schoolId} />
      <TextField
        name="retentionMonths"
        label="Keep closed classes and their work for (months)"
        hint="Leave empty to keep them until a teacher deletes them."
        inputMode="numeric"
        defaultValue={settings.retentionMonths ?? ""}
      />
      <TextField name="retentionNoticeDays" label="Tell their teachers this many days before (days)" inputMode="numeric" defaultValue={settings.retentionNoticeDays} required />
      <label className="flex items-start gap-3 text-sm text-slate-800">
        <input type="checkbox" name="keepAnonymisedMarks" defaultChecked={settings.keepAnonymisedMarks} className="mt-0.5 h-4 w-4" />
        <span>When a student&apos;s account or a class is deleted, keep its returned marks without names (totals and levels only)</span>
      </label>
    </ActionForm>
  );
}
