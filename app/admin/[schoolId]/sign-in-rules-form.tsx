"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextArea } from "@/components/ui/field";
import { saveSignInRulesAction } from "./sign-in-actions";

type Lists = { googleDomains: string[]; microsoftTenants: string[]; oidcDomains: string[]; staffDomains: string[] };

export function SignInRulesForm({ schoolId, rules, offered }: { schoolId: string; rules: Lists; offered: { google?: string; microsoft?: string; oidc?: string } }) {
  const off = (label: string | undefined) => (label ? "" : " Not set up on this Extent yet: saved, but nobody can sign in this way until it is.");
  return (
    <ActionForm action={saveSignInRulesAction} submitLabel="Save sign-in settings" successMessage="Sign-in settings saved." testId="sign-in-rules-form">
      <input type="hidden" name="schoolId" value={schoolId} />
      <TextArea
        name="googleDomains"
        label="Google Workspace domains"
        hint={`One a line, such as school.example. People whose Google account's hosted domain is listed may sign in with Google.${off(offered.google)}`}
        rows={3}
        defaultValue={rules.googleDomains.join("\n")}
      />
      <TextArea
        name="microsoftTenants"
        label="Microsoft tenant ids"
        hint={`One a line: your Microsoft Entra tenant id (a GUID). Accounts of other tenants are refused.${off(offered.microsoft)}`}
        rows={3}
        defaultValue={rules.microsoftTenants.join("\n")}
      />
      <TextArea
        name="oidcDomains"
        label={`Email domains at ${offered.oidc ?? "the school's own provider"}`}
        hint={`One a line. People with a verified email at these domains may sign in with it.${off(offered.oidc)}`}
        rows={3}
        defaultValue={rules.oidcDomains.join("\n")}
      />
      <TextArea
        name="staffDomains"
        label="Staff email domains"
        hint="One a line, such as staff.school.example. A new account whose email is at one of these is made a teacher's; everyone else starts as a student."
        rows={2}
        defaultValue={rules.staffDomains.join("\n")}
      />
    </ActionForm>
  );
}
