import { createHmac } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { waitInWords } from "./throttle-wait";

// Attempt throttling kept in PostgreSQL, so any number of app instances share it
// (docs/decisions/010-sign-in-abuse.md). Each key has a streak of attempts in a window: the
// first `free` go through at once, then each further one must wait a doubling delay, capped.
//
// An attempt is *reserved* before the password or code is checked, by one
// INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING: the row lock makes parallel attempts
// take turns, so all of them are counted and none slips past a check another has not yet
// recorded (issue 10, finding 1). A success then resets or refunds the reservation.

export type Limit = {
  /** Attempts in a window that need no wait. */
  free: number;
  /** The wait after the first attempt past `free`; each further attempt doubles it … */
  baseMs: number;
  /** … up to this. */
  capMs: number;
  /** A streak is forgotten this long after its first attempt. */
  windowMs: number;
  /**
   * After a success: "reset" forgets the streak (the owner's own typos), "refund" gives back
   * this one attempt (a key many people share, or one an attacker could reset at will), "keep"
   * leaves it counted (creating accounts is itself what is limited).
   */
  onSuccess: "reset" | "refund" | "keep";
};

export type Slot = { key: string; limit: Limit };

/** A refusal: 429 with the wait in words, and the wait itself for callers and tests. */
export class ThrottledError extends AppError {
  constructor(
    what: string,
    readonly retryAfterMs: number,
  ) {
    super(`Too many ${what}. Wait ${waitInWords(retryAfterMs)} and try again.`, 429);
  }
}

/**
 * The stored key: an HMAC of the name, so the table holds no email or address. `kind` stays
 * readable for whoever looks at the table.
 */
export function throttleKey(kind: string, ...parts: string[]): string {
  const mac = createHmac("sha256", env().SESSION_SECRET).update(`${kind}\0${parts.join("\0")}`).digest("base64url");
  return `${kind}:${mac}`;
}

// The wait after `f` attempts: none within the free ones, then base·2^(f−free) up to the cap.
// The exponent is bounded so power() cannot overflow on a long streak.
const delayMs = (f: Prisma.Sql, l: Limit) =>
  Prisma.sql`(CASE WHEN ${f} < ${l.free}::int THEN 0 ELSE LEAST(${l.baseMs}::float8 * power(2, LEAST(${f} - ${l.free}::int, 40)), ${l.capMs}::float8) END) * interval '1 millisecond'`;

/**
 * Reserves one attempt on every slot, all or none: the slots share one transaction, and a
 * refusal throws inside it, so the slots already reserved are rolled back. Each slot is one
 * atomic statement, taken in the caller's fixed order so two attempts cannot deadlock.
 * Throws a 429 ThrottledError saying how long to wait.
 */
export async function reserveAttempt(slots: Slot[], now: Date, what: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const at = Prisma.sql`${now.toISOString()}::timestamptz`;
    for (const { key, limit } of slots) {
      const window = Prisma.sql`${limit.windowMs}::float8 * interval '1 millisecond'`;
      const stale = Prisma.sql`t."windowStart" <= ${at} - ${window}`;
      const next = Prisma.sql`(CASE WHEN ${stale} THEN 1 ELSE t.failures + 1 END)`;
      const reserved = await tx.$queryRaw<{ failures: number }[]>`
        INSERT INTO "Throttle" AS t ("key", "failures", "windowStart", "nextAllowedAt")
        VALUES (${key}, 1, ${at}, ${at} + ${delayMs(Prisma.sql`1`, limit)})
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = ${next},
          "windowStart" = CASE WHEN ${stale} THEN ${at} ELSE t."windowStart" END,
          "nextAllowedAt" = ${at} + ${delayMs(next, limit)}
        WHERE ${stale} OR t.failures < ${limit.free}::int OR t."nextAllowedAt" <= ${at}
        RETURNING t.failures`;
      if (reserved.length) continue;
      // Refused: the wait ends at the next allowed time, or when the window ends if sooner.
      const [row] = await tx.$queryRaw<{ waitMs: number }[]>`
        SELECT (extract(epoch FROM LEAST("nextAllowedAt", "windowStart" + ${window}) - ${at}) * 1000)::float8 AS "waitMs"
        FROM "Throttle" WHERE "key" = ${key}`;
      throw new ThrottledError(what, Math.max(1000, Math.ceil(row?.waitMs ?? limit.baseMs)));
    }
  });
}

/**
 * The attempt succeeded: each slot resets, refunds or keeps its reservation (Limit.onSuccess).
 * A refund also shortens the wait to what one attempt fewer would have set, never lengthens it.
 */
export async function settleSuccess(slots: Slot[], now: Date): Promise<void> {
  const at = Prisma.sql`${now.toISOString()}::timestamptz`;
  for (const { key, limit } of slots) {
    if (limit.onSuccess === "reset") {
      await db().$executeRaw`UPDATE "Throttle" SET "failures" = 0, "nextAllowedAt" = ${at}, "succeededAt" = ${at} WHERE "key" = ${key}`;
    } else if (limit.onSuccess === "refund") {
      const fewer = Prisma.sql`GREATEST("failures" - 1, 0)`;
      await db().$executeRaw`
        UPDATE "Throttle" SET "failures" = ${fewer}, "nextAllowedAt" = LEAST("nextAllowedAt", ${at} + ${delayMs(fewer, limit)})
        WHERE "key" = ${key}`;
    }
  }
}

/**
 * Runs one attempt under the slots: reserved first, settled as a success when `attempt`
 * returns or throws an error `wasRight` accepts (e.g. "already in this class": the code was
 * right). Any other error leaves the attempt counted.
 */
export async function throttled<T>(slots: Slot[], now: Date, what: string, attempt: () => Promise<T>, wasRight: (e: unknown) => boolean = () => false): Promise<T> {
  await reserveAttempt(slots, now, what);
  try {
    const result = await attempt();
    await settleSuccess(slots, now);
    return result;
  } catch (e) {
    if (wasRight(e)) await settleSuccess(slots, now);
    throw e;
  }
}

/** When this key last succeeded (a sign-in from this address to this account), or null. */
export async function lastSuccess(key: string): Promise<Date | null> {
  const row = await db().throttle.findUnique({ where: { key }, select: { succeededAt: true } });
  return row?.succeededAt ?? null;
}

/**
 * Forgets rows whose window and wait are long over, except recent successes (which mark an
 * address the owner uses). Windows are at most a day, so deleting such a row changes nothing.
 */
export async function pruneThrottles(now: Date, keepSuccessMs: number): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db().throttle.deleteMany({
    where: {
      windowStart: { lt: dayAgo },
      nextAllowedAt: { lt: dayAgo },
      OR: [{ succeededAt: null }, { succeededAt: { lt: new Date(now.getTime() - keepSuccessMs) } }],
    },
  });
}
