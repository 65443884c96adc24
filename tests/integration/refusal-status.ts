import { expect } from "vitest";
import { z } from "zod";
import { refusalForDbError } from "@/lib/db-errors";
import { isAppError } from "@/lib/errors";

/** The HTTP status the wrappers (json-route.ts, safe-action.ts) would answer for `attempt`'s error (500 for anything unrecognised). */
export async function statusOf(attempt: Promise<unknown>): Promise<number> {
  const error = await attempt.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  if (isAppError(error)) return error.status;
  if (error instanceof z.ZodError) return 400;
  return refusalForDbError(error)?.status ?? 500;
}
