// Who a school's providers admit, as pure functions of the verified ID token's claims
// (decision 034). The token's signature, audience, expiry and nonce are checked by
// openid-client before anything here runs; these rules decide which school, if any, the
// person belongs to, and whether their email may link an existing account.

import { stripForbidden } from "../../validation/text";
import type { ProviderId } from "./providers";

export type Claims = Record<string, unknown> & { iss: string; sub: string };

export type Admission =
  | {
      ok: true;
      /** The rule value to look up: a Google hosted domain, a Microsoft tenant id, or an email domain. */
      value: string;
      /** The email the provider gave (lower-cased), if any. */
      email: string | null;
      /** True when the provider vouches that the person controls `email`: only then may it link an existing account. */
      emailVerified: boolean;
      name: string | null;
    }
  | { ok: false; reason: "unverified" | "no-school" | "no-email" | "failed" };

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}

/**
 * The issuer a Microsoft token must carry: the discovered issuer with the token's own tenant
 * put in. The multi-tenant endpoint publishes a template (`…/{tenantid}/v2.0`), so the
 * published issuer alone proves nothing; an issuer without the placeholder (a single-tenant
 * endpoint, or the test provider) must be matched as it is.
 */
export function expectedMicrosoftIssuer(discoveredIssuer: string, tid: string): string {
  return discoveredIssuer.replace("{tenantid}", tid);
}

export function admit(provider: ProviderId, claims: Claims, discoveredIssuer: string): Admission {
  const rawEmail = text(claims.email);
  const name = text(claims.name);
  if (provider === "google") {
    // Google: the email must be verified, and the school is found by its Workspace domain
    // (`hd`, in the token); consumer accounts have no `hd` and belong to no school.
    if (claims.email_verified !== true || !rawEmail) return { ok: false, reason: "unverified" };
    const hd = text(claims.hd);
    if (!hd) return { ok: false, reason: "no-school" };
    return { ok: true, value: hd.toLowerCase(), email: rawEmail.toLowerCase(), emailVerified: true, name };
  }
  if (provider === "microsoft") {
    // Microsoft: the school is the tenant. openid-client already refuses a token whose `iss`
    // is not the template with its own `tid`, but it accepts every tenant; checked again here
    // so this rule stands on its own. Entra tokens carry no email_verified and tenant admins
    // can set any email, so the email links an existing account only with `xms_edov`
    // (the email's domain is verified by the tenant).
    const tid = text(claims.tid)?.toLowerCase();
    if (!tid || !TENANT_ID.test(tid)) return { ok: false, reason: "no-school" };
    if (claims.iss !== expectedMicrosoftIssuer(discoveredIssuer, tid)) return { ok: false, reason: "failed" };
    const email = (rawEmail ?? text(claims.preferred_username))?.toLowerCase() ?? null;
    return { ok: true, value: tid, email: email && emailDomain(email) ? email : null, emailVerified: claims.xms_edov === true, name };
  }
  // A generic provider: a verified email whose domain a school lists.
  if (claims.email_verified !== true || !rawEmail) return { ok: false, reason: "unverified" };
  const domain = emailDomain(rawEmail);
  if (!domain) return { ok: false, reason: "no-email" };
  return { ok: true, value: domain, email: rawEmail.toLowerCase(), emailVerified: true, name };
}

// ---- what an administrator types ---------------------------------------------------------

const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

export type ParsedList = { values: string[]; problems: string[] };

/** One value a line (or comma-separated), trimmed, lower-cased, de-duplicated. */
function splitList(raw: string): string[] {
  return [...new Set(raw.split(/[\s,;]+/).map((v) => v.trim().toLowerCase()).filter(Boolean))];
}

export const MAX_RULES_PER_LIST = 50;

export function parseDomains(raw: string): ParsedList {
  const values = splitList(raw).map((v) => v.replace(/^@/, ""));
  const problems = values.filter((v) => !DOMAIN.test(v)).map((v) => `"${v.slice(0, 80)}" is not a domain such as school.example.`);
  if (values.length > MAX_RULES_PER_LIST) problems.push(`List at most ${MAX_RULES_PER_LIST} domains.`);
  return { values, problems };
}

export function parseTenantIds(raw: string): ParsedList {
  const values = splitList(raw);
  const problems = values.filter((v) => !TENANT_ID.test(v)).map((v) => `"${v.slice(0, 80)}" is not a tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47).`);
  if (values.length > MAX_RULES_PER_LIST) problems.push(`List at most ${MAX_RULES_PER_LIST} tenant ids.`);
  return { values, problems };
}

/** A display name for a new provider-only account: the provider's name, or the email's local part. */
export function accountName(name: string | null, email: string): string {
  // The same characters a typed name may not hold (lib/validation/text.ts), dropped rather than refused.
  const clean = stripForbidden(name ?? "").replace(/\p{Cc}/gu, "").trim().slice(0, 100);
  return clean || email.slice(0, email.indexOf("@")).slice(0, 100) || "New user";
}
