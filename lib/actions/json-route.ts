import { z } from "zod";
import { getCurrentUser } from "../auth/current-user";
import type { SessionUser } from "../auth/sessions";
import { refusalForDbError } from "../db-errors";
import { isAppError } from "../errors";
import { MAX_JSON_BODY } from "./json-route-limits";

// Route handlers for what is not a form (the editor's autosave): the same order as
// safeAction — authenticate, validate, then the handler authorizes through lib/auth/policy —
// and every refusal is JSON with a status and a message the client can show.
export { MAX_JSON_BODY };
const tooLarge = () => Response.json({ error: "That is too much to save at once (the limit is 1 MB). Nothing was changed." }, { status: 413 });

export function jsonRoute<S extends z.ZodType, P>(
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser, params: P) => Promise<{ status?: number; body: unknown }>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return Response.json({ error: "Your session has ended. Sign in again; your text is kept in this browser." }, { status: 401 });
      // A draft is at most 100,000 characters (≤ 400 KB as UTF-8, more with JSON escapes):
      // refuse anything far past that before reading it. The autosave shows 413 as "invalid".
      if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY) return tooLarge();
      const raw = await request.text();
      if (raw.length > MAX_JSON_BODY) return tooLarge();
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return Response.json({ error: "The request body must be JSON." }, { status: 400 });
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return Response.json({ error: "The request body must be a JSON object." }, { status: 400 });
      }
      const params = await context.params;
      const parsed = schema.safeParse({ ...body, ...params });
      if (!parsed.success) {
        return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid request.", fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
      }
      const { status = 200, body: out } = await handler(parsed.data, user, params);
      return Response.json(out, { status });
    } catch (e) {
      if (isAppError(e)) return Response.json({ error: e.message }, { status: e.status });
      if (e instanceof z.ZodError) return Response.json({ error: e.issues[0]?.message ?? "Invalid request." }, { status: 400 });
      const refusal = refusalForDbError(e);
      if (refusal) return Response.json({ error: refusal.message }, { status: refusal.status });
      console.error("Unexpected error in route", e);
      return Response.json({ error: "Something went wrong on our side. Your text is kept in this browser; we will keep retrying." }, { status: 500 });
    }
  };
}

/** A GET route that answers JSON about the signed-in user (the export progress poll); no input. */
export function jsonGetRoute(handler: (user: SessionUser) => Promise<unknown>) {
  return async (): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
      return Response.json(await handler(user), { headers: { "cache-control": "no-store" } });
    } catch (e) {
      if (isAppError(e)) return Response.json({ error: e.message }, { status: e.status });
      const refusal = refusalForDbError(e);
      if (refusal) return Response.json({ error: refusal.message }, { status: refusal.status });
      console.error("Unexpected error in route", e);
      return Response.json({ error: "Something went wrong on our side. Please try again." }, { status: 500 });
    }
  };
}
