import { hash as argon2Hash, parseOptions, verify as argon2Verify } from "@node-rs/argon2";
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { isAppError } from "../errors";
import { hashQueue } from "./hash-queue";

// Passwords are hashed with argon2id (OWASP's first choice) at OWASP's baseline: 19 MiB,
// two passes, one lane. Measured on our 2-core machines that is ~10 ms and 20 MiB a hash,
// where scrypt at N=2^17 cost ~580 ms and 128 MiB (docs/decisions/011-password-hashing.md).
// The parameters travel in the stored PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash),
// so they can be raised later: a sign-in with older parameters is rehashed (needsRehash).
// Every hash and verification waits its turn in the hash queue, so a burst of sign-ins
// cannot take every worker thread and core from the rest of the app.
export type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number };
export const CURRENT: Argon2Params = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

// Stored parameters are only trusted within these bounds: a corrupted or planted row must
// not make one verification take gigabytes or minutes.
const MAX_ARGON2 = { memoryCost: 256 * 1024, timeCost: 10, parallelism: 4 };
const MAX_SCRYPT_N = 2 ** 17;
const SCRYPT_KEY_LENGTH = 32;

// NFKC so the same password typed on another keyboard (full-width digits, composed accents)
// still matches; the legacy scrypt hashes were made the same way.
const normalise = (password: string) => password.normalize("NFKC");

export async function hashPassword(password: string, params: Argon2Params = CURRENT): Promise<string> {
  return hashQueue.run(() => argon2Hash(normalise(password), params));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    if (stored.startsWith("$argon2id$")) {
      const o = parseOptions(stored);
      if (o.memoryCost > MAX_ARGON2.memoryCost || o.timeCost > MAX_ARGON2.timeCost || o.parallelism > MAX_ARGON2.parallelism) return false;
      return await hashQueue.run(() => argon2Verify(stored, normalise(password)));
    }
    if (stored.startsWith("scrypt$")) return await verifyLegacyScrypt(password, stored);
    return false;
  } catch (e) {
    // The queue's "too many sign-ins" refusal is for the caller; a malformed hash is no match.
    if (isAppError(e)) throw e;
    return false;
  }
}

/** True when the stored hash is not argon2id at the current parameters: rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  try {
    const o = parseOptions(stored);
    return o.memoryCost !== CURRENT.memoryCost || o.timeCost !== CURRENT.timeCost || o.parallelism !== CURRENT.parallelism;
  } catch {
    return true;
  }
}

// Hashes made before decision 011: scrypt$N$r$p$salt$key. Still verified (then rehashed) so
// nobody has to reset a password.
async function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split("$");
  const N = Number(n), R = Number(r), P = Number(p);
  const sane = Number.isInteger(Math.log2(N)) && N >= 2 && N <= MAX_SCRYPT_N && R >= 1 && R <= 32 && P >= 1 && P <= 16;
  if (!sane || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await hashQueue.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCb(normalise(password), Buffer.from(salt, "base64url"), SCRYPT_KEY_LENGTH, { N, r: R, p: P, maxmem: 256 * N * R + 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash of a random password, compared against when the account does not exist, so a
// wrong email takes as long as a wrong password (no account enumeration by timing).
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex")).catch((e) => {
    decoy = undefined; // a full queue must not leave a rejected promise behind for good
    throw e;
  });
  return decoy;
}
