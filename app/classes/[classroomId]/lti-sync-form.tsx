"use client";

import { ActionForm } from "@/components/ui/action-form";
import { syncRosterAction } from "./lti-actions";

export function SyncRosterForm({ classroomId }: { classroomId: string }) {
  return (
    <ActionForm action={syncRosterAction} submitLabel="Sync roster from the LMS" pendingLabel="Syncing…" successMessage="Roster synced with the LMS course." submitVariant="secondary" className="mt-3 space-y-2">
      <input type="hidden" name="classroomId" value={classroomId} />
    </ActionForm>
  );
}
