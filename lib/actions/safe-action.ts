import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "../auth/current-user";
import type { SessionUser } from "../auth/sessions";
import { refusalForDbError } from "../db-errors";
import { isAppError } from "../errors";
import type { ActionResult } from "./action-result";

type Access = "public" | "user" | "TEACHER" | "STUDENT";

// Every server action runs through here, in one order: authenticate, validate with the
// shared zod schema, then the handler (which authorizes through lib/auth/policy and calls
// lib). Expected errors become messages; anything else is logged and shown generically.
// redirect() and notFound() throw control-flow errors that must pass through untouched.
export function safeAction<S extends z.ZodType, T, A extends Access>(
  access: A,
  schema: S,
  handler: (input: z.infer<S>, user: A extends "public" ? SessionUser | null : SessionUser) => Promise<T>,
) {
  return async (_prev: unknown, formData: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (access !== "public") {
        if (!user) return { ok: false, formError: "Your session has ended. Sign in again to continue." };
        if (access !== "user" && user.role !== access) {
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
