import { NextResponse } from "next/server";
import { hasForbidden } from "../validation/text";

// Requests that Next 16 would answer with a 500 before any of our code runs, refused here
// (from proxy.ts) with a 4xx and a message instead. Each check mirrors where Next throws in
// node_modules/next/dist/server/app-render/action-handler.js:
// - a server action called from another origin: Next logs "Invalid Server Actions request"
//   and answers 500; an Origin it cannot parse makes `new URL()` throw (also 500);
// - a body over Next's 1 MB action limit: ApiError(413), which the fetch-action path still
//   turns into a 500;
// - a body React's decodeReply cannot read (empty, truncated, `null`, a reference to a part
//   that does not exist or to itself, like "$Q0"): a 500 from inside React;
// - a path segment holding NUL or another control character: the id reaches PostgreSQL,
//   which refuses NUL, and the page fails with a 500.
// Anything these checks let through is what Next itself accepts, so a real client is never
// refused here. See docs/decisions/015-bad-input.md.

/** Next's default `serverActions.bodySizeLimit` (next.config.js does not change it). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any form or callAction argument we send; deep enough to refuse a 5,000-deep probe cheaply. */
export const MAX_REPLY_DEPTH = 64;

export type Refusal = { status: 400 | 403 | 404 | 413; message: string };

export const CROSS_ORIGIN = "This action can only be used from the app's own pages.";
export const TOO_LARGE = "That is too much to send at once (the limit is 1 MB). Nothing was changed.";
export const MALFORMED = "That request could not be read. Reload the page and try again; nothing was changed.";
export const NOT_FOUND = "That page could not be found.";

type HeaderBag = Pick<Headers, "get">;

// LTI 1.3 protocol endpoints (decision 036): an LMS posts to them from its own origin by
// design; they are route handlers, not server actions, and check the post themselves.
const LTI_PROTOCOL_POSTS = new Set(["/lti/login", "/lti/launch"]);

// RFC 8058 one-click unsubscribe (decision 047): a mail provider POSTs
// `List-Unsubscribe=One-Click` to the List-Unsubscribe URL of an email from its own servers,
// or a webmail client from its own origin, with no cookies and no session. The signed token
// in the URL is its proof, and all it can do is turn one kind of email off, so this one path
// is exempt from the same-origin rule below.
const CROSS_ORIGIN_API_POSTS = new Set(["/api/unsubscribe"]);

/**
 * Route handlers under /api/ are not server actions, so Next checks no Origin for them. A
 * write (POST, PUT, PATCH, DELETE) that says it comes from another site is refused here, as
 * an action would be; the one-click unsubscribe is the exception. No Origin is let through,
 * as for actions (same-origin GET-like fetches and non-browser clients send none).
 */
export function apiWriteRefusal(method: string, pathname: string, headers: HeaderBag): Refusal | null {
  if (!pathname.startsWith("/api/") || CROSS_ORIGIN_API_POSTS.has(pathname)) return null;
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(method)) return null;
  return originRefusal(headers);
}

/** A server action, as Next recognises one: a POST with `Next-Action` (fetch) or a form post to a page (no JavaScript). */
export function actionKind(method: string, pathname: string, headers: HeaderBag): "fetch" | "form" | null {
  if (method !== "POST" || pathname.startsWith("/api/") || LTI_PROTOCOL_POSTS.has(pathname)) return null;
  if (headers.get("next-action") !== null) return "fetch";
  const type = headers.get("content-type") ?? "";
  return /^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type) ? "form" : null;
}

/** Same rule as Next's CSRF check: the Origin's host must be x-forwarded-host (first) or Host. No Origin: Next lets it through, so do we. */
export function originRefusal(headers: HeaderBag): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return { status: 403, message: CROSS_ORIGIN };
  }
  return host && originHost === host ? null : { status: 403, message: CROSS_ORIGIN };
}

export function sizeRefusal(headers: HeaderBag): Refusal | null {
  const length = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > ACTION_BODY_LIMIT ? { status: 413, message: TOO_LARGE } : null;
}

/** Path segments are ids and slugs: a control character (NUL above all) or a non-character can name nothing. */
export function pathRefusal(pathname: string): Refusal | null {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, message: MALFORMED };
    }
    if (/\p{Cc}/u.test(decoded) || hasForbidden(decoded)) return { status: 404, message: NOT_FOUND };
  }
  return null;
}

// React's reply format (react-server-dom's parseModelString): a string starting with "$" is
// either a value written out in full or a reference to another part of the body by its hex
// id, optionally followed by a ":path". References to parts that are not there wait for
// ever or throw; a Map, Set, stream or typed array built from its own part loops.
const STANDALONE = new Set(["$", "u", "N", "I", "-", "T", "D", "H"]);
// A BigInt: React refuses more than 300 digits, and BigInt() throws on anything but digits.
const BIGINT = /^\$n-?\d{1,300}$/;
const FORM_DATA_PREFIX = "K";
const REFERENCE_LETTERS = new Set([..."@hQWiABOoUSsLlGgMmVBRrXx"]);
const MODEL_REFERENCE = /^[0-9a-f]/i;

type Part = { id: number; json: string };

/**
 * Checks every JSON part of a server action's body: parseable, not too deep, and every
 * reference resolvable. `otherIds` are parts that are not JSON (files, typed arrays, streams).
 */
export function replyRefusal(parts: Part[], otherIds: Iterable<number> = []): Refusal | null {
  if (!parts.some((p) => p.id === 0)) return { status: 400, message: MALFORMED };
  const ids = new Set([...parts.map((p) => p.id), ...otherIds]);
  for (const part of parts) {
    let value: unknown;
    try {
      value = JSON.parse(part.json);
    } catch {
      return { status: 400, message: MALFORMED };
    }
    // The root is the list of the action's arguments.
    if (part.id === 0 && !Array.isArray(value)) return { status: 400, message: MALFORMED };
    if (!walk(value, (s) => referenceOk(s, part.id, ids))) return { status: 400, message: MALFORMED };
  }
  return null;
}

function referenceOk(s: string, current: number, ids: Set<number>): boolean {
  if (!s.startsWith("$") || s.length === 1) return true;
  const kind = s[1]!;
  if (STANDALONE.has(kind) || kind === FORM_DATA_PREFIX) return true;
  if (kind === "n") return BIGINT.test(s);
  const letter = REFERENCE_LETTERS.has(kind);
  if (!letter && !MODEL_REFERENCE.test(kind)) return false;
  const [hex = "", ...path] = s.slice(letter ? 2 : 1).split(":");
  if (!/^[0-9a-f]{1,8}$/i.test(hex)) return false;
  const id = parseInt(hex, 16);
  if (!ids.has(id)) return false;
  // A plain reference with a path into its own part is how React writes a repeated object;
  // anything else pointing at its own part is a loop.
  if (id === current) return !letter && path.length > 0;
  return true;
}

/** Visits every string value (keys are never references) without recursion; false if too deep or a string fails. */
function walk(root: unknown, ok: (s: string) => boolean): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (!ok(value)) return false;
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_REPLY_DEPTH) return false;
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}

/**
 * The parts of a multipart action body: JSON in fields named by a bare number, files and
 * typed arrays as blobs under a number, streams under "S" + number. Form fields ("1_name")
 * and a no-JavaScript form's "$ACTION_…" fields are not parts.
 */
export function partsOfForm(form: FormData): { parts: Part[]; otherIds: number[] } {
  const parts: Part[] = [];
  const otherIds: number[] = [];
  for (const [key, value] of form.entries()) {
    const part = /^(S?)(\d+)$/.exec(key);
    if (!part) continue;
    if (part[1] === "" && typeof value === "string") parts.push({ id: Number(part[2]), json: value });
    else otherIds.push(Number(part[2]));
  }
  return { parts, otherIds };
}

async function bodyRefusal(request: Request): Promise<Refusal | null> {
  const type = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return { status: 400, message: MALFORMED };
    }
    // A form posted without JavaScript carries $ACTION_ fields and no reply parts.
    const { parts, otherIds } = partsOfForm(form);
    if (parts.length === 0 && otherIds.length === 0) return null;
    return replyRefusal(parts, otherIds);
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > ACTION_BODY_LIMIT) return { status: 413, message: TOO_LARGE };
  return replyRefusal([{ id: 0, json: text }]);
}

function respond(refusal: Refusal, json: boolean): NextResponse {
  return json
    ? NextResponse.json({ error: refusal.message }, { status: refusal.status })
    : new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** For proxy.ts: a 4xx for a request Next would fail with a 500, or null to carry on. */
export async function refuseBadRequest(request: Request): Promise<NextResponse | null> {
  const { pathname } = new URL(request.url);
  const api = pathname.startsWith("/api/");
  const badPath = pathRefusal(pathname);
  if (badPath) return respond(badPath, api);
  const crossSite = apiWriteRefusal(request.method, pathname, request.headers);
  if (crossSite) return respond(crossSite, true);
  const kind = actionKind(request.method, pathname, request.headers);
  if (!kind) return null;
  const refusal = originRefusal(request.headers) ?? sizeRefusal(request.headers) ?? (kind === "fetch" || /^multipart\//i.test(request.headers.get("content-type") ?? "") ? await bodyRefusal(request.clone()) : null);
  return refusal ? respond(refusal, false) : null;
}
