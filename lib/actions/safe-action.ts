import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getSignedInUser } from "../auth/current-user";
import { GATE_MESSAGES } from "../auth/two-factor/gate";
import type { SessionUser, SignedInUser } from "../auth/sessions";
import { refusalForDbError } from "../db-errors";
import { isAppError } from "../errors";
import type { ActionResult } from "./action-result";

// "pending-two-factor": a signed-in user whose session may still wait for its second factor
// (the two-factor step and enrolment, decision 035). Every other access refuses such a
// session, and "public" treats it as signed out.
type Access = "public" | "user" | "TEACHER" | "STUDENT" | "pending-two-factor";

// Every server action runs through here, in one order: authenticate, validate with the
// shared zod schema, then the handler (which authorizes through lib/auth/policy and calls
// lib). Expected errors become messages; anything else is logged and shown generically.
// redirect() and notFound() throw control-flow errors that must pass through untouched.
export function safeAction<S extends z.ZodType, T, A extends Access>(
  access: A,
  schema: S,
  handler: (input: z.infer<S>, user: A extends "public" ? SessionUser | null : A extends "pending-two-factor" ? SignedInUser : SessionUser) => Promise<T>,
) {
  return async (_prev: unknown, formData: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    try {
      const signedIn = await getSignedInUser();
      const gate = signedIn?.twoFactorGate ?? "none";
      const user = access === "public" && gate !== "none" ? null : signedIn;
      if (access !== "public") {
        if (!user) return { ok: false, formError: "Your session has ended. Sign in again to continue." };
        if (access !== "pending-two-factor" && gate !== "none") return { ok: false, formError: GATE_MESSAGES[gate] };
        if (access !== "user" && access !== "pending-two-factor" && user.role !== access) {
          return { ok: false, formError: `That is only for ${access === "TEACHER" ? "teachers" : "students"}.` };
        }
      }
      const raw = formData instanceof FormData ? formDataToObject(formData) : formData;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, formError: "Please fix the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
      }
      const data = await handler(parsed.data, user as never);
      return { ok: true, data };
    } catch (e) {
      unstable_rethrow(e);
      return errorResult(e);
    }
  };
}

export function errorResult(e: unknown): ActionResult<never> {
  if (isAppError(e)) return { ok: false, formError: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof z.ZodError) {
    return { ok: false, formError: "Please fix the highlighted fields.", fieldErrors: z.flattenError(e).fieldErrors as Record<string, string[]> };
  }
  // A constraint the database enforced (still in use, already exists) is a refusal, not a crash.
  const refusal = refusalForDbError(e);
  if (refusal) return { ok: false, formError: refusal.message };
  console.error("Unexpected error in action", e);
  return { ok: false, formError: "Something went wrong on our side and nothing was changed. Please try again." };
}

// Repeated keys become arrays; Next's internal $ACTION_ fields are dropped.
function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}
