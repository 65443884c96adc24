import type { Env } from "../../env";

// Which school sign-in providers this deployment offers (decision 034). Credentials are
// deployment configuration (lib/env.ts); a provider with no client id and secret is hidden.

export const PROVIDER_IDS = ["google", "microsoft", "oidc"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** The ExternalIdentity kind and the school rule that admits people for each provider. */
export const PROVIDER_KIND = { google: "GOOGLE", microsoft: "MICROSOFT", oidc: "OIDC" } as const;
export const PROVIDER_RULE = { google: "GOOGLE_DOMAIN", microsoft: "MICROSOFT_TENANT", oidc: "OIDC_DOMAIN" } as const;

export const GOOGLE_ISSUER = "https://accounts.google.com";
// Work and school accounts of any tenant, never personal Microsoft accounts; which tenants a
// school accepts is its allow-list (lib/auth/oidc/admission.ts).
export const MICROSOFT_ISSUER = "https://login.microsoftonline.com/organizations/v2.0";

/** Basic scopes for everyone, students above all: no provider data beyond who they are. */
export const SCOPES = "openid email profile";

export type Provider = { id: ProviderId; label: string; issuer: string; clientId: string; clientSecret: string };

type ProviderEnv = Pick<
  Env,
  | "OIDC_GOOGLE_CLIENT_ID"
  | "OIDC_GOOGLE_CLIENT_SECRET"
  | "OIDC_GOOGLE_ISSUER"
  | "OIDC_MICROSOFT_CLIENT_ID"
  | "OIDC_MICROSOFT_CLIENT_SECRET"
  | "OIDC_MICROSOFT_ISSUER"
  | "OIDC_GENERIC_ISSUER"
  | "OIDC_GENERIC_CLIENT_ID"
  | "OIDC_GENERIC_CLIENT_SECRET"
  | "OIDC_GENERIC_NAME"
>;

/** The configured providers, in the order the sign-in page offers them. */
export function configuredProviders(e: ProviderEnv): Provider[] {
  const out: Provider[] = [];
  if (e.OIDC_GOOGLE_CLIENT_ID && e.OIDC_GOOGLE_CLIENT_SECRET) {
    out.push({ id: "google", label: "Google", issuer: e.OIDC_GOOGLE_ISSUER ?? GOOGLE_ISSUER, clientId: e.OIDC_GOOGLE_CLIENT_ID, clientSecret: e.OIDC_GOOGLE_CLIENT_SECRET });
  }
  if (e.OIDC_MICROSOFT_CLIENT_ID && e.OIDC_MICROSOFT_CLIENT_SECRET) {
    out.push({
      id: "microsoft",
      label: "Microsoft",
      issuer: e.OIDC_MICROSOFT_ISSUER ?? MICROSOFT_ISSUER,
      clientId: e.OIDC_MICROSOFT_CLIENT_ID,
      clientSecret: e.OIDC_MICROSOFT_CLIENT_SECRET,
    });
  }
  if (e.OIDC_GENERIC_ISSUER && e.OIDC_GENERIC_CLIENT_ID && e.OIDC_GENERIC_CLIENT_SECRET) {
    out.push({
      id: "oidc",
      label: e.OIDC_GENERIC_NAME ?? "your school",
      issuer: e.OIDC_GENERIC_ISSUER,
      clientId: e.OIDC_GENERIC_CLIENT_ID,
      clientSecret: e.OIDC_GENERIC_CLIENT_SECRET,
    });
  }
  return out;
}

export const isProviderId = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

/** Where a provider sends people back: one path per provider, registered with it. */
export const callbackPath = (id: ProviderId) => `/auth/${id}/callback`;
