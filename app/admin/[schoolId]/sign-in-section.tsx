import type { SessionUser } from "@/lib/auth/sessions";
import { Card } from "@/components/ui/card";
import type { AdminSchool } from "./page";

// Placeholder until issue 14's Sign-in providers part lands here.
export async function SignInSection({ school }: { user: SessionUser; school: AdminSchool }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Sign-in providers</h2>
      <p className="mt-1 text-sm text-slate-600">Not set up for {school.name} yet.</p>
    </Card>
  );
}
