import { sameOriginPath } from "../auth/safe-next-path";

// Where opening a notification goes (decision 047). Its href is written by Extent, but it is
// stored text and leads a redirect, so it is checked like a ?next= after sign-in: a path on
// the app's own origin, or else the inbox. Pure given the origin, so it is unit-tested.

export const INBOX_PATH = "/notifications";

export function openTarget(href: string, origin: string): string {
  return sameOriginPath(href, origin) ?? INBOX_PATH;
}
