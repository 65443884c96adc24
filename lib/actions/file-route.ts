import { z } from "zod";
import { getCurrentUser } from "../auth/current-user";
import type { SessionUser } from "../auth/sessions";
import { refusalForDbError } from "../db-errors";
import { isAppError } from "../errors";

// Route handlers that answer with a file (the CSV exports). Same order as jsonRoute:
// authenticate, validate the params, then the handler authorizes through lib/auth/policy.
// Refusals are plain text with a status, never a stack trace.
export function fileRoute<S extends z.ZodType>(
  schema: S,
  // A large file (an export archive) comes as a stream, with its size when known.
  handler: (params: z.infer<S>, user: SessionUser) => Promise<{ fileName: string; contentType: string; body: string | ReadableStream<Uint8Array>; bytes?: number }>,
) {
  return async (_request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    const text = (message: string, status: number) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
    try {
      const user = await getCurrentUser();
      if (!user) return text("Sign in to download this file.", 401);
      const parsed = schema.safeParse(await context.params);
      if (!parsed.success) return text(parsed.error.issues[0]?.message ?? "Invalid request.", 400);
      const file = await handler(parsed.data, user);
      return new Response(file.body, {
        headers: {
          "content-type": file.contentType,
          // The ASCII name for old clients, the UTF-8 one (RFC 6266 / 5987) for the rest.
          "content-disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          "cache-control": "no-store",
          ...(file.bytes !== undefined ? { "content-length": String(file.bytes) } : {}),
        },
      });
    } catch (e) {
      if (isAppError(e)) return text(e.message, e.status);
      const refusal = refusalForDbError(e);
      if (refusal) return text(refusal.message, refusal.status);
      console.error("Unexpected error in file route", e);
      return text("Something went wrong on our side. Please try again.", 500);
    }
  };
}
