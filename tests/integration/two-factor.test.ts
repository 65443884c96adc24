import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/accounts";
import { completeSecondFactor, createSession, findSessionUser, type SessionUser } from "@/lib/auth/sessions";
import { resetTwoFactor } from "@/lib/auth/two-factor/internal/reset";
import { totpCodeAt } from "@/lib/auth/two-factor/totp";
import {
  confirmEnrolment,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startEnrolment,
  turnOffTwoFactor,
  verifySecondFactor,
} from "@/lib/auth/two-factor/two-factor";
import { addSchoolAdmin, ensureSchool } from "@/lib/schools/internal/schools";
import { listStaffTwoFactor, setStaffTwoFactorRequired } from "@/lib/schools/two-factor-policy";
import { makeStudent, makeTeacher } from "../factories";
import { statusOf } from "./refusal-status";

// Decision 035: two-factor for staff password accounts, against the real database.

const PASSWORD = "correct horse battery";
const t0 = new Date("2026-12-02T10:00:05Z");
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** The key the page shows, as the teacher's authenticator app would read it. */
async function enrol(user: SessionUser, at = t0): Promise<{ secret: string; recoveryCodes: string[] }> {
  await startEnrolment(user);
  const status = await getTwoFactorStatus(user);
  if (status.state !== "pending") throw new Error(`expected a pending enrolment, got ${status.state}`);
  const secret = status.manualKey.replace(/ /g, "");
  const { recoveryCodes } = await confirmEnrolment(user, totpCodeAt(secret, at), at);
  return { secret, recoveryCodes };
}

const gateOf = async (token: string) => (await findSessionUser(token))?.twoFactorGate;
const signInWithPassword = (user: SessionUser) => signIn({ email: user.email, password: PASSWORD }, "198.51.100.7");

describe("enrolment", () => {
  it("shows a QR code and key, refuses a wrong code, and turns on only with a right one, giving ten recovery codes", async () => {
    const teacher = await makeTeacher();
    expect(await getTwoFactorStatus(teacher)).toEqual({ state: "off", schoolRequires: false });
    await startEnrolment(teacher);
    const pending = await getTwoFactorStatus(teacher);
    expect(pending.state).toBe("pending");
    if (pending.state !== "pending") return;
    expect(pending.qrSvg.startsWith("<svg")).toBe(true);
    const secret = pending.manualKey.replace(/ /g, "");
    // Starting again (a second tab) keeps the same secret.
    await startEnrolment(teacher);
    expect((await getTwoFactorStatus(teacher)).state === "pending" && (await getTwoFactorStatus(teacher))).toMatchObject({ manualKey: pending.manualKey });
    // Stored sealed, never as the key itself.
    const row = await db().twoFactor.findUniqueOrThrow({ where: { userId: teacher.id } });
    expect(row.secretSealed).not.toContain(secret);

    const right = totpCodeAt(secret, t0);
    const wrong = right === "000000" ? "111111" : "000000";
    expect(await statusOf(confirmEnrolment(teacher, wrong, t0))).toBe(422);
    expect((await getTwoFactorStatus(teacher)).state).toBe("pending");

    const { recoveryCodes } = await confirmEnrolment(teacher, right, t0);
    expect(recoveryCodes).toHaveLength(10);
    expect(await getTwoFactorStatus(teacher)).toMatchObject({ state: "on", recoveryCodesLeft: 10 });
    expect(await statusOf(startEnrolment(teacher))).toBe(409);
    expect(await statusOf(confirmEnrolment(teacher, totpCodeAt(secret, later(30)), later(30)))).toBe(409);
  });

  it("starts afresh when a pending secret no longer opens (SESSION_SECRET changed)", async () => {
    const teacher = await makeTeacher();
    await startEnrolment(teacher);
    await db().twoFactor.update({ where: { userId: teacher.id }, data: { secretSealed: "v1.sealed.under.another-key" } });
    expect((await getTwoFactorStatus(teacher)).state).toBe("off");
    await startEnrolment(teacher);
    expect((await getTwoFactorStatus(teacher)).state).toBe("pending");
  });

  it("is for staff: a student cannot start it", async () => {
    const student = await makeStudent();
    expect(await statusOf(startEnrolment(student))).toBe(403);
  });
});

describe("signing in with two-factor on", () => {
  it("needs the code after the password; the code then replaces the session and cannot be used again", async () => {
    const teacher = await makeTeacher();
    const { secret } = await enrol(teacher);
    const { token } = await signInWithPassword(teacher);
    expect(await gateOf(token)).toBe("verify");

    const at = later(60);
    const right = totpCodeAt(secret, at);
    expect(await statusOf(verifySecondFactor(teacher, right === "000000" ? "111111" : "000000", at))).toBe(422);
    expect(await gateOf(token)).toBe("verify");

    expect(await verifySecondFactor(teacher, right, at)).toEqual({ kind: "totp" });
    const fresh = await completeSecondFactor(token, at);
    expect(fresh.token).not.toBe(token);
    expect(await findSessionUser(token)).toBeNull();
    expect(await gateOf(fresh.token)).toBe("none");
    // The audit trail (decision 039): the wrong code is a failed sign-in, the right one a sign-in.
    const audited = await db().auditEvent.findMany({ where: { subjectId: teacher.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, detail: true } });
    expect(audited).toEqual([
      { action: "SIGN_IN", actorId: teacher.id, detail: { method: "PASSWORD" } },
      { action: "SIGN_IN_FAILED", actorId: null, detail: { method: "TWO_FACTOR" } },
      { action: "SIGN_IN", actorId: teacher.id, detail: { method: "TWO_FACTOR", firstFactor: "PASSWORD" } },
    ]);
    const session = await db().session.findFirstOrThrow({ where: { userId: teacher.id } });
    expect(session).toMatchObject({ method: "PASSWORD" });
    expect(session.secondFactorAt).not.toBeNull();

    // Replay: the same code, and the previous step's code, within their window.
    expect(await statusOf(verifySecondFactor(teacher, right, later(70)))).toBe(422);
    expect(await statusOf(verifySecondFactor(teacher, totpCodeAt(secret, later(30)), later(70)))).toBe(422);
    // The next step's code is fine.
    expect(await verifySecondFactor(teacher, totpCodeAt(secret, later(90)), later(90))).toEqual({ kind: "totp" });
  });

  it("takes a recovery code once only; new recovery codes replace the old ones", async () => {
    const teacher = await makeTeacher();
    const { secret, recoveryCodes } = await enrol(teacher);
    expect(await verifySecondFactor(teacher, recoveryCodes[0]!.toUpperCase(), later(30))).toEqual({ kind: "recovery", codesLeft: 9 });
    expect(await statusOf(verifySecondFactor(teacher, recoveryCodes[0]!, later(31)))).toBe(422);

    const { recoveryCodes: renewed } = await regenerateRecoveryCodes(teacher, totpCodeAt(secret, later(60)), later(60));
    expect(await statusOf(verifySecondFactor(teacher, recoveryCodes[1]!, later(61)))).toBe(422);
    expect(await verifySecondFactor(teacher, renewed[1]!, later(62))).toEqual({ kind: "recovery", codesLeft: 9 });
  });

  it("counts every wrong code, even when sent together, and then refuses the right one until the wait is over", async () => {
    const teacher = await makeTeacher();
    const { secret } = await enrol(teacher);
    const at = later(60);
    const right = totpCodeAt(secret, at);
    const wrongs = Array.from({ length: 8 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"));
    const statuses = await Promise.all(wrongs.map((code) => statusOf(verifySecondFactor(teacher, code, at))));
    expect(statuses.filter((s) => s === 422)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(await statusOf(verifySecondFactor(teacher, right, at))).toBe(429);
    const rows = await db().throttle.findMany({ where: { key: { startsWith: "two-factor:user:" } } });
    expect(rows.map((r) => r.failures)).toEqual([5]);
    // After the 30-second wait the owner's right code gets through and forgets the streak.
    const after = later(95);
    expect(await verifySecondFactor(teacher, totpCodeAt(secret, after), after)).toEqual({ kind: "totp" });
    expect((await db().throttle.findFirstOrThrow({ where: { key: rows[0]!.key } })).failures).toBe(0);
  });

  it("can be turned off with a code when the school does not require it", async () => {
    const teacher = await makeTeacher();
    const { secret } = await enrol(teacher);
    expect(await statusOf(turnOffTwoFactor(teacher, "000000", later(60)))).toBe(422);
    await turnOffTwoFactor(teacher, totpCodeAt(secret, later(60)), later(60));
    expect((await getTwoFactorStatus(teacher)).state).toBe("off");
    expect(await db().recoveryCode.count({ where: { userId: teacher.id } })).toBe(0);
    const { token } = await signInWithPassword(teacher);
    expect(await gateOf(token)).toBe("none");
  });
});

describe("a school's policy", () => {
  it("sends its teachers to set up two-factor while its students are unaffected; setting it up lifts the gate", async () => {
    const admin = await makeTeacher();
    const { school } = await addSchoolAdmin("Hillside Academy", admin.email);
    const teacher = await makeTeacher();
    const student = await makeStudent();
    await db().user.updateMany({ where: { id: { in: [teacher.id, student.id] } }, data: { schoolId: school.id } });

    const before = await signInWithPassword(teacher);
    expect(await gateOf(before.token)).toBe("none");

    await setStaffTwoFactorRequired(admin, school.id, true);
    // A session cached before the change is re-read within SESSION_CACHE_MS; a new one sees it at once.
    const { token } = await signInWithPassword(teacher);
    expect(await gateOf(token)).toBe("enrol");
    const studentSession = await signIn({ email: student.email, password: PASSWORD }, "198.51.100.8");
    expect(await gateOf(studentSession.token)).toBe("none");
    expect(await getTwoFactorStatus(teacher)).toEqual({ state: "off", schoolRequires: true });

    const { secret } = await enrol(teacher);
    // Still gated: "enrol" from this process's session cache (SESSION_CACHE_MS), "verify" after …
    expect(await gateOf(token)).not.toBe("none");
    // … which confirming gave: the action replaces it as the sign-in step does.
    const fresh = await completeSecondFactor(token);
    expect(await gateOf(fresh.token)).toBe("none");

    expect(await statusOf(turnOffTwoFactor(teacher, totpCodeAt(secret, later(60)), later(60)))).toBe(403);
    expect((await getTwoFactorStatus(teacher)).state).toBe("on");

    const staff = await listStaffTwoFactor(admin, school.id);
    expect(Object.fromEntries(staff.map((s) => [s.id, { hasPassword: s.hasPassword, enrolled: s.enrolledAt !== null }]))).toEqual({
      [admin.id]: { hasPassword: true, enrolled: false },
      [teacher.id]: { hasPassword: true, enrolled: true },
    });
    expect(staff.map((s) => s.id)).not.toContain(student.id);
  });

  it("is satisfied by provider and LMS sign-in, for enrolled and unenrolled teachers", async () => {
    const school = await ensureSchool("Provider School");
    await db().school.update({ where: { id: school.id }, data: { requireStaffMfa: true } });
    const unenrolled = await makeTeacher();
    const enrolled = await makeTeacher();
    await db().user.updateMany({ where: { id: { in: [unenrolled.id, enrolled.id] } }, data: { schoolId: school.id } });
    await enrol(enrolled);
    for (const method of ["PROVIDER", "LTI"] as const) {
      expect(await gateOf((await createSession(unenrolled.id, method)).token)).toBe("none");
      expect(await gateOf((await createSession(enrolled.id, method)).token)).toBe("none");
    }
    expect(await gateOf((await createSession(unenrolled.id, "PASSWORD")).token)).toBe("enrol");
  });

  it("is set only by the school's administrators", async () => {
    const admin = await makeTeacher();
    const other = await makeTeacher();
    const { school } = await addSchoolAdmin("Hillside Academy", admin.email);
    expect(await statusOf(setStaffTwoFactorRequired(other, school.id, true))).toBe(404);
    expect(await statusOf(listStaffTwoFactor(other, school.id))).toBe(404);
    expect((await db().school.findUniqueOrThrow({ where: { id: school.id } })).requireStaffMfa).toBe(false);
  });
});

describe("the command-line reset", () => {
  it("turns two-factor off for a lost phone and ends the account's sessions", async () => {
    const teacher = await makeTeacher();
    await enrol(teacher);
    const { token } = await signInWithPassword(teacher);
    expect(await resetTwoFactor(teacher.email.toUpperCase())).toBe(true);
    expect(await findSessionUser(token)).toBeNull();
    expect((await getTwoFactorStatus(teacher)).state).toBe("off");
    expect(await db().recoveryCode.count({ where: { userId: teacher.id } })).toBe(0);
    expect(await resetTwoFactor("nobody@example.test")).toBe(false);
  });
});
