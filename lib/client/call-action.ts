import type { ActionResult } from "../actions/action-result";

/** Shown when a server action could not be reached or crashed: the request changed nothing we know of. */
export const UNREACHABLE_MESSAGE = "You seem to be offline; nothing was changed. Check your connection and try again.";

export type CallResult<T> = ActionResult<T> | { ok: false; formError: string; unreachable: true };

/**
 * The one way client code calls a server action outside <ActionForm>. A server action that
 * rejects (the network dropped, the server answered 5xx, the deployment changed under the
 * page) would otherwise throw into React, leaving a button stuck on "Saving…" or replacing
 * the screen with the error page. Here it becomes an ordinary refusal the caller already
 * knows how to show, marked `unreachable` so callers can keep local copies and offer a retry.
 */
export async function callAction<T>(call: () => Promise<ActionResult<T>>): Promise<CallResult<T>> {
  try {
    const result = await call();
    // A redirecting action resolves with nothing while Next navigates away.
    return result ?? { ok: false, formError: UNREACHABLE_MESSAGE, unreachable: true };
  } catch {
    return { ok: false, formError: UNREACHABLE_MESSAGE, unreachable: true };
  }
}

export const isUnreachable = <T,>(r: CallResult<T>): r is { ok: false; formError: string; unreachable: true } => !r.ok && "unreachable" in r;
