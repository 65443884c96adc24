"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { verifyTwoFactorAction } from "./actions";

export function VerifyForm({ next }: { next: string }) {
  return (
    <ActionForm action={verifyTwoFactorAction} submitLabel="Continue" pendingLabel="Checking…" testId="verify-two-factor">
      <input type="hidden" name="next" value={next} />
      <TextField
        name="code"
        label="Code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        required
      />
    </ActionForm>
  );
}
