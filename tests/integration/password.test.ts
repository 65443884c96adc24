import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorResult } from "@/lib/actions/safe-action";
import { signIn, signUp } from "@/lib/auth/accounts";
import { HASH_CONCURRENCY, HASH_LINE, HASH_QUEUE_FULL, hashQueue } from "@/lib/auth/hash-queue";
import { CURRENT, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { rehashIfOld } from "@/lib/auth/rehash";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeStudent } from "../factories";

// Issue 10, finding 3: the password hash as an amplifier, and weak passwords.

const address = "203.0.113.5";
const good = "lantern orbit cactus";
const CURRENT_HASH = new RegExp(`^\\$argon2id\\$v=19\\$m=${CURRENT.memoryCost},t=${CURRENT.timeCost},p=${CURRENT.parallelism}\\$`);
const storedHash = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } })).passwordHash ?? "";

// A hash as stored before decision 011 (scrypt at N=2^17 then; N=2^10 keeps the test quick).
function legacyScrypt(password: string) {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return ["scrypt", 2 ** 10, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

// Holds every slot of the process's hash queue and its whole waiting line until released.
function fillHashQueue() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = Array.from({ length: HASH_CONCURRENCY + HASH_LINE }, () => hashQueue.run(() => gate));
  return async () => {
    release();
    await Promise.all(held);
  };
}

describe("sign-up refuses weak passwords", () => {
  it.each([
    ["ten spaces", "          ", PASSWORD_MESSAGES.guessable],
    ["password12", "password12", PASSWORD_MESSAGES.common],
    ["a keyboard row", "qwertyuiop", PASSWORD_MESSAGES.common],
    ["the email itself", "ada.lovelace@example.test", PASSWORD_MESSAGES.personal],
    ["the name with a year", "Ada Lovelace 1815", PASSWORD_MESSAGES.personal],
  ])("refuses %s with a field error and writes nothing", async (_, password, message) => {
    const error = await signUp({ name: "Ada Lovelace", email: "ada.lovelace@example.test", password, role: "STUDENT" }, address).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 422, fieldErrors: { password: [message] } });
    // What the sign-up form shows: the reason beside the password field.
    expect(errorResult(error)).toMatchObject({ ok: false, fieldErrors: { password: [message] } });
    expect(await db().user.count()).toBe(0);
    expect(await db().session.count()).toBe(0);
  });

  it("accepts a passphrase and stores it as argon2id at the current parameters", async () => {
    await signUp({ name: "Ada Lovelace", email: "ada.lovelace@example.test", password: good, role: "STUDENT" }, address);
    const stored = await storedHash("ada.lovelace@example.test");
    expect(stored).toMatch(CURRENT_HASH);
    expect(await verifyPassword(good, stored)).toBe(true);
  });
});

describe("sign-in rehashes passwords stored with older parameters", () => {
  it("replaces a pre-argon2 scrypt hash with the current one, and the password still works", async () => {
    const old = legacyScrypt(good);
    await db().user.create({ data: { name: "Old Timer", email: "old@example.test", role: "STUDENT", passwordHash: old } });

    await expect(signIn({ email: "old@example.test", password: "not the password at all" }, address)).rejects.toMatchObject({ status: 401 });
    expect(await storedHash("old@example.test")).toBe(old);

    await signIn({ email: "old@example.test", password: good }, address);
    const upgraded = await storedHash("old@example.test");
    expect(upgraded).toMatch(CURRENT_HASH);
    await signIn({ email: "old@example.test", password: good }, address);
    expect(await storedHash("old@example.test")).toBe(upgraded);
  });

  it("upgrades the cheap argon2id hashes the factories (and the demo seed) write", async () => {
    const kim = await makeStudent({ email: "kim@example.test", password: good });
    expect(await storedHash(kim.email)).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    await signIn({ email: kim.email, password: good }, address);
    expect(await storedHash(kim.email)).toMatch(CURRENT_HASH);
  });

  it("never overwrites a password that changed after it was verified", async () => {
    const old = legacyScrypt(good);
    const user = await db().user.create({ data: { name: "Old Timer", email: "old@example.test", role: "STUDENT", passwordHash: old } });
    await db().user.update({ where: { id: user.id }, data: { passwordHash: legacyScrypt("a newer password") } });
    expect(await rehashIfOld(user.id, old, good)).toBe(false);
    expect(await verifyPassword("a newer password", await storedHash("old@example.test"))).toBe(true);
  });
});

describe("the hash queue under a burst of sign-ins", () => {
  it("refuses sign-ins beyond the waiting line with a clear message (not a 500), writes no account, and takes the next one", async () => {
    await makeStudent({ email: "kim@example.test", password: good });
    const release = fillHashQueue();
    try {
      const signingIn = await signIn({ email: "kim@example.test", password: good }, address).catch((e: unknown) => e);
      expect(signingIn).toMatchObject({ status: 503, message: HASH_QUEUE_FULL });
      expect(errorResult(signingIn)).toEqual({ ok: false, formError: HASH_QUEUE_FULL, fieldErrors: undefined });

      const signingUp = await signUp({ name: "Ben Ode", email: "ben@example.test", password: good, role: "STUDENT" }, "198.51.100.9").catch((e: unknown) => e);
      expect(signingUp).toMatchObject({ status: 503, message: HASH_QUEUE_FULL });
      expect(await db().user.count({ where: { email: "ben@example.test" } })).toBe(0);
    } finally {
      await release();
    }
    expect(hashQueue.stats).toEqual({ running: 0, waiting: 0 });
    await expect(signIn({ email: "kim@example.test", password: good }, "198.51.100.10")).resolves.toMatchObject({ user: { email: "kim@example.test" } });
  });

  it("lets a class of 40 signing in at the same moment all in, one hash at a time per core", async () => {
    const students = await Promise.all(Array.from({ length: 40 }, (_, i) => makeStudent({ email: `s${i}@example.test`, password: good })));
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, hashQueue.stats.running)), 1);
    try {
      const results = await Promise.all(students.map((s, i) => signIn({ email: s.email, password: good }, `192.0.2.${i + 1}`)));
      expect(results.map((r) => r.user.email).sort()).toEqual(students.map((s) => s.email).sort());
    } finally {
      clearInterval(watch);
    }
    expect(peak).toBeLessThanOrEqual(HASH_CONCURRENCY);
    expect(hashQueue.stats).toEqual({ running: 0, waiting: 0 });
  });
});
