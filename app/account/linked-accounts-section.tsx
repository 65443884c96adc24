import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/format";
import { listLinkedIdentities } from "@/lib/auth/oidc/identities";
import { refusalMessage } from "@/lib/auth/oidc/refusals";
import { offeredProviders } from "@/lib/auth/oidc/sign-in";
import type { SessionUser } from "@/lib/auth/sessions";
import { UnlinkForm } from "./unlink-form";

const KIND_LABEL = { GOOGLE: "Google", MICROSOFT: "Microsoft", OIDC: "School provider" } as const;
const KIND_PROVIDER = { GOOGLE: "google", MICROSOFT: "microsoft", OIDC: "oidc" } as const;

/** The school accounts (Google, Microsoft, a school's own provider) this account signs in with (decision 034). */
export async function LinkedAccountsSection({ user, linked, refused }: { user: SessionUser; linked?: string; refused?: string }) {
  const { identities, hasPassword } = await listLinkedIdentities(user);
  const providers = offeredProviders();
  const label = (kind: keyof typeof KIND_LABEL) => providers.find((p) => p.id === KIND_PROVIDER[kind])?.label ?? KIND_LABEL[kind];
  const problem = refusalMessage(refused);
  const lastWay = !hasPassword && identities.length === 1;
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Linked school accounts</h2>
      <p className="mt-1 text-sm text-slate-600">
        {hasPassword ? "You sign in with your password" : "Your account has no password: you sign in"}
        {identities.length ? `${hasPassword ? " or" : ""} with the accounts below.` : hasPassword ? "." : " through your school."}
      </p>
      <div aria-live="polite">
        {problem ? (
          <p role="alert" data-testid="link-refused" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem}
          </p>
        ) : null}
        {linked && !problem ? (
          <p data-testid="link-done" className="mt-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            Linked. You can now sign in with that account.
          </p>
        ) : null}
      </div>
      {identities.length ? (
        <ul className="mt-4 divide-y divide-slate-200" data-testid="linked-accounts">
          {identities.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium text-slate-900">{label(i.kind as keyof typeof KIND_LABEL)}</p>
                <p className="text-sm text-slate-600">
                  {i.email ?? "No email shared"} · linked {formatDate(i.createdAt)}
                </p>
              </div>
              {lastWay ? (
                <p className="text-sm text-slate-600">Your only way to sign in: link another account before unlinking this one.</p>
              ) : (
                <UnlinkForm identityId={i.id} label={label(i.kind as keyof typeof KIND_LABEL)} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {providers.length ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {providers.map((p) => (
            <a key={p.id} href={`/auth/${p.id}/start?intent=link`} className={buttonClass("secondary")}>
              Link {p.label}
            </a>
          ))}
        </div>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No school sign-in providers are set up on this Extent.</p>
      )}
    </Card>
  );
}
