import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { acceptInvitation } from "../roster/invitations";
import { decoyHash, hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { rehashIfOld } from "./rehash";
import { SignInSchema, SignUpSchema, type SignUpInput } from "./schemas";
import { createSession, type SessionUser } from "./sessions";

// Failed attempts allowed per window before sign-in is refused. Per account it stops
// password guessing against one person; per address it stops spraying many accounts.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const WRONG_CREDENTIALS = "That email and password don't match an account.";

// With an invitation the account is always a student's, and it is created in the same
// transaction that accepts the invitation: a used or withdrawn link creates nothing.
export async function signUp(raw: SignUpInput): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const input = SignUpSchema.parse(raw);
  const invite = input.invite || undefined;
  const role = invite ? "STUDENT" : input.role;
  const weak = passwordProblem(input.password, { email: input.email, name: input.name });
  if (weak) throw new AppError("Please choose a different password.", 422, { password: [weak] });
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
    return { user, ...(await createSession(user.id)) };
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("An account with that email already exists. Sign in instead.", 409, {
        email: ["An account with that email already exists."],
      });
    }
    throw e;
  }
}

export async function signIn(raw: { email: string; password: string }, address: string) {
  const { email, password } = SignInSchema.parse(raw);
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  await db().signInFailure.deleteMany({ where: { createdAt: { lt: since } } });
  const [forAccount, forAddress] = await Promise.all([
    db().signInFailure.count({ where: { email, createdAt: { gte: since } } }),
    db().signInFailure.count({ where: { address, createdAt: { gte: since } } }),
  ]);
  if (forAccount >= MAX_FAILURES_PER_ACCOUNT || forAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError("Too many sign-in attempts. Wait 15 minutes and try again.", 429);
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    await db().signInFailure.create({ data: { email, address } });
    throw new AppError(WRONG_CREDENTIALS, 401);
  }
  await db().signInFailure.deleteMany({ where: { email } });
  await rehashIfOld(user.id, user.passwordHash, password);
  const { passwordHash: _, ...sessionUser } = user;
  return { user: sessionUser as SessionUser, ...(await createSession(user.id)) };
}
