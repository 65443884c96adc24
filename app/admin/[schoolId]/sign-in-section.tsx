import type { SessionUser } from "@/lib/auth/sessions";
import { Card } from "@/components/ui/card";
import { offeredProviders } from "@/lib/auth/oidc/sign-in";
import { getSignInRules } from "@/lib/schools/sign-in-rules";
import type { AdminSchool } from "./page";
import { SignInRulesForm } from "./sign-in-rules-form";

/** Which of the deployment's providers this school uses, and whom they admit (decision 034). */
export async function SignInSection({ user, school }: { user: SessionUser; school: AdminSchool }) {
  const rules = await getSignInRules(user, school.id);
  const offered = Object.fromEntries(offeredProviders().map((p) => [p.id, p.label]));
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Sign-in providers</h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">
        People of {school.name} can sign in with their school account when its domain or tenant is listed here. An account with the same verified email is
        linked the first time; otherwise a new account is made in this school, with no password. Students share only their name and email.
      </p>
      <SignInRulesForm schoolId={school.id} rules={rules} offered={offered} />
    </Card>
  );
}
