import { buttonClass } from "@/components/ui/button";
import { offeredProviders } from "@/lib/auth/oidc/sign-in";
import { refusalMessage } from "@/lib/auth/oidc/refusals";

// School sign-in (decision 034): one plain link per configured provider, to a route that
// redirects to it. Links, not forms or next/link: a form's cross-origin redirect is blocked by
// the CSP's form-action, and the client router would prefetch the route.
export function ProviderButtons({ next, refused }: { next?: string; refused?: string }) {
  const providers = offeredProviders();
  const message = refusalMessage(refused);
  return (
    <>
      {message ? (
        <p role="alert" data-testid="provider-refused" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      {providers.length ? (
        <div className="mt-4 space-y-2" data-testid="provider-buttons">
          <p className="text-sm text-slate-600">Or use your school account:</p>
          {providers.map((p) => (
            <a
              key={p.id}
              href={`/auth/${p.id}/start${next ? `?next=${encodeURIComponent(next)}` : ""}`}
              className={buttonClass("secondary", "w-full")}
            >
              Sign in with {p.label}
            </a>
          ))}
        </div>
      ) : null}
    </>
  );
}
