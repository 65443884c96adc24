import { z } from "zod";

// Integer columns are PostgreSQL `integer` (int4): a number past 2^31 - 1 is refused by the
// database ("value out of range for type integer"), which used to surface as a 500. Every
// whole number a client sends is bounded here first, so it is a 400 with a message instead.
export const MAX_INT4 = 2_147_483_647;

/** A compare-and-swap revision as the client last saw it. */
export const revisionNumber = () => z.number().int("A revision is a whole number.").min(0).max(MAX_INT4, "That revision is not valid: reload the page.");

/** A whole number inside [min, max], which must lie inside int4. */
export const boundedInt = (min: number, max: number, message?: string) => {
  if (min < -MAX_INT4 - 1 || max > MAX_INT4) throw new Error("boundedInt: bounds outside int4");
  return z.number().int(message).min(min, message).max(max, message);
};
