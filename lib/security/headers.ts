import { buildCsp } from "./csp";

export type SecurityHeaderOptions = {
  nonce: string;
  /** APP_ORIGIN: https there (configuration, never a request header) turns on HSTS. */
  appOrigin: string;
  dev?: boolean;
  frameAncestors?: readonly string[];
  formActions?: readonly string[];
  /** The developer outbox's email view (lib/security/csp.ts). */
  styleAttributes?: boolean;
};

// A year, renewed by every response; subdomains of the app's own host are covered too. No
// preload: that is a promise for the whole registrable domain, which is the school's to make.
export const HSTS = "max-age=31536000; includeSubDomains";

/** The headers every page and route handler answers with (proxy.ts sets them). */
export function securityHeaders({ nonce, appOrigin, dev = false, frameAncestors = [], formActions = [], styleAttributes = false }: SecurityHeaderOptions): Record<string, string> {
  const https = new URL(appOrigin).protocol === "https:";
  const headers: Record<string, string> = {
    "content-security-policy": buildCsp({ nonce, dev, https, frameAncestors, formActions, styleAttributes }),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
  // X-Frame-Options cannot name another origin, so it only stands in for browsers without
  // frame-ancestors while nobody may frame the app.
  if (frameAncestors.length === 0) headers["x-frame-options"] = "DENY";
  if (https) headers["strict-transport-security"] = HSTS;
  return headers;
}
