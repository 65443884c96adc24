import type { SessionUser } from "@/lib/auth/sessions";
import { getTwoFactorStatus } from "@/lib/auth/two-factor/two-factor";
import { Card } from "@/components/ui/card";
import { TwoFactorPanel } from "./two-factor-panel";

// Two-factor sign-in is for staff password accounts (issue 14, decision 035); students never need it.
export async function TwoFactorAccountSection({ user }: { user: SessionUser }) {
  if (user.role !== "TEACHER") {
    return (
      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Two-factor sign-in</h2>
        <p className="mt-1 text-sm text-slate-600">Two-factor sign-in is for staff accounts. There is nothing to set up for a student account.</p>
      </Card>
    );
  }
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Two-factor sign-in</h2>
      <TwoFactorPanel status={await getTwoFactorStatus(user)} />
    </Card>
  );
}
