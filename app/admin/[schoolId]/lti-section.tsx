import type { SessionUser } from "@/lib/auth/sessions";
import { Card } from "@/components/ui/card";
import { appOrigin } from "@/lib/env";
import { dynamicRegistrationUrl, listLtiRegistrations } from "@/lib/lti/registrations";
import type { AdminSchool } from "./page";
import { AddDeploymentForm, AddRegistrationForm, RemoveButton } from "./lti-forms";

// LMS connections (LTI 1.3, decision 036): the URL to paste for Dynamic Registration, the
// tool's addresses for registering by hand, and the school's registrations and deployments.
export async function LtiSection({ user, school }: { user: SessionUser; school: AdminSchool }) {
  const [registrations, dynamic] = await Promise.all([listLtiRegistrations(user, school.id), dynamicRegistrationUrl(user, school.id)]);
  const origin = appOrigin();
  const toolUrls = [
    ["Login initiation URL", `${origin}/lti/login`],
    ["Redirect (launch) URL", `${origin}/lti/launch`],
    ["Public keyset URL", `${origin}/lti/jwks`],
  ] as const;
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">LMS connections (LTI 1.3)</h2>
      <p className="mt-1 text-sm text-slate-600">Teachers add Extent essays to their courses from the LMS; marks go to its gradebook and rosters follow the course.</p>

      <h3 className="mt-5 font-medium text-slate-900">Register by pasting one URL</h3>
      <p className="mt-1 text-sm text-slate-600" id="dyn-hint">
        In your LMS&apos;s tool registration (Dynamic Registration), paste this URL. It registers Extent for {school.name} and works until{" "}
        {dynamic.expiresAt.toISOString().slice(0, 10)}.
      </p>
      <input readOnly aria-label="Dynamic registration URL" aria-describedby="dyn-hint" value={dynamic.url} className="mt-2 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900" />

      <h3 className="mt-6 font-medium text-slate-900">Registered LMSs</h3>
      {registrations.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None yet.</p>
      ) : (
        <ul className="mt-2 space-y-4">
          {registrations.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-medium text-slate-900">{r.label || new URL(r.issuer).host}</p>
              <dl className="mt-1 grid grid-cols-1 gap-x-4 text-slate-700 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">Issuer</dt>
                <dd className="break-all">{r.issuer}</dd>
                <dt className="font-medium">Client ID</dt>
                <dd className="break-all">{r.clientId}</dd>
              </dl>
              <p className="mt-2 font-medium text-slate-800">Deployments</p>
              <ul className="mt-1 space-y-1">
                {r.deployments.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span className="break-all">
                      {d.deploymentId} <span className="text-slate-500">({d._count.contexts} courses)</span>
                    </span>
                    <RemoveButton schoolId={school.id} what="deployment" id={d.id} label="Remove deployment" />
                  </li>
                ))}
              </ul>
              <div className="mt-2">
                <AddDeploymentForm schoolId={school.id} registrationId={r.id} />
              </div>
              {r.schoolId === school.id ? (
                <div className="mt-3">
                  <RemoveButton schoolId={school.id} what="registration" id={r.id} label="Remove this LMS" />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <details className="mt-6">
        <summary className="cursor-pointer font-medium text-slate-900">Register an LMS by hand</summary>
        <p className="mt-2 text-sm text-slate-600">Give your LMS these addresses for Extent, then enter what it shows you below.</p>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
          {toolUrls.map(([label, url]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd className="break-all font-mono text-xs">{url}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4">
          <AddRegistrationForm schoolId={school.id} />
        </div>
      </details>
    </Card>
  );
}
