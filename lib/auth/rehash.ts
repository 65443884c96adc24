import { db } from "../db";
import { isAppError } from "../errors";
import { hashPassword, needsRehash } from "./password";

// Called right after a password has been verified, while the plain password is in hand: a
// hash made with older parameters (scrypt before decision 011, or the seed's and tests' cheap
// argon2id) is replaced by one at the current parameters, so nobody has to reset a password
// when the parameters change. The update only applies if the stored hash is still the one
// verified, so a concurrent change of password is never overwritten. A full hash queue skips
// the upgrade (the next sign-in does it) rather than failing a sign-in that already succeeded.
export async function rehashIfOld(userId: string, verifiedHash: string, password: string): Promise<boolean> {
  if (!needsRehash(verifiedHash)) return false;
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (e) {
    if (isAppError(e)) return false;
    throw e;
  }
  const { count } = await db().user.updateMany({ where: { id: userId, passwordHash: verifiedHash }, data: { passwordHash } });
  return count === 1;
}
