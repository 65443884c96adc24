import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn, signUp } from "@/lib/auth/accounts";
import { deleteSession, findSessionUser } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { SIGN_IN_LIMITS } from "@/lib/auth/throttle-limits";
import { makeStudent } from "../factories";

const password = "correct horse battery";
const address = "192.0.2.1";

describe("sign up", () => {
  it("creates an account with a hashed password and a session", async () => {
    const result = await signUp({ name: "Ada Lovelace", email: "Ada@Example.test", password, role: "TEACHER" }, address);
    if (!result.created) throw new Error("expected a new account");
    const { user, token } = result;
    expect(user).toMatchObject({ name: "Ada Lovelace", email: "ada@example.test", role: "TEACHER" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(password);
    expect(await findSessionUser(token)).toMatchObject({ id: user.id, role: "TEACHER" });
  });

  it("makes no second account with the same email, whatever its case, and does not say why", async () => {
    await signUp({ name: "A", email: "same@example.test", password, role: "STUDENT" }, address);
    await expect(signUp({ name: "B", email: "SAME@example.test", password, role: "STUDENT" }, address)).resolves.toEqual({ created: false });
    expect(await db().user.count()).toBe(1);
    expect(await db().session.count()).toBe(1);
  });

  it("refuses a short password and an unknown role", async () => {
    await expect(signUp({ name: "A", email: "a@example.test", password: "short", role: "STUDENT" }, address)).rejects.toThrow(/at least 10/);
    // @ts-expect-error role outside the enum, as a forged form would send
    await expect(signUp({ name: "A", email: "a@example.test", password, role: "ADMIN" }, address)).rejects.toThrow(/student or a teacher/);
    expect(await db().user.count()).toBe(0);
  });
});

describe("sign in", () => {
  it("signs in with the right password and stores only a hash of the session token", async () => {
    const student = await makeStudent({ email: "kim@example.test" });
    const { user, token } = await signIn({ email: "KIM@example.test", password }, "10.0.0.1");
    expect(user.id).toBe(student.id);
    const sessions = await db().session.findMany({ where: { userId: student.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toBe(token);
    await deleteSession(token);
    expect(await findSessionUser(token)).toBeNull();
  });

  it("gives the same message for an unknown email and a wrong password", async () => {
    await makeStudent({ email: "kim@example.test" });
    const wrongPassword = await signIn({ email: "kim@example.test", password: "not the password" }, "a").catch((e) => e);
    const unknownEmail = await signIn({ email: "nobody@example.test", password }, "a").catch((e) => e);
    expect(wrongPassword).toBeInstanceOf(AppError);
    expect(wrongPassword.message).toBe(unknownEmail.message);
    expect(wrongPassword.status).toBe(401);
  });

  // The back-off itself, and everything an attacker tries, is in sign-in-abuse.test.ts.
  it("slows repeated failures down instead of locking the account, and says how long to wait", async () => {
    await makeStudent({ email: "kim@example.test" });
    for (let i = 0; i < SIGN_IN_LIMITS.pair.free; i++) {
      await expect(signIn({ email: "kim@example.test", password: "wrong password" }, "10.0.0.1")).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ email: "kim@example.test", password }, "10.0.0.1")).rejects.toMatchObject({
      status: 429,
      message: "Too many sign-in attempts. Wait 2 seconds and try again.",
    });
    // Another address is not slowed down by these.
    await expect(signIn({ email: "kim@example.test", password }, "10.0.0.2")).resolves.toBeTruthy();
  });

  it("keeps no email or address in the throttle table", async () => {
    await signIn({ email: "nobody@example.test", password: "a guess at it" }, "203.0.113.9").catch(() => undefined);
    const rows = await db().throttle.findMany();
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toMatch(/nobody|203\.0\.113/);
  });

  it("does not accept an expired session", async () => {
    const student = await makeStudent();
    const { token } = await signIn({ email: student.email, password }, "a");
    await db().session.updateMany({ where: { userId: student.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(token)).toBeNull();
    expect(await db().session.count({ where: { userId: student.id } })).toBe(0);
  });
});
