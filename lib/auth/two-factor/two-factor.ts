import "server-only";
import QRCode from "qrcode";
import { recordPersonAudit } from "../../audit/scoped";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { assertTeacher } from "../policy";
import type { SessionUser } from "../sessions";
import { throttled } from "../throttle";
import { twoFactorSlots } from "../throttle-limits";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";
import { deriveKey, open, seal } from "./secret-box";
import { groupedKey, matchTotpStep, newTotpSecret, normaliseTotpCode, totpUri } from "./totp";

// Two-factor sign-in for staff accounts (docs/decisions/035-two-factor.md): enrolment with a
// QR code, the sign-in step, recovery codes, turning it off. Every code check is throttled per
// account (lib/auth/throttle-limits.ts) and reserved before the code is looked at, so
// guesses sent together are all counted.

const secretKey = () => deriveKey(env().SESSION_SECRET, "extent two-factor secret v1");
const recoveryKey = () => deriveKey(env().SESSION_SECRET, "extent recovery code v1");

const WRONG_CODE = "That code didn't work. Use the newest code from your authenticator app (check your phone's clock is right), or a recovery code.";
const NOT_ON = "Two-factor sign-in is not on for your account.";

export type TwoFactorStatus =
  | { state: "off"; schoolRequires: boolean }
  | { state: "pending"; schoolRequires: boolean; qrSvg: string; manualKey: string }
  | { state: "on"; schoolRequires: boolean; recoveryCodesLeft: number; since: Date };

/** What the account page and the two-factor page show; students have nothing to set up. */
export async function getTwoFactorStatus(user: SessionUser): Promise<TwoFactorStatus> {
  assertTeacher(user);
  const row = await db().user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      email: true,
      school: { select: { requireStaffMfa: true } },
      twoFactor: { select: { secretSealed: true, confirmedAt: true } },
      _count: { select: { recoveryCodes: true } },
    },
  });
  const schoolRequires = row.school?.requireStaffMfa ?? false;
  const tf = row.twoFactor;
  if (tf?.confirmedAt) return { state: "on", schoolRequires, recoveryCodesLeft: row._count.recoveryCodes, since: tf.confirmedAt };
  const secret = tf && open(secretKey(), tf.secretSealed, user.id);
  if (!secret) return { state: "off", schoolRequires };
  const qrSvg = await QRCode.toString(totpUri(secret, row.email), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { state: "pending", schoolRequires, qrSvg, manualKey: groupedKey(secret) };
}

/**
 * Begins enrolment: a new secret, sealed, not yet counted (confirmedAt null). Starting again
 * keeps a pending secret that still opens, so a second tab shows the same QR code (one that
 * no longer opens, after SESSION_SECRET changed, is replaced); two-factor that is already on
 * is never replaced here (turn it off first, with a code).
 */
export async function startEnrolment(user: SessionUser): Promise<void> {
  assertTeacher(user);
  const row = await db().twoFactor.findUnique({ where: { userId: user.id }, select: { secretSealed: true, confirmedAt: true } });
  if (row?.confirmedAt) throw new AppError("Two-factor sign-in is already on for your account.", 409);
  if (row && open(secretKey(), row.secretSealed, user.id)) return;
  const sealed = seal(secretKey(), newTotpSecret(), user.id);
  // The WHERE keeps a confirmation that lands in between.
  const written = await db().$executeRaw`
    INSERT INTO "TwoFactor" ("userId", "secretSealed") VALUES (${user.id}, ${sealed})
    ON CONFLICT ("userId") DO UPDATE SET "secretSealed" = EXCLUDED."secretSealed" WHERE "TwoFactor"."confirmedAt" IS NULL`;
  if (!written) throw new AppError("Two-factor sign-in is already on for your account.", 409);
}

async function storeNewRecoveryCodes(userId: string, tx: Pick<ReturnType<typeof db>, "recoveryCode">): Promise<string[]> {
  const codes = newRecoveryCodes();
  const key = recoveryKey();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(key, normaliseRecoveryCode(c)!) })) });
  return codes;
}

/**
 * The first right code turns two-factor on and returns the recovery codes, to be shown once.
 * The step is stored, so the same code cannot then be used to sign in.
 */
export async function confirmEnrolment(user: SessionUser, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  assertTeacher(user);
  return throttled(twoFactorSlots(user.id), now, "two-factor codes", async () => {
    const row = await db().twoFactor.findUnique({ where: { userId: user.id }, select: { secretSealed: true, confirmedAt: true } });
    if (row?.confirmedAt) throw new AppError("Two-factor sign-in is already on for your account.", 409);
    const secret = row && open(secretKey(), row.secretSealed, user.id);
    if (!secret) throw new AppError("Start setting up two-factor sign-in first.", 409);
    const step = matchTotpStep(secret, code, now);
    if (step === null) throw new AppError(WRONG_CODE, 422, { code: ["That code didn't work."] });
    return db().$transaction(async (tx) => {
      const { count } = await tx.twoFactor.updateMany({ where: { userId: user.id, confirmedAt: null }, data: { confirmedAt: now, lastUsedStep: step } });
      if (!count) throw new AppError("Two-factor sign-in is already on for your account.", 409);
      return { recoveryCodes: await storeNewRecoveryCodes(user.id, tx) };
    });
  });
}

export type CodeCheck = { kind: "totp" } | { kind: "recovery"; codesLeft: number };

/**
 * Checks a code from the app or a recovery code, for an account with two-factor on. A TOTP
 * code is taken only for a time step later than the last one taken (one UPDATE, so two
 * requests with the same code cannot both pass); a recovery code is deleted as it is used.
 */
async function checkCode(userId: string, rawCode: string, now: Date): Promise<CodeCheck> {
  const row = await db().twoFactor.findUnique({ where: { userId }, select: { secretSealed: true, confirmedAt: true } });
  if (!row?.confirmedAt) throw new AppError(NOT_ON, 409);
  if (normaliseTotpCode(rawCode)) {
    const secret = open(secretKey(), row.secretSealed, userId);
    // A secret sealed under another SESSION_SECRET cannot be opened: only a recovery code helps.
    const step = secret === null ? null : matchTotpStep(secret, rawCode, now);
    if (step === null) throw new AppError(WRONG_CODE, 422, { code: ["That code didn't work."] });
    const taken = await db().$executeRaw`
      UPDATE "TwoFactor" SET "lastUsedStep" = ${step}
       WHERE "userId" = ${userId} AND ("lastUsedStep" IS NULL OR "lastUsedStep" < ${step})`;
    if (!taken) throw new AppError("That code has been used already. Wait for the next code in your authenticator app.", 422, { code: ["Already used."] });
    return { kind: "totp" };
  }
  const normalised = normaliseRecoveryCode(rawCode);
  if (!normalised) throw new AppError(WRONG_CODE, 422, { code: ["That code didn't work."] });
  const { count } = await db().recoveryCode.deleteMany({ where: { userId, codeHash: hashRecoveryCode(recoveryKey(), normalised) } });
  if (!count) throw new AppError(WRONG_CODE, 422, { code: ["That code didn't work."] });
  return { kind: "recovery", codesLeft: await db().recoveryCode.count({ where: { userId } }) };
}

/** The sign-in step: a code for this account, throttled. The caller then replaces the session (completeSecondFactor). */
export async function verifySecondFactor(user: SessionUser, code: string, now = new Date()): Promise<CodeCheck> {
  return throttled(twoFactorSlots(user.id), now, "two-factor codes", () =>
    checkCode(user.id, code, now).catch(async (e: unknown) => {
      // A wrong code at sign-in is a failed sign-in (decision 039); the code itself is never kept.
      if (e instanceof AppError && e.status === 422) await recordPersonAudit(db(), user.id, { action: "SIGN_IN_FAILED", actorId: null, subjectId: user.id, detail: { method: "TWO_FACTOR" } });
      throw e;
    }),
  );
}

/** New recovery codes (the old ones stop working), after a code proves the phone or a code is at hand. */
export async function regenerateRecoveryCodes(user: SessionUser, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  assertTeacher(user);
  return throttled(twoFactorSlots(user.id), now, "two-factor codes", async () => {
    await checkCode(user.id, code, now);
    return { recoveryCodes: await db().$transaction((tx) => storeNewRecoveryCodes(user.id, tx)) };
  });
}

/** Turns two-factor off after a code, unless the account's school requires it of staff. */
export async function turnOffTwoFactor(user: SessionUser, code: string, now = new Date()): Promise<void> {
  assertTeacher(user);
  const school = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { school: { select: { requireStaffMfa: true } } } });
  if (school.school?.requireStaffMfa) throw new AppError("Your school requires two-factor sign-in for staff, so it cannot be turned off.", 403);
  await throttled(twoFactorSlots(user.id), now, "two-factor codes", async () => {
    await checkCode(user.id, code, now);
    await db().$transaction([db().recoveryCode.deleteMany({ where: { userId: user.id } }), db().twoFactor.deleteMany({ where: { userId: user.id } })]);
  });
}
