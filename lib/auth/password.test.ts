import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CURRENT, hashPassword, needsRehash, verifyPassword } from "./password";

// How hashes were stored before decision 011: scrypt$N$r$p$salt$key over the NFKC password.
function legacyScrypt(password: string, N = 2 ** 10) {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N, r: 8, p: 1 });
  return ["scrypt", N, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

describe("password hashing", () => {
  it("hashes with argon2id at the current parameters, salted, and verifies only the right password", async () => {
    const stored = await hashPassword("lantern orbit cactus");
    expect(stored).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${CURRENT.memoryCost},t=${CURRENT.timeCost},p=${CURRENT.parallelism}\\$`));
    expect(stored).not.toContain("lantern");
    expect(await hashPassword("lantern orbit cactus")).not.toBe(stored);
    expect(await verifyPassword("lantern orbit cactus", stored)).toBe(true);
    expect(await verifyPassword("lantern orbit cactuS", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("matches the same password typed with full-width characters (NFKC)", async () => {
    const stored = await hashPassword("essay plan 1956");
    expect(await verifyPassword("essay plan １９５６", stored)).toBe(true);
  });

  it("still verifies hashes made with scrypt before the switch, and asks for them to be rehashed", async () => {
    const stored = legacyScrypt("the demo password");
    expect(await verifyPassword("the demo password", stored)).toBe(true);
    expect(await verifyPassword("another password", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it("asks for a rehash when argon2id parameters differ from the current ones", async () => {
    const cheap = await hashPassword("lantern orbit cactus", { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword("lantern orbit cactus", cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
  });

  it("treats malformed or unreasonable stored hashes as no match, without trying them", async () => {
    const huge = (await hashPassword("x y z w v u")).replace(/m=\d+/, "m=4194304");
    const hugeScrypt = legacyScrypt("x y z w v u").replace(/^scrypt\$1024\$/, `scrypt$${2 ** 24}$`);
    for (const stored of ["", "plain text", "scrypt$", "scrypt$1000$8$1$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$", huge, hugeScrypt]) {
      expect(await verifyPassword("x y z w v u", stored), stored).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });
});
