"use client";

import { ActionForm } from "@/components/ui/action-form";
import { requestClassExportAction } from "../../exports/actions";

// "Export class" (decision 041): every student's work in this class, class.json and the marks CSV, built in the background.
export function ExportClassForm({ classroomId }: { classroomId: string }) {
  return (
    <ActionForm action={requestClassExportAction} submitLabel="Export class" pendingLabel="Asking…" submitVariant="secondary" className="contents" testId="export-class">
      <input type="hidden" name="classroomId" value={classroomId} />
    </ActionForm>
  );
}
