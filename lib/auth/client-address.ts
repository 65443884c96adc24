import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { socketStampKey, trustProxyHops } from "../env";

// Where a request came from, for throttling (docs/decisions/010-sign-in-abuse.md).
//
// X-Forwarded-For is written by whoever sends the request, so only the entries added by
// proxies we run can be believed: TRUST_PROXY_HOPS says how many there are (default 0: none,
// the header is ignored). The rest of the chain is the TCP peer of our own socket.
//
// Next 16 gives server actions and route handlers no socket address: its server only fills
// X-Forwarded-For with it when the client sent none (`??=` in base-server), so a client that
// sends one hides it. instrumentation.ts therefore stamps every request, before Next sees it,
// with the socket's address in SOCKET_HEADER, replacing anything a client put there. The
// stamp carries a random per-process nonce so that a request arriving before the stamp was
// installed (Next listens before instrumentation runs) cannot pass off a header of its own.
//
// Behind the front process (lib/start/front.mjs, decision 038) a page worker's socket is the
// front's loopback connection, so the front stamps the client's address itself, with a key
// it shares with its workers only (EXTENT_SOCKET_STAMP_KEY); the worker keeps a stamp made
// with that key and replaces any other (lib/auth/socket-stamp.ts).

export const SOCKET_HEADER = "x-extent-socket";

/** What a request gets when no trustworthy address is known: all such share one bucket. */
export const UNKNOWN_ADDRESS = "unknown";

// Shared through globalThis: instrumentation and the app's routes are separate bundles in
// one process.
const NONCE = Symbol.for("extent.socketStampNonce");
function nonce(): string {
  const g = globalThis as { [NONCE]?: string };
  return (g[NONCE] ??= socketStampKey() ?? randomBytes(18).toString("base64url"));
}

/** Whether this process was given a stamp key by a front process, whose stamps it then keeps. */
export function behindFront(): boolean {
  return socketStampKey() !== null;
}

/** The header value instrumentation.ts writes for a socket's remote address. */
export function socketStamp(address: string): string {
  return `${nonce()} ${address}`;
}

/** The address in a stamp made with this process's key, or null for anything else. */
export function readSocketStamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const [given, address] = value.split(" ");
  const expected = Buffer.from(nonce());
  const actual = Buffer.from(given ?? "");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected) || !address) return null;
  return address;
}

/**
 * The client's address from the stamped socket address and, behind `hops` trusted proxies,
 * the X-Forwarded-For entry that many hops back (each proxy appends its peer on the right).
 * A chain shorter than promised gives its leftmost entry.
 */
export function clientAddressFrom(h: Headers, hops: number): string {
  const socket = readSocketStamp(h.get(SOCKET_HEADER));
  if (socket === null) return UNKNOWN_ADDRESS;
  if (hops === 0) return normaliseAddress(socket);
  const forwarded = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - hops)]!);
}

/** For server actions: the address of the request being handled. */
export async function clientAddress(): Promise<string> {
  const address = clientAddressFrom(await headers(), trustProxyHops());
  if (address === UNKNOWN_ADDRESS) warnUnstampedOnce();
  return address;
}

// Said once per process, so an operator (and the browser test) can see that requests are
// arriving unstamped and are all being throttled as one client.
export const UNSTAMPED_WARNING = "Extent: a request arrived without its socket address (instrumentation.ts did not stamp it), so it is throttled together with every other such request.";
let warned = false;
function warnUnstampedOnce() {
  if (warned) return;
  warned = true;
  console.warn(UNSTAMPED_WARNING);
}

/**
 * One spelling per client: IPv4 as is (also when IPv4-mapped), IPv6 as its /64, since one
 * home or phone is usually given a whole /64 and could otherwise rotate through it. A port
 * some proxies append is dropped; anything that is not an address shares one bucket.
 */
export function normaliseAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = a.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (isIP(a) === 4) return a;
  if (isIP(a) !== 6) return "invalid";
  const g = ipv6Groups(a);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(":")}::/64`;
}

// The eight 16-bit groups of a valid IPv6 address (checked by isIP first).
function ipv6Groups(address: string): number[] {
  let s = address.toLowerCase().replace(/%.*$/, "");
  const v4 = s.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [, a, b, c, d] = v4.map(Number) as [number, number, number, number, number];
    s = `${s.slice(0, s.length - v4[0].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = s.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((x) => parseInt(x, 16));
}
