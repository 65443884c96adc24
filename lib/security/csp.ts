// The Content Security Policy for every page and route handler, built per request around a
// fresh nonce (docs/decisions/014-redirects-and-headers.md). Next reads the nonce back from
// the policy on the request and puts it on its own inline and bundle scripts; with
// 'strict-dynamic' those scripts may load the rest of the bundle, and nothing else runs: no
// inline script an attacker managed to inject, no script from another host.

export type CspOptions = {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval and Turbopack injects styles. */
  dev?: boolean;
  /** Served over https: ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
  /**
   * Who may show the app in a frame. None by default (clickjacking); the LMS launch will
   * list each platform's origin here.
   */
  frameAncestors?: readonly string[];
  /**
   * Other origins forms may post to: the LMS inside whose frame an LTI session runs, where
   * the Deep Linking answer is posted (decision 036). Only 'self' by default.
   */
  formActions?: readonly string[];
  /**
   * Allow inline `style` attributes (CSP3 style-src-attr): only for the developer outbox's
   * email view, whose HTML part is styled inline, as emails must be, and shown in a
   * sandboxed srcdoc frame, which inherits this page's policy. Style attributes run no code
   * and load nothing (img-src and font-src still apply), and the frame's sandbox runs no script.
   */
  styleAttributes?: boolean;
};

// A nonce is base64 of at least 128 random bits (CSP3 §2.3.1 asks for that much).
const NONCE = /^[A-Za-z0-9+/]{22,}={0,2}$/;
// An origin a frame-ancestors source may name: scheme, host (optionally *.host) and port.
const FRAME_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** 128 random bits, base64: unguessable and unique per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function buildCsp({ nonce, dev = false, https = false, frameAncestors = [], formActions = [], styleAttributes = false }: CspOptions): string {
  // Both values end up inside a header: refuse anything that could break out of a directive.
  if (!NONCE.test(nonce)) throw new Error("A CSP nonce must be base64 of at least 128 bits.");
  for (const source of frameAncestors) {
    if (!FRAME_SOURCE.test(source)) throw new Error(`"${source}" is not an origin a frame-ancestors directive can name.`);
  }
  for (const source of formActions) {
    if (!FRAME_SOURCE.test(source)) throw new Error(`"${source}" is not an origin a form-action directive can name.`);
  }
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'self' stays for browsers without CSP3, which ignore 'strict-dynamic'; those that know
    // it ignore 'self' and trust only nonced scripts and what they load.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Our styles are one bundled stylesheet; Next nonces any <style> it writes. The dev
    // server injects unnonced <style> tags as modules load.
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ...(styleAttributes ? [["style-src-attr", "'unsafe-inline'"] as [string, string]] : []),
    // data: for the small SVGs Tailwind's form controls and charts may inline.
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    // Autosave and server actions are same-origin fetches ('self' also covers the dev server's websocket).
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...formActions],
    ["frame-ancestors", ...(frameAncestors.length ? frameAncestors : ["'none'"])],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The nonce Next would find in a policy, e.g. to check a rendered page against its header. */
export function nonceOf(policy: string): string | null {
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}
