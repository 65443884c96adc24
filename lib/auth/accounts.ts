import { recordAudit } from "../audit/record";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { acceptInvitation } from "../roster/invitations";
import { decoyHash, hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { rehashIfOld } from "./rehash";
import { SignInSchema, SignUpSchema, type SignUpInput } from "./schemas";
import { createSession, type SessionUser } from "./sessions";
import { lastSuccess, pruneThrottles, reserveAttempt, settleSuccess } from "./throttle";
import { KNOWN_ADDRESS_MS, signInPairKey, signInSlots, signUpSlots } from "./throttle-limits";
import { env } from "../env";

// Sign-in and sign-up, throttled in the database per account, address and both
// (lib/auth/throttle-limits.ts, docs/decisions/010-sign-in-abuse.md).

const WRONG_CREDENTIALS = "That email and password don't match an account.";

type Signed = { user: SessionUser; token: string; expiresAt: Date };

/**
 * `created: false` when the email already has an account: nobody is signed in and nothing
 * says so. The caller answers both the same way (a redirect, with a message that does not
 * confirm the account), and both take one password hash, so neither the answer's shape nor
 * its timing tells an email that exists from one that does not.
 */
export type SignUpResult = ({ created: true } & Signed) | { created: false };

// With an invitation the account is always a student's, and it is created in the same
// transaction that accepts the invitation: a used or withdrawn link creates nothing.
export async function signUp(raw: SignUpInput, address: string, now = new Date()): Promise<SignUpResult> {
  const input = SignUpSchema.parse(raw);
  const invite = input.invite || undefined;
  const role = invite ? "STUDENT" : input.role;
  const weak = passwordProblem(input.password, { email: input.email, name: input.name });
  if (weak) throw new AppError("Please choose a different password.", 422, { password: [weak] });
  // Counted before the hash, which is the expensive part; a sign-up for an existing email
  // counts too, so probing emails through this form is as slow as creating accounts.
  await reserveAttempt(signUpSlots(address, env().SIGN_UPS_PER_HOUR), now, "new accounts from this network");
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { name: input.name, email: input.email, role, passwordHash },
        select: { id: true, name: true, email: true, role: true },
      });
      if (invite) await acceptInvitation(created, invite, tx);
      return created;
    });
    return { created: true, user, ...(await createSession(user.id)) };
  } catch (e) {
    if (isUniqueViolation(e, "email")) return { created: false };
    throw e;
  }
}

/**
 * The attempt is reserved (counted as a failure) before the password is checked, so guesses
 * sent together are all counted; the right password then forgets this address's streak.
 */
export async function signIn(raw: { email: string; password: string }, address: string, now = new Date()): Promise<Signed> {
  const { email, password } = SignInSchema.parse(raw);
  const pairKey = signInPairKey(email, address);
  const succeeded = await lastSuccess(pairKey);
  const known = succeeded !== null && now.getTime() - succeeded.getTime() < KNOWN_ADDRESS_MS;
  const slots = signInSlots(email, address, known);
  await reserveAttempt(slots, now, "sign-in attempts");

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, schoolId: true },
  });
  // An account with no password (it signs in through its school's provider or LMS) is
  // checked against the decoy too, so its answer takes as long and says the same.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user?.passwordHash || !ok) {
    // Recorded only once the attempt got past the throttle (a refused one costs nothing, so
    // counting those would let anyone fill the trail); never the typed email or password.
    await recordAudit(db(), { action: "SIGN_IN_FAILED", actorId: null, subjectId: user?.id, schoolId: user?.schoolId, detail: { method: "PASSWORD" } });
    throw new AppError(WRONG_CREDENTIALS, 401);
  }
  await settleSuccess(slots, now);
  await pruneThrottles(now, KNOWN_ADDRESS_MS);
  await rehashIfOld(user.id, user.passwordHash, password);
  const { passwordHash: _, schoolId: _school, ...sessionUser } = user;
  return { user: sessionUser as SessionUser, ...(await createSession(user.id)) };
}
