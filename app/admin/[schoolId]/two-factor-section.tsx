import type { SessionUser } from "@/lib/auth/sessions";
import { Card } from "@/components/ui/card";
import type { AdminSchool } from "./page";

// Placeholder until issue 14's Two-factor for staff part lands here.
export async function TwoFactorSection({ school }: { user: SessionUser; school: AdminSchool }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Two-factor for staff</h2>
      <p className="mt-1 text-sm text-slate-600">Not set up for {school.name} yet.</p>
    </Card>
  );
}
