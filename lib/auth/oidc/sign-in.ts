import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import * as oidc from "openid-client";
import { db } from "../../db";
import { isUniqueViolation } from "../../db-errors";
import { appOrigin, env } from "../../env";
import { isAppError } from "../../errors";
import { EmailSchema } from "../schemas";
import { safeNextPath } from "../safe-next-path";
import { sessionTokenHash } from "../session-token";
import { createSession, type SessionUser } from "../sessions";
import { ThrottledError, reserveAttempt, settleSuccess } from "../throttle";
import { accountName, admit, emailDomain, type Claims } from "./admission";
import { providerConfig, type ProviderFetch } from "./client";
import { providerCallbackSlots, providerStartSlots } from "./limits";
import { PROVIDER_KIND, PROVIDER_RULE, SCOPES, callbackPath, configuredProviders, type Provider, type ProviderId } from "./providers";
import { ProviderRefusal, type RefusalCode } from "./refusals";
import { recordAudit } from "../../audit/record";

// Sign-in and linking with a school's OpenID provider (decision 034): authorization code with
// PKCE, state and nonce, checked by openid-client; who is admitted is decided by the school's
// rules (admission.ts, SchoolSignInRule).

/** A short-lived cookie naming the browser that left for the provider; only it can come back. */
export const BROWSER_COOKIE = "extent_provider";
export const ATTEMPT_MINUTES = 10;

const hash = (kind: string, value: string) => sessionTokenHash(env().SESSION_SECRET, `${kind}\0${value}`);

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function findProvider(id: string): Provider | undefined {
  return configuredProviders(env()).find((p) => p.id === id);
}

const redirectUri = (id: ProviderId) => new URL(callbackPath(id), appOrigin()).href;

export type StartResult = { url: string; browserToken: string };

/**
 * Leaves for the provider: the attempt (PKCE verifier, nonce, where to go next, and for a
 * link who is linking) is stored under an HMAC of the state, and the browser gets a random
 * token whose HMAC the attempt keeps too.
 */
export async function startProviderSignIn(
  input: { provider: string; link: boolean; next?: string | null },
  user: SessionUser | null,
  address: string,
  now = new Date(),
  customFetch?: ProviderFetch,
): Promise<StartResult> {
  const provider = findProvider(input.provider);
  if (!provider) throw new ProviderRefusal("unavailable", input.link);
  await reserveAttempt(providerStartSlots(address), now, "sign-in attempts").catch(throttledRefusal(input.link));
  const config = await providerConfig(provider, customFetch).catch(unreachable(input.link));
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserToken = randomBytes(32).toString("base64url");
  await db().providerSignInAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
  await db().providerSignInAttempt.create({
    data: {
      stateHash: hash("state", state),
      provider: provider.id,
      browserHash: hash("browser", browserToken),
      codeVerifier,
      nonce,
      linkUserId: input.link && user ? user.id : null,
      next: input.link ? "/account" : safeNextPath(input.next),
      expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
    },
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(provider.id),
    scope: SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, browserToken };
}

export type FinishResult = { kind: "signed-in"; token: string; expiresAt: Date; next: string } | { kind: "linked"; next: string };

type Attempt = { provider: string; browserHash: string; codeVerifier: string; nonce: string; linkUserId: string | null; next: string; expiresAt: Date };

/**
 * Back from the provider. The attempt is deleted as it is read, so a state works once; it
 * must belong to this provider and this browser, and (for a link) to the signed-in user.
 * Failed callbacks count against the address; a success refunds.
 */
export async function finishProviderSignIn(
  providerId: string,
  callbackUrl: URL,
  browserToken: string | undefined,
  user: SessionUser | null,
  address: string,
  now = new Date(),
  customFetch?: ProviderFetch,
): Promise<FinishResult> {
  const slots = providerCallbackSlots(address);
  await reserveAttempt(slots, now, "sign-in attempts").catch(throttledRefusal(false));
  const result = await finish(providerId, callbackUrl, browserToken, user, now, customFetch).catch(auditRefusal(providerId));
  await settleSuccess(slots, now);
  return result;
}

async function finish(
  providerId: string,
  callbackUrl: URL,
  browserToken: string | undefined,
  user: SessionUser | null,
  now: Date,
  customFetch?: ProviderFetch,
): Promise<FinishResult> {
  const provider = findProvider(providerId);
  if (!provider) throw new ProviderRefusal("unavailable");
  const state = callbackUrl.searchParams.get("state");
  if (!state || state.length > 200) throw new ProviderRefusal("expired");
  const [attempt] = await db().$queryRaw<Attempt[]>`
    DELETE FROM "ProviderSignInAttempt" WHERE "stateHash" = ${hash("state", state)}
    RETURNING provider, "browserHash", "codeVerifier", nonce, "linkUserId", next, "expiresAt"`;
  const link = !!attempt?.linkUserId;
  if (!attempt || attempt.provider !== provider.id || new Date(attempt.expiresAt) <= now) throw new ProviderRefusal("expired", link);
  if (!browserToken || !sameHash(attempt.browserHash, hash("browser", browserToken))) throw new ProviderRefusal("expired", link);
  if (link && user?.id !== attempt.linkUserId) throw new ProviderRefusal("expired", link);
  // The person declined or the provider refused (access_denied, login_required, …).
  if (callbackUrl.searchParams.has("error")) throw new ProviderRefusal("cancelled", link);

  const config = await providerConfig(provider, customFetch).catch(unreachable(link));
  let claims: Claims;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as Claims;
  } catch (e) {
    console.warn(`${provider.label} sign-in refused by openid-client:`, e instanceof Error ? e.message : e);
    throw new ProviderRefusal("failed", link);
  }

  const admission = admit(provider.id, claims, config.serverMetadata().issuer);
  if (!admission.ok) throw new ProviderRefusal(admission.reason, link);
  const rule = await db().schoolSignInRule.findUnique({
    where: { kind_value: { kind: PROVIDER_RULE[provider.id], value: admission.value } },
    select: { schoolId: true },
  });
  if (!rule) throw new ProviderRefusal("no-school", link, { subjectId: attempt.linkUserId });
  const schoolId = rule.schoolId;
  const identityKey = { issuer: claims.iss, subject: claims.sub };
  const identity = await db().externalIdentity.findUnique({
    where: { issuer_subject: identityKey },
    select: { userId: true, user: { select: { schoolId: true } } },
  });

  if (link) {
    const linkUserId = attempt.linkUserId!;
    if (identity) {
      if (identity.userId !== linkUserId) throw new ProviderRefusal("linked-elsewhere", true, { subjectId: linkUserId, schoolId });
      return { kind: "linked", next: attempt.next };
    }
    const owner = await db().user.findUniqueOrThrow({ where: { id: linkUserId }, select: { schoolId: true } });
    if (owner.schoolId && owner.schoolId !== schoolId) throw new ProviderRefusal("wrong-school", true, { subjectId: linkUserId, schoolId: owner.schoolId });
    await linkIdentity(linkUserId, provider.id, identityKey, admission.email, schoolId);
    return { kind: "linked", next: attempt.next };
  }

  // A known identity signs in, while its school still admits it.
  if (identity) {
    if (identity.user.schoolId && identity.user.schoolId !== schoolId) throw new ProviderRefusal("wrong-school", false, { subjectId: identity.userId, schoolId: identity.user.schoolId });
    return signedIn(identity.userId, attempt.next);
  }

  if (!admission.email || !EmailSchema.safeParse(admission.email).success) throw new ProviderRefusal("no-email", false, { schoolId });
  const email = admission.email;
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, schoolId: true } });
  if (existing) {
    // First-time linking by email: only an email the provider vouches for, and only into an
    // account of this school or of none (it then joins this school).
    if (!admission.emailVerified || (existing.schoolId && existing.schoolId !== schoolId)) throw new ProviderRefusal("email-taken", false, { subjectId: existing.id, schoolId: existing.schoolId ?? schoolId });
    await linkIdentity(existing.id, provider.id, identityKey, email, schoolId);
    return signedIn(existing.id, attempt.next);
  }

  // A new provider-only account (no password) in this school: a teacher when the school lists
  // the email's domain as a staff domain, a student otherwise.
  const domain = emailDomain(email)!;
  const staff = await db().schoolSignInRule.count({ where: { schoolId, kind: "STAFF_DOMAIN", value: domain } });
  try {
    const created = await db().$transaction(async (tx) => {
      const u = await tx.user.create({
        data: { email, name: accountName(admission.name, email), role: staff ? "TEACHER" : "STUDENT", passwordHash: null, schoolId },
        select: { id: true },
      });
      await tx.externalIdentity.create({ data: { userId: u.id, kind: PROVIDER_KIND[provider.id], ...identityKey, email } });
      if (staff) await recordAudit(tx, { action: "ROLE_CHANGED", actorId: null, subjectId: u.id, schoolId, detail: { role: "TEACHER", change: "granted", via: "staff domain" } });
      return u;
    });
    return signedIn(created.id, attempt.next);
  } catch (e) {
    // Another sign-in made the account or the link a moment ago.
    if (isUniqueViolation(e, "email") || isUniqueViolation(e, "issuer")) throw new ProviderRefusal("email-taken", false, { schoolId });
    throw e;
  }
}

async function linkIdentity(userId: string, provider: ProviderId, key: { issuer: string; subject: string }, email: string | null, schoolId: string) {
  try {
    await db().$transaction([
      db().externalIdentity.create({ data: { userId, kind: PROVIDER_KIND[provider], ...key, email } }),
      db().user.updateMany({ where: { id: userId, schoolId: null }, data: { schoolId } }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, "issuer")) throw new ProviderRefusal("linked-elsewhere", true);
    throw e;
  }
}

async function signedIn(userId: string, next: string): Promise<FinishResult> {
  const { token, expiresAt } = await createSession(userId, "PROVIDER");
  return { kind: "signed-in", token, expiresAt, next };
}

// Refusals a school's administrator may need to see, as the password's failed sign-ins are
// (decision 039): a provider answer that failed its checks, an identity no school admits, one
// aimed at an account of another school. Not a sign-in started too long ago or in another
// browser, cancelled at the provider, throttled or unreachable: those are a person's false
// starts or the network's, already counted against the address.
const AUDITED_REFUSALS: ReadonlySet<RefusalCode> = new Set(["failed", "unverified", "no-school", "wrong-school", "no-email", "email-taken", "linked-elsewhere"]);

const auditRefusal = (providerId: string) => async (e: unknown): Promise<never> => {
  if (e instanceof ProviderRefusal && AUDITED_REFUSALS.has(e.code)) {
    await recordAudit(db(), {
      action: "SIGN_IN_FAILED",
      actorId: null,
      subjectId: e.about.subjectId ?? null,
      schoolId: e.about.schoolId ?? null,
      detail: { method: "PROVIDER", provider: providerId, reason: e.code },
    });
  }
  throw e;
};

const throttledRefusal = (link: boolean) => (e: unknown) => {
  if (e instanceof ThrottledError) throw new ProviderRefusal("throttled", link);
  throw e;
};

const unreachable = (link: boolean) => (e: unknown) => {
  if (isAppError(e) && e.status === 503) throw new ProviderRefusal("unreachable", link);
  throw e;
};

/** What the sign-in and account pages offer: the configured providers' ids and names, no secrets. */
export function offeredProviders(): { id: ProviderId; label: string }[] {
  return configuredProviders(env()).map(({ id, label }) => ({ id, label }));
}
