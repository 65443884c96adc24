import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt, generateKeyPair } from "jose";
import { db } from "@/lib/db";
import { LaunchRefused } from "@/lib/lti/claims";
import { startLogin } from "@/lib/lti/internal/login";
import { CLAIM, ROLE, startPlatform, type Platform } from "../lti/platform";
import { launchThrough, registerPlatform, startToolJwks } from "../lti/tool-harness";

// LTI 1.3 launches against the platform stand-in (decision 036): the first teacher launch
// makes the teacher and the class, a learner's makes the student and enrols them; replays,
// forgeries and launches that were not started here are refused and change nothing.

let platform: Platform;
let jwks: Awaited<ReturnType<typeof startToolJwks>>;
beforeAll(async () => {
  platform = await startPlatform();
  jwks = await startToolJwks();
});
afterAll(async () => {
  await platform.close();
  await jwks.close();
});

const teacher = { id: "u-teacher", name: "Tess Teacher", email: "tess@hill.example", roles: [ROLE.instructor] };
const student = { id: "u-sam", name: "Sam Student", email: "sam@hill.example", roles: [ROLE.learner] };
const course = { id: "course-1", label: "HIST12", title: "History 12" };

async function refusal(attempt: Promise<unknown>): Promise<string> {
  const e = await attempt.then(
    () => expect.fail("expected the launch to be refused"),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LaunchRefused);
  return (e as LaunchRefused).message;
}

describe("an LTI launch", () => {
  it("creates the teacher and the class on the first teacher launch, and the student, enrolled, on theirs", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const t = await launchThrough(platform, reg, teacher, course);
    expect(t.role).toBe("TEACHER");
    const tess = await db().user.findUniqueOrThrow({ where: { id: t.userId }, select: { name: true, email: true, role: true, passwordHash: true, schoolId: true, identities: { select: { kind: true, issuer: true, subject: true } } } });
    expect(tess).toEqual({ name: "Tess Teacher", email: "tess@hill.example", role: "TEACHER", passwordHash: null, schoolId: reg.school.id, identities: [{ kind: "LTI", issuer: platform.issuer, subject: "u-teacher" }] });
    const link = await db().ltiContext.findFirstOrThrow({ select: { classroomId: true, title: true, membershipsUrl: true, classroom: { select: { name: true, teachers: { select: { teacherId: true, role: true } } } } } });
    expect(link.classroom).toEqual({ name: "History 12", teachers: [{ teacherId: t.userId, role: "OWNER" }] });
    expect(link.membershipsUrl).toBe(`${platform.base}/contexts/course-1/memberships`);
    expect(t.path).toBe(`/classes/${link.classroomId}`);

    const s = await launchThrough(platform, reg, student, course);
    expect(s.role).toBe("STUDENT");
    expect(await db().enrolment.findMany({ where: { classroomId: link.classroomId }, select: { studentId: true } })).toEqual([{ studentId: s.userId }]);
    expect(s.path).toBe("/dashboard");

    // A second launch finds the same people and class, and makes nothing new.
    const again = await launchThrough(platform, reg, teacher, course);
    expect(again.userId).toBe(t.userId);
    expect(await db().classroom.count()).toBe(1);
    expect(await db().user.count()).toBe(2);
  });

  it("refuses a replayed id_token, and an old token under a fresh login (nonce)", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const first = await launchThrough(platform, reg, student, course);
    // The same post again: its state is spent.
    const { verifyLaunch } = await import("@/lib/lti/internal/login");
    expect(await refusal(verifyLaunch(first.idToken, first.state, first.state))).toMatch(/expired or was already used/);
    // The same token under a new login: the nonce is not this login's.
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: async () => first.idToken }))).toMatch(/nonce/);
    // The nonce table is shared by every instance: a nonce another instance already took is refused.
    const taken = async (tok: string, nonce: string) => {
      await db().ltiNonce.create({ data: { issuer: platform.issuer, nonce, expiresAt: new Date(Date.now() + 60_000) } });
      return tok;
    };
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: taken }))).toMatch(/already used/);
  });

  it("refuses a token signed by a key the platform does not publish, even under its key id", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const rogue = await generateKeyPair("RS256");
    const forge = (keyId: string) => async (tok: string, nonce: string) => {
      const claims = decodeJwt(tok);
      const msg = { type: "LtiResourceLinkRequest", user: student, context: course, resourceLink: { id: "rl" }, deploymentId: reg.deploymentId, clientId: reg.clientId, targetLinkUri: String(claims[CLAIM.targetLinkUri]) };
      return platform.signLaunch(msg, nonce, { key: rogue.privateKey, keyId });
    };
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: forge("rogue-key") }))).toMatch(/refused/);
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: forge(platform.kid) }))).toMatch(/refused/);
    expect(await db().user.count()).toBe(0);
    // Control: the same forgery with the platform's real key passes, so the check can pass.
    const real = async (tok: string, nonce: string) => {
      const claims = decodeJwt(tok);
      return platform.signLaunch({ type: "LtiResourceLinkRequest", user: student, context: course, resourceLink: { id: "rl" }, deploymentId: reg.deploymentId, clientId: reg.clientId, targetLinkUri: String(claims[CLAIM.targetLinkUri]) }, nonce);
    };
    expect((await launchThrough(platform, reg, student, course, { tamper: real })).role).toBe("STUDENT");
  });

  it("refuses a launch not started in this browser, an unknown deployment, another version, audience or issuer", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    expect(await refusal(launchThrough(platform, reg, student, course, { cookieState: () => undefined }))).toMatch(/did not start in this browser/);
    const withClaims = (overrides: Record<string, unknown>) => async (tok: string, nonce: string) => {
      const claims = decodeJwt(tok);
      return platform.signLaunch({ type: "LtiResourceLinkRequest", user: student, context: course, resourceLink: { id: "rl" }, deploymentId: reg.deploymentId, clientId: reg.clientId, targetLinkUri: String(claims[CLAIM.targetLinkUri]) }, nonce, { overrides });
    };
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: withClaims({ [CLAIM.deploymentId]: "another-school" }) }))).toMatch(/deployment/);
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: withClaims({ [CLAIM.version]: "1.1" }) }))).toMatch(/1\.3\.0/);
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: withClaims({ aud: "someone-else" }) }))).toMatch(/not for the login/);
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: withClaims({ iss: "http://evil.example" }) }))).toMatch(/not for the login/);
    expect(await refusal(launchThrough(platform, reg, student, course, { tamper: withClaims({ [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Guest"] }) }))).toMatch(/neither role/);
    expect(await db().user.count()).toBe(0);
  });

  it("refuses a login from a platform or deployment that is not registered, or for a page that is not ours", async () => {
    const reg = await registerPlatform(platform, jwks.url);
    const base = { iss: platform.issuer, login_hint: "u", target_link_uri: "http://localhost:3000/lti/launch", client_id: reg.clientId, lti_message_hint: null, lti_deployment_id: reg.deploymentId };
    expect(await refusal(startLogin({ ...base, client_id: "nobody" }))).toMatch(/not registered/);
    expect(await refusal(startLogin({ ...base, lti_deployment_id: "nope" }))).toMatch(/deployment/);
    expect(await refusal(startLogin({ ...base, target_link_uri: "https://evil.example/lti/launch" }))).toMatch(/not Extent's/);
    expect(await db().ltiLoginState.count()).toBe(0);
  });
});

describe("dynamic registration", () => {
  it("registers the platform for the school the pasted URL names, and launches work through it", async () => {
    const { makeTeacher } = await import("../factories");
    const { dynamicRegistrationUrl } = await import("@/lib/lti/registrations");
    const { ltiRegister } = await import("@/lib/lti/protocol");
    const admin = await makeTeacher();
    const school = await db().school.create({ data: { name: "Dyn School", admins: { create: { userId: admin.id } } } });
    const { url } = await dynamicRegistrationUrl(admin, school.id);
    const token = url.split("/").pop()!;
    const regToken = "reg-token-1";
    platform.registrationTokens.add(regToken);
    const params = new URLSearchParams({ openid_configuration: `${platform.issuer}/.well-known/openid-configuration`, registration_token: regToken });
    const done = await ltiRegister(token, params);
    expect(done.label).toBe("extent-test-platform");
    const reg = await db().ltiRegistration.findFirstOrThrow({ select: { schoolId: true, issuer: true, clientId: true, deployments: { select: { deploymentId: true, schoolId: true } } } });
    expect(reg).toEqual({ schoolId: school.id, issuer: platform.issuer, clientId: done.clientId, deployments: [{ deploymentId: done.deploymentId, schoolId: school.id }] });
    // The platform took our metadata; point its copy of our JWKS at the test server and launch.
    platform.tools.get(done.clientId)!.jwksUri = jwks.url;
    const launched = await launchThrough(platform, { clientId: done.clientId, deploymentId: done.deploymentId }, teacher, course);
    expect(launched.role).toBe("TEACHER");

    // A tampered or foreign URL registers nothing; the registration token is single use at the platform.
    expect(await refusal(ltiRegister(`${token.slice(0, -2)}xx`, params))).toMatch(/not valid or has expired/);
    // The pasted address registers once: a copy used later (with a fresh token at the platform) registers nothing.
    platform.registrationTokens.add("reg-token-2");
    expect(await refusal(ltiRegister(token, new URLSearchParams({ ...Object.fromEntries(params), registration_token: "reg-token-2" })))).toMatch(/used already/);
    expect(await db().ltiRegistration.count()).toBe(1);

    // Another school's fresh address cannot attach a deployment to this school's registration.
    const otherAdmin = await makeTeacher();
    const other = await db().school.create({ data: { name: "Other Dyn School", admins: { create: { userId: otherAdmin.id } } } });
    const otherToken = (await dynamicRegistrationUrl(otherAdmin, other.id)).url.split("/").pop()!;
    platform.registrationTokens.add("reg-token-3");
    platform.nextClientId = done.clientId;
    expect(await refusal(ltiRegister(otherToken, new URLSearchParams({ ...Object.fromEntries(params), registration_token: "reg-token-3" })))).toMatch(/another school/);
    expect(await db().ltiDeployment.count({ where: { schoolId: other.id } })).toBe(0);
  });
});

describe("open in a new tab", () => {
  it("opens the launched account once, and never replaces another person's session in the browser", async () => {
    const { makeTeacher, makeStudent } = await import("../factories");
    const { createHandoff } = await import("@/lib/lti/internal/handoff");
    const { openHandoff } = await import("@/lib/lti/protocol");
    const launched = await makeStudent();
    const someoneElse = await makeTeacher();

    const passedOn = await createHandoff(launched.id);
    expect(await refusal(openHandoff(passedOn, someoneElse))).toMatch(new RegExp(`signed in to Extent as ${someoneElse.name}`));
    expect(await openHandoff(passedOn, null)).toBeNull(); // spent by the refused attempt

    const own = await createHandoff(launched.id);
    const session = await openHandoff(own, launched);
    expect(session?.token).toBeTruthy();
    expect(await openHandoff(own, null)).toBeNull();
  });
});
