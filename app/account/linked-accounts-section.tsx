import type { SessionUser } from "@/lib/auth/sessions";
import { Card } from "@/components/ui/card";

// Placeholder until issue 14's Linked school accounts part lands here.
export async function LinkedAccountsSection({ user }: { user: SessionUser }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Linked school accounts</h2>
      <p className="mt-1 text-sm text-slate-600">Nothing to set up for {user.email} yet.</p>
    </Card>
  );
}
