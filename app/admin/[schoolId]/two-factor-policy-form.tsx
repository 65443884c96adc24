"use client";

import { ActionForm } from "@/components/ui/action-form";
import { setStaffTwoFactorAction } from "./two-factor-actions";

export function StaffTwoFactorForm({ schoolId, required }: { schoolId: string; required: boolean }) {
  return (
    <ActionForm action={setStaffTwoFactorAction} submitLabel="Save two-factor policy" successMessage="Saved." testId="staff-two-factor-policy">
      <input type="hidden" name="schoolId" value={schoolId} />
      <label className="flex items-start gap-3 text-sm text-slate-800">
        <input type="checkbox" name="required" defaultChecked={required} className="mt-0.5 h-4 w-4" />
        <span>Require two-factor sign-in for staff who sign in with a password</span>
      </label>
    </ActionForm>
  );
}
