"use client";

import { ActionForm } from "@/components/ui/action-form";
import { markAllReadAction } from "./actions";

export function MarkAllReadForm() {
  return (
    <ActionForm action={markAllReadAction} submitLabel="Mark all as read" pendingLabel="Marking…" successMessage="All marked as read." submitVariant="secondary" className="mb-4 space-y-2" testId="mark-all-read">
      {null}
    </ActionForm>
  );
}
