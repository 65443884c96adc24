import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn, signUp } from "@/lib/auth/accounts";
import { clientAddressFrom, socketStamp } from "@/lib/auth/client-address";
import { SIGN_IN_LIMITS, JOIN_LIMITS, SIGN_UP_LIMIT } from "@/lib/auth/throttle-limits";
import { joinClassroom } from "@/lib/classes/classrooms";
import { AppError } from "@/lib/errors";
import { makeClassroom, makeStudent, makeTeacher } from "../factories";

// Issue 10, findings 1, 2 and 8, tried as an attacker would: guesses sent together, from
// rotating or shared addresses, against the right password and the join codes.

const password = "correct horse battery";
const wrong = "not the password at all";
const school = "198.51.100.7";
const home = "203.0.113.20";
const t0 = new Date("2026-12-02T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

type Outcome = "ok" | number | string;
const outcome = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    () => "ok",
    (e) => (e instanceof AppError ? (e.status as Outcome) : String(e)),
  );
const tally = (outcomes: Outcome[]) => outcomes.reduce<Record<string, number>>((n, o) => ({ ...n, [o]: (n[o] ?? 0) + 1 }), {});

describe("sign-in throttling counts every guess", () => {
  it("checks at most the free attempts of 25 wrong passwords sent together from one address", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    const results = await Promise.all(Array.from({ length: 25 }, () => outcome(signIn({ email: kim.email, password: wrong }, home, t0))));
    expect(tally(results)).toEqual({ 401: SIGN_IN_LIMITS.pair.free, 429: 25 - SIGN_IN_LIMITS.pair.free });
  });

  it("checks at most the account's ceiling of 24 wrong and 1 right sent together from 25 addresses", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    const attempts = Array.from({ length: 25 }, (_, i) => signIn({ email: kim.email, password: i === 12 ? password : wrong }, `192.0.2.${i + 1}`, t0));
    const results = tally(await Promise.all(attempts.map(outcome)));
    // Every attempt that reached the password check was counted before it was checked. If the
    // right password was among them it gave its own attempt back, so one more could be checked.
    expect(results[401] ?? 0).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.free);
    expect((results[401] ?? 0) + (results.ok ?? 0)).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.free + 1);
    expect(results[429]).toBeGreaterThanOrEqual(25 - SIGN_IN_LIMITS.account.free - 1);
  });

  it("tells the guesser how long to wait, and the wait doubles up to a cap of 15 minutes", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    let now = t0;
    let waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      const e = await signIn({ email: kim.email, password: wrong }, home, now).catch((x) => x);
      if (e.status === 429) {
        expect(e.message).toMatch(/^Too many sign-in attempts\. Wait (about )?\d+ (seconds?|minutes?) and try again\.$/);
        const wait = e.retryAfterMs as number;
        waits.push(wait);
        now = new Date(now.getTime() + wait);
      } else {
        expect(e.status).toBe(401);
      }
    }
    waits = [...new Set(waits)];
    expect(waits.slice(0, 4)).toEqual([2000, 4000, 8000, 16000]);
    expect(Math.max(...waits)).toBe(15 * 60 * 1000);
    // After the longest wait the right password signs in at once.
    await expect(signIn({ email: kim.email, password }, home, new Date(now.getTime() + 15 * 60 * 1000))).resolves.toMatchObject({ user: { id: kim.id } });
  });
});

describe("the right password is never locked out", () => {
  it("signs in from the owner's address while someone else guesses from another", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    for (let i = 0; i < 30; i++) await signIn({ email: kim.email, password: wrong }, "192.0.2.66", t0).catch(() => undefined);
    await expect(signIn({ email: kim.email, password }, home, t0)).resolves.toMatchObject({ user: { id: kim.id } });
  });

  it("signs in from an address the owner has used before, even after guesses from many addresses", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    await signIn({ email: kim.email, password }, home, t0);
    for (let i = 0; i < 60; i++) await signIn({ email: kim.email, password: wrong }, `192.0.2.${i + 1}`, later(1000)).catch(() => undefined);
    // A new address now waits for the account-wide back-off …
    await expect(signIn({ email: kim.email, password }, "198.18.0.1", later(1000))).rejects.toMatchObject({ status: 429 });
    // … but home is known, so only home's own back-off (none) applies.
    await expect(signIn({ email: kim.email, password }, home, later(1000))).resolves.toMatchObject({ user: { id: kim.id } });
  });

  it("signs in after the owner's own typos once the short wait has passed, and forgets them on success", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    for (let i = 0; i < SIGN_IN_LIMITS.pair.free; i++) {
      await expect(signIn({ email: kim.email, password: wrong }, home, t0)).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ email: kim.email, password }, home, t0)).rejects.toMatchObject({ status: 429, retryAfterMs: 2000 });
    await expect(signIn({ email: kim.email, password }, home, later(2000))).resolves.toMatchObject({ user: { id: kim.id } });
    // Forgotten: the next typo is free again.
    await expect(signIn({ email: kim.email, password: wrong }, home, later(3000))).rejects.toMatchObject({ status: 401 });
  });

  it("lets a class of 30 behind one school address sign in together, typos and all", async () => {
    const students = await Promise.all(Array.from({ length: 30 }, (_, i) => makeStudent({ email: `student-${i}@example.test` })));
    const typos = await Promise.all(students.map((s) => outcome(signIn({ email: s.email, password: wrong }, school, t0))));
    expect(tally(typos)).toEqual({ 401: 30 });
    const results = await Promise.all(students.map((s) => outcome(signIn({ email: s.email, password }, school, later(500)))));
    expect(tally(results)).toEqual({ ok: 30 });
  });

  it("stops one address spraying guesses across many accounts, but not the students who signed in there before", async () => {
    const known = await makeStudent({ email: "known@example.test" });
    await signIn({ email: known.email, password }, school, t0);
    const spray = SIGN_IN_LIMITS.address.free;
    for (let batch = 0; batch < spray; batch += 25) {
      await Promise.all(Array.from({ length: 25 }, (_, i) => signIn({ email: `nobody-${batch + i}@example.test`, password: wrong }, school, later(1000)).catch(() => undefined)));
    }
    const fresh = await makeStudent({ email: "fresh@example.test" });
    await expect(signIn({ email: fresh.email, password }, school, later(1000))).rejects.toMatchObject({ status: 429 });
    await expect(signIn({ email: known.email, password }, school, later(1000))).resolves.toMatchObject({ user: { id: known.id } });
  });
});

describe("sign-up", () => {
  it("does not say whether an email has an account, and signs nobody in for one that does", async () => {
    await makeStudent({ email: "taken@example.test" });
    const taken = await signUp({ name: "Mallory", email: "Taken@example.test", password, role: "STUDENT" }, home, t0);
    expect(taken).toEqual({ created: false });
    expect(await db().session.count()).toBe(0);
    const fresh = await signUp({ name: "Nia", email: "new@example.test", password, role: "STUDENT" }, home, t0);
    expect(fresh).toMatchObject({ created: true, user: { email: "new@example.test" } });
  });

  it("limits sign-ups per address, enough for a class signing up together", async () => {
    const { free } = SIGN_UP_LIMIT;
    expect(free).toBeGreaterThanOrEqual(90);
    // In classes of 30 at once (more at once would meet the hash queue's own limit).
    const results: Outcome[] = [];
    for (let batch = 0; batch < free + 5; batch += 30) {
      const size = Math.min(30, free + 5 - batch);
      const signUps = Array.from({ length: size }, (_, i) => signUp({ name: `S${batch + i}`, email: `s${batch + i}@example.test`, password, role: "STUDENT" }, school, t0));
      results.push(...(await Promise.all(signUps.map(outcome))));
    }
    expect(tally(results)).toEqual({ ok: free, 429: 5 });
    // Another address is not affected.
    await expect(signUp({ name: "Other", email: "other@example.test", password, role: "STUDENT" }, home, t0)).resolves.toMatchObject({ created: true });
  });
});

describe("joining by code", () => {
  it("cannot be guessed quickly: wrong codes from one student are throttled, and the wait is told", async () => {
    const student = await makeStudent();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => outcome(joinClassroom(student, { code: `AAAA${"34679ACDEF"[i % 10]}${"34679ACDEF"[Math.floor(i / 10) % 10]}` }, home, t0))),
    );
    expect(tally(results)).toEqual({ 404: JOIN_LIMITS.user.free, 429: 200 - JOIN_LIMITS.user.free });
  });

  it("cannot be guessed by many accounts from one address", async () => {
    const students = await Promise.all(Array.from({ length: 40 }, () => makeStudent()));
    const results = await Promise.all(students.flatMap((s) => Array.from({ length: 5 }, () => outcome(joinClassroom(s, { code: "AAAAAA" }, school, t0)))));
    expect(tally(results)[404]).toBe(JOIN_LIMITS.address.free);
  });

  it("lets a whole class join with the code at once from the school's address", async () => {
    const teacher = await makeTeacher();
    const { joinCode, id } = await makeClassroom(teacher);
    const students = await Promise.all(Array.from({ length: 30 }, () => makeStudent()));
    await Promise.all(students.map((s) => joinClassroom(s, { code: "WRONG4" }, school, t0).catch(() => undefined)));
    const results = await Promise.all(students.map((s) => outcome(joinClassroom(s, { code: joinCode }, school, later(100)))));
    expect(tally(results)).toEqual({ ok: 30 });
    expect(await db().enrolment.count({ where: { classroomId: id } })).toBe(30);
  });
});

describe("the client address", () => {
  it("ignores a rotating X-Forwarded-For with TRUST_PROXY_HOPS=0, so rotation does not escape the limit", async () => {
    const kim = await makeStudent({ email: "kim@example.test" });
    const results: Outcome[] = [];
    for (let i = 0; i < 10; i++) {
      const headers = new Headers({ "x-forwarded-for": `10.9.${i}.1`, "x-extent-socket": socketStamp("203.0.113.20") });
      results.push(await outcome(signIn({ email: kim.email, password: wrong }, clientAddressFrom(headers, 0), t0)));
    }
    expect(tally(results)).toEqual({ 401: SIGN_IN_LIMITS.pair.free, 429: 10 - SIGN_IN_LIMITS.pair.free });
  });
});
