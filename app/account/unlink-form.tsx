"use client";

import { ActionForm } from "@/components/ui/action-form";
import { unlinkIdentityAction } from "./linked-accounts-actions";

export function UnlinkForm({ identityId, label }: { identityId: string; label: string }) {
  return (
    <ActionForm action={unlinkIdentityAction} submitLabel={`Unlink ${label}`} pendingLabel="Unlinking…" submitVariant="danger" className="space-y-2" testId="unlink-form">
      <input type="hidden" name="identityId" value={identityId} />
    </ActionForm>
  );
}
