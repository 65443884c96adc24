import { describe, expect, it } from "vitest";
import { buildCsp, newNonce, nonceOf } from "./csp";

const NONCE = "AAECAwQFBgcICQoLDA0ODw==";
const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("buildCsp", () => {
  it("lets only nonced scripts run, and what they load", () => {
    const script = directives(buildCsp({ nonce: NONCE })).get("script-src");
    expect(script).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it("nonces styles in production and allows the dev server's injected styles and eval only in dev", () => {
    expect(directives(buildCsp({ nonce: NONCE })).get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    const dev = directives(buildCsp({ nonce: NONCE, dev: true }));
    expect(dev.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows inline style attributes only when asked (the outbox's email view), and never inline <style> or script", () => {
    expect(directives(buildCsp({ nonce: NONCE })).has("style-src-attr")).toBe(false);
    const outbox = directives(buildCsp({ nonce: NONCE, styleAttributes: true }));
    expect(outbox.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(outbox.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(outbox.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
  });

  it("refuses framing, plugins and a <base> by default", () => {
    const policy = directives(buildCsp({ nonce: NONCE }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("lets the named platforms frame the app when asked (the LMS launch)", () => {
    const policy = directives(buildCsp({ nonce: NONCE, frameAncestors: ["https://canvas.school.org", "https://*.moodle.example:8443"] }));
    expect(policy.get("frame-ancestors")).toEqual(["https://canvas.school.org", "https://*.moodle.example:8443"]);
  });

  it("lets forms post to the named LMS origins when asked (the Deep Linking answer), and refuses anything else", () => {
    const policy = directives(buildCsp({ nonce: NONCE, formActions: ["https://canvas.school.org"] }));
    expect(policy.get("form-action")).toEqual(["'self'", "https://canvas.school.org"]);
    expect(() => buildCsp({ nonce: NONCE, formActions: ["https://a.example; script-src *"] })).toThrow(/form-action/);
  });

  it("refuses frame sources and nonces that could break out of the header", () => {
    for (const bad of ["https://a.example; script-src *", "*", "'self'", "https://a.example/path", "javascript:", "https://a.example\r\nX: y", ""]) {
      expect(() => buildCsp({ nonce: NONCE, frameAncestors: [bad] }), bad).toThrow(/frame-ancestors/);
    }
    for (const bad of ["", "short", `${NONCE}' 'unsafe-inline`, "x".repeat(21)]) {
      expect(() => buildCsp({ nonce: bad }), bad).toThrow(/nonce/);
    }
  });

  it("upgrades stray http subresources only when served over https", () => {
    expect(buildCsp({ nonce: NONCE })).not.toContain("upgrade-insecure-requests");
    expect(buildCsp({ nonce: NONCE, https: true }).endsWith("; upgrade-insecure-requests")).toBe(true);
  });

  it("is one header line of directives separated by semicolons", () => {
    const policy = buildCsp({ nonce: NONCE, https: true, dev: true });
    expect(policy).toMatch(/^[\x20-\x7e]+$/);
    expect(policy.split("; ").every((d) => /^[a-z-]+( \S+)*$/.test(d))).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
    expect(() => buildCsp({ nonce: newNonce() })).not.toThrow();
  });

  it("can be read back from the policy, as Next does", () => {
    const nonce = newNonce();
    expect(nonceOf(buildCsp({ nonce }))).toBe(nonce);
    expect(nonceOf("default-src 'self'")).toBeNull();
  });
});
