import { unstable_rethrow } from "next/navigation";
import type { ActionResult } from "../actions/action-result";

/** Shown when a server action could not be reached or crashed: the request changed nothing we know of. */
export const UNREACHABLE_MESSAGE = "You seem to be offline; nothing was changed. Check your connection and try again.";

// `fieldErrors` is named (never set) so callers can read it off any refusal without narrowing.
export type Unreachable = { ok: false; formError: string; fieldErrors?: undefined; unreachable: true };
export type CallResult<T> = ActionResult<T> | Unreachable;

const unreachable = (): Unreachable => ({ ok: false, formError: UNREACHABLE_MESSAGE, unreachable: true });

/**
 * The one way client code calls a server action outside <ActionForm>. A server action that
 * rejects (the network dropped, the server answered 5xx, the deployment changed under the
 * page) would otherwise throw into React, leaving a button stuck on "Saving…" or replacing
 * the screen with the error page. Here it becomes an ordinary refusal the caller already
 * knows how to show, marked `unreachable` so callers can keep local copies and offer a retry.
 *
 * Next rejects the call with its own control-flow error when the action redirects (or calls
 * notFound); that one is passed on, so the navigation still happens.
 */
export async function callAction<T>(call: () => Promise<ActionResult<T>>): Promise<CallResult<T>> {
  try {
    const result = await call();
    // An action that resolves with nothing did not answer with a result we can trust.
    return result ?? unreachable();
  } catch (e) {
    unstable_rethrow(e);
    return unreachable();
  }
}

export const isUnreachable = <T,>(r: CallResult<T>): r is Unreachable => !r.ok && "unreachable" in r;

/**
 * The same protection for an action handed to React's useActionState (a `<form action>`):
 * `useActionState(guardAction(removeStudentAction), null)`. Define it once, outside the
 * component, so the state hook sees one function.
 */
export function guardAction<P, I, T>(action: (prev: P, input: I) => Promise<ActionResult<T>>) {
  return (prev: P, input: I): Promise<CallResult<T>> => callAction(() => action(prev, input));
}
