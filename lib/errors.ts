// Expected failures carry a message that is safe to show the user and an HTTP-ish status.
// Anything else that escapes lib/ is a bug: it is logged and shown as a generic message.

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 503;

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: ErrorStatus = 400,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notSignedIn = () => new AppError("Please sign in to continue.", 401);
export const forbidden = (what = "do that") => new AppError(`You don't have permission to ${what}.`, 403);
export const notFound = (what = "That page") => new AppError(`${what} could not be found.`, 404);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
