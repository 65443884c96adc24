import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { findSessionUser, deleteSession, type SessionUser } from "@/lib/auth/sessions";
import { finishProviderSignIn, startProviderSignIn, type FinishResult } from "@/lib/auth/oidc/sign-in";
import { listLinkedIdentities, unlinkIdentity } from "@/lib/auth/oidc/identities";
import { ProviderRefusal, type RefusalCode } from "@/lib/auth/oidc/refusals";
import { signIn } from "@/lib/auth/accounts";
import { ensureSchool } from "@/lib/schools/internal/schools";
import { makeStudent, makeTeacher } from "../factories";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, providerBrowser, startTestProvider, type TestAccount, type TestProvider } from "../fixtures/oidc-provider";
import { statusOf } from "./refusal-status";

// Decision 034: sign-in with a school's OpenID provider, against a real oidc-provider on
// loopback. The three providers the app knows all point at it (the issuer overrides in
// lib/env.ts), so Google's `hd`, Microsoft's `tid` and a generic provider's verified email
// are each checked on real, signed ID tokens.

const ADDRESS = "203.0.113.40";
const TENANT = "11111111-2222-3333-4444-555555555555";
const OTHER_TENANT = "99999999-8888-7777-6666-555555555555";
let op: TestProvider;
let n = 0;

beforeAll(async () => {
  op = await startTestProvider();
  Object.assign(process.env, {
    APP_ORIGIN: "http://127.0.0.1:3999",
    OIDC_GOOGLE_ISSUER: op.issuer,
    OIDC_GOOGLE_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_GOOGLE_CLIENT_SECRET: TEST_CLIENT_SECRET,
    OIDC_MICROSOFT_ISSUER: op.issuer,
    OIDC_MICROSOFT_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_MICROSOFT_CLIENT_SECRET: TEST_CLIENT_SECRET,
    OIDC_GENERIC_ISSUER: op.issuer,
    OIDC_GENERIC_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_GENERIC_CLIENT_SECRET: TEST_CLIENT_SECRET,
    OIDC_GENERIC_NAME: "Hillside Login",
  });
  // openid-client's refusals are logged as warnings, which these tests cause on purpose.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterAll(async () => {
  await op.close();
});

/** An account at the provider with a fresh login id. */
function person(claims: TestAccount): string {
  const id = `person-${++n}`;
  op.accounts.set(id, claims);
  return id;
}

type Flow = { callback: URL; browserToken: string };

/** Leaves for the provider and signs in there; the callback is not opened yet. */
async function toProvider(provider: string, login: string, user: SessionUser | null = null, link = false): Promise<Flow> {
  const started = await startProviderSignIn({ provider, link, next: "/dashboard" }, user, ADDRESS);
  const callback = await providerBrowser().signInAt(started.url, login);
  return { callback, browserToken: started.browserToken };
}

const finish = (provider: string, flow: Flow, user: SessionUser | null = null) => finishProviderSignIn(provider, flow.callback, flow.browserToken, user, ADDRESS);

async function signInWith(provider: string, login: string): Promise<FinishResult> {
  return finish(provider, await toProvider(provider, login));
}

async function refusal(attempt: Promise<unknown>): Promise<RefusalCode> {
  const e = await attempt.then(
    () => expect.fail("expected a refusal"),
    (err: unknown) => err,
  );
  if (!(e instanceof ProviderRefusal)) throw e;
  return e.code;
}

async function school(name: string, rules: { kind: "GOOGLE_DOMAIN" | "MICROSOFT_TENANT" | "OIDC_DOMAIN" | "STAFF_DOMAIN"; value: string }[]) {
  const s = await ensureSchool(name);
  await db().schoolSignInRule.createMany({ data: rules.map((r) => ({ ...r, schoolId: s.id })) });
  return s;
}

const counts = async () => ({ users: await db().user.count(), identities: await db().externalIdentity.count(), sessions: await db().session.count() });

/** The failed sign-ins the audit trail holds, oldest first: whom about, which school, why. */
const failedSignIns = async () =>
  (await db().auditEvent.findMany({ where: { action: "SIGN_IN_FAILED" }, orderBy: { id: "asc" }, select: { actorId: true, subjectId: true, schoolId: true, detail: true } })).map(
    ({ detail, ...row }) => ({ ...row, ...(detail as { method: string; provider: string; reason: string }) }),
  );

describe("sign-in with Google", () => {
  it("makes a provider-only student in the school on first sign-in, signs the same person in again, and signs out", async () => {
    const hillside = await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const ada = person({ email: "Ada@Hillside.example", email_verified: true, name: "Ada Lovelace", hd: "hillside.example" });

    const first = await signInWith("google", ada);
    expect(first).toMatchObject({ kind: "signed-in", next: "/dashboard" });
    if (first.kind !== "signed-in") throw new Error("not signed in");
    const user = await findSessionUser(first.token);
    expect(user).toMatchObject({ name: "Ada Lovelace", email: "ada@hillside.example", role: "STUDENT" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user!.id }, select: { passwordHash: true, schoolId: true } });
    expect(stored).toEqual({ passwordHash: null, schoolId: hillside.id });
    expect(await db().session.findFirst({ where: { userId: user!.id }, select: { method: true } })).toEqual({ method: "PROVIDER" });
    expect(await db().externalIdentity.findMany({ select: { kind: true, issuer: true, subject: true } })).toEqual([{ kind: "GOOGLE", issuer: op.issuer, subject: ada }]);
    // A provider-only account has no password to sign in with.
    expect(await statusOf(signIn({ email: "ada@hillside.example", password: "anything at all here" }, ADDRESS))).toBe(401);

    const again = await signInWith("google", ada);
    if (again.kind !== "signed-in") throw new Error("not signed in");
    expect((await findSessionUser(again.token))?.id).toBe(user!.id);
    expect(await db().user.count()).toBe(1);

    await deleteSession(again.token);
    expect(await findSessionUser(again.token)).toBeNull();
  });

  it("makes a teacher when the email is at one of the school's staff domains", async () => {
    await school("Hillside", [
      { kind: "GOOGLE_DOMAIN", value: "hillside.example" },
      { kind: "STAFF_DOMAIN", value: "hillside.example" },
    ]);
    const done = await signInWith("google", person({ email: "tess@hillside.example", email_verified: true, name: "Tess", hd: "hillside.example" }));
    if (done.kind !== "signed-in") throw new Error("not signed in");
    expect((await findSessionUser(done.token))?.role).toBe("TEACHER");
  });

  it("links an existing password account with the same verified email the first time, which keeps its password", async () => {
    const hillside = await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const teacher = await makeTeacher({ email: "grace@hillside.example", password: "correct horse battery" });
    const done = await signInWith("google", person({ email: "grace@hillside.example", email_verified: true, hd: "hillside.example" }));
    if (done.kind !== "signed-in") throw new Error("not signed in");
    expect((await findSessionUser(done.token))?.id).toBe(teacher.id);
    expect(await db().user.findUniqueOrThrow({ where: { id: teacher.id }, select: { schoolId: true, role: true } })).toEqual({ schoolId: hillside.id, role: "TEACHER" });
    expect(await db().externalIdentity.count({ where: { userId: teacher.id } })).toBe(1);
    await signIn({ email: teacher.email, password: "correct horse battery" }, ADDRESS);
  });

  it("refuses a domain no school lists, a consumer account and an unverified email, creating nothing", async () => {
    await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    await makeStudent({ email: "eve@elsewhere.example" });
    const before = await counts();
    expect(await refusal(signInWith("google", person({ email: "eve@elsewhere.example", email_verified: true, hd: "elsewhere.example" })))).toBe("no-school");
    expect(await refusal(signInWith("google", person({ email: "eve@gmail.example", email_verified: true })))).toBe("no-school");
    expect(await refusal(signInWith("google", person({ email: "mal@hillside.example", email_verified: false, hd: "hillside.example" })))).toBe("unverified");
    expect(await counts()).toEqual(before);
    // Each is in the audit trail, about nobody (no account was reached) and no school.
    const refused = { actorId: null, subjectId: null, schoolId: null, method: "PROVIDER", provider: "google" };
    expect(await failedSignIns()).toEqual([{ ...refused, reason: "no-school" }, { ...refused, reason: "no-school" }, { ...refused, reason: "unverified" }]);
  });

  it("does not link by email into an account of another school", async () => {
    await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const other = await ensureSchool("Riverside");
    const student = await makeStudent({ email: "sam@hillside.example" });
    await db().user.update({ where: { id: student.id }, data: { schoolId: other.id } });
    expect(await refusal(signInWith("google", person({ email: "sam@hillside.example", email_verified: true, hd: "hillside.example" })))).toBe("email-taken");
    expect(await db().externalIdentity.count()).toBe(0);
    // In the trail of the account's own school, about that account.
    expect(await failedSignIns()).toEqual([{ actorId: null, subjectId: student.id, schoolId: other.id, method: "PROVIDER", provider: "google", reason: "email-taken" }]);
  });
});

describe("sign-in with Microsoft", () => {
  it("admits the school's tenant and refuses a token for another tenant", async () => {
    await school("Hillside", [{ kind: "MICROSOFT_TENANT", value: TENANT }]);
    const ok = await signInWith("microsoft", person({ email: "max@hillside.example", name: "Max", tid: TENANT }));
    expect(ok.kind).toBe("signed-in");
    const before = await counts();
    expect(await refusal(signInWith("microsoft", person({ email: "max@other.example", tid: OTHER_TENANT })))).toBe("no-school");
    expect(await refusal(signInWith("microsoft", person({ email: "nobody@other.example" })))).toBe("no-school");
    expect(await counts()).toEqual(before);
  });

  it("links an existing account by email only when the tenant has verified the email's domain (xms_edov)", async () => {
    await school("Hillside", [{ kind: "MICROSOFT_TENANT", value: TENANT }]);
    const teacher = await makeTeacher({ email: "mia@hillside.example" });
    expect(await refusal(signInWith("microsoft", person({ email: "mia@hillside.example", tid: TENANT })))).toBe("email-taken");
    const done = await signInWith("microsoft", person({ email: "mia@hillside.example", tid: TENANT, xms_edov: true }));
    if (done.kind !== "signed-in") throw new Error("not signed in");
    expect((await findSessionUser(done.token))?.id).toBe(teacher.id);
  });
});

describe("sign-in with the school's own provider", () => {
  it("admits a verified email at a listed domain and refuses other domains", async () => {
    await school("Hillside", [{ kind: "OIDC_DOMAIN", value: "hillside.example" }]);
    expect((await signInWith("oidc", person({ email: "olu@hillside.example", email_verified: true }))).kind).toBe("signed-in");
    expect(await refusal(signInWith("oidc", person({ email: "olu@elsewhere.example", email_verified: true })))).toBe("no-school");
    expect(await refusal(signInWith("oidc", person({ email: "ola@hillside.example" })))).toBe("unverified");
  });
});

describe("the state", () => {
  it("works once: a replayed callback is refused", async () => {
    await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const flow = await toProvider("google", person({ email: "rae@hillside.example", email_verified: true, hd: "hillside.example" }));
    expect((await finish("google", flow)).kind).toBe("signed-in");
    expect(await refusal(finish("google", flow))).toBe("expired");
    expect(await db().session.count()).toBe(1);
  });

  it("refuses a forged state, another browser, another provider's callback and a late return", async () => {
    await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const login = person({ email: "rex@hillside.example", email_verified: true, hd: "hillside.example" });

    const forged = await toProvider("google", login);
    forged.callback.searchParams.set("state", "made-up-state");
    expect(await refusal(finish("google", forged))).toBe("expired");

    const otherBrowser = await toProvider("google", login);
    expect(await refusal(finish("google", { ...otherBrowser, browserToken: "another-browser" }))).toBe("expired");
    expect(await refusal(finish("google", { ...otherBrowser, browserToken: undefined as unknown as string }))).toBe("expired");

    const crossed = await toProvider("google", login);
    expect(await refusal(finish("microsoft", crossed))).toBe("expired");

    const late = await toProvider("google", login);
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await refusal(finishProviderSignIn("google", late.callback, late.browserToken, null, ADDRESS, later))).toBe("expired");

    // The code itself, with the right state but a tampered code, is refused by openid-client.
    const tampered = await toProvider("google", login);
    tampered.callback.searchParams.set("code", "not-the-code");
    expect(await refusal(finish("google", tampered))).toBe("failed");

    expect(await counts()).toMatchObject({ users: 0, sessions: 0 });
    // Only the answer that failed its checks is a failed sign-in; stale or crossed states are false starts.
    expect(await failedSignIns()).toEqual([{ actorId: null, subjectId: null, schoolId: null, method: "PROVIDER", provider: "google", reason: "failed" }]);
  });

  it("reports a cancelled sign-in at the provider", async () => {
    const started = await startProviderSignIn({ provider: "google", link: false }, null, ADDRESS);
    const state = new URL(started.url).searchParams.get("state")!;
    const back = new URL(`http://127.0.0.1:3999/auth/google/callback?error=access_denied&state=${state}`);
    expect(await refusal(finishProviderSignIn("google", back, started.browserToken, null, ADDRESS))).toBe("cancelled");
    expect(await failedSignIns()).toEqual([]);
  });

  it("refuses a provider that is not configured", async () => {
    expect(await refusal(startProviderSignIn({ provider: "yahoo", link: false }, null, ADDRESS))).toBe("unavailable");
  });
});

describe("linking from /account", () => {
  it("links a provider to the signed-in account, only for that account, and unlinks it again", async () => {
    const hillside = await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const user = await makeTeacher({ email: "personal@example.test" });
    const login = person({ email: "work@hillside.example", email_verified: true, hd: "hillside.example" });

    // Someone else cannot finish this user's link (nor a signed-out browser).
    const stolen = await toProvider("google", login, user, true);
    const intruder = await makeTeacher();
    expect(await refusal(finish("google", stolen, intruder))).toBe("expired");

    const flow = await toProvider("google", login, user, true);
    expect(await finish("google", flow, user)).toEqual({ kind: "linked", next: "/account" });
    const { identities, hasPassword } = await listLinkedIdentities(user);
    expect(hasPassword).toBe(true);
    expect(identities.map((i) => [i.kind, i.email])).toEqual([["GOOGLE", "work@hillside.example"]]);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { schoolId: true } })).toEqual({ schoolId: hillside.id });

    // Now the provider signs this account in.
    const signed = await signInWith("google", login);
    if (signed.kind !== "signed-in") throw new Error("not signed in");
    expect((await findSessionUser(signed.token))?.id).toBe(user.id);

    // Linking the same provider account to another Extent account is refused.
    const again = await toProvider("google", login, intruder, true);
    expect(await refusal(finish("google", again, intruder))).toBe("linked-elsewhere");

    expect(await statusOf(unlinkIdentity(intruder, identities[0]!.id))).toBe(404);
    await unlinkIdentity(user, identities[0]!.id);
    expect((await listLinkedIdentities(user)).identities).toEqual([]);
  });

  it("keeps a provider-only account's last way to sign in", async () => {
    await school("Hillside", [
      { kind: "GOOGLE_DOMAIN", value: "hillside.example" },
      { kind: "OIDC_DOMAIN", value: "hillside.example" },
    ]);
    const done = await signInWith("google", person({ email: "pat@hillside.example", email_verified: true, hd: "hillside.example" }));
    if (done.kind !== "signed-in") throw new Error("not signed in");
    const user = (await findSessionUser(done.token))!;
    const [only] = (await listLinkedIdentities(user)).identities;
    expect(await statusOf(unlinkIdentity(user, only!.id))).toBe(409);

    const second = await toProvider("oidc", person({ email: "pat@hillside.example", email_verified: true }), user, true);
    expect((await finish("oidc", second, user)).kind).toBe("linked");
    await unlinkIdentity(user, only!.id);
    const [left] = (await listLinkedIdentities(user)).identities;
    expect(left?.kind).toBe("OIDC");
    expect(await statusOf(unlinkIdentity(user, left!.id))).toBe(409);
  });

  it("refuses a provider account of another school than the account's", async () => {
    await school("Hillside", [{ kind: "GOOGLE_DOMAIN", value: "hillside.example" }]);
    const riverside = await ensureSchool("Riverside");
    const user = await makeTeacher();
    await db().user.update({ where: { id: user.id }, data: { schoolId: riverside.id } });
    const flow = await toProvider("google", person({ email: "x@hillside.example", email_verified: true, hd: "hillside.example" }), user, true);
    const e = await finish("google", flow, user).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ProviderRefusal);
    expect(e).toMatchObject({ code: "wrong-school", link: true });
    expect(await failedSignIns()).toEqual([{ actorId: null, subjectId: user.id, schoolId: riverside.id, method: "PROVIDER", provider: "google", reason: "wrong-school" }]);
  });
});
