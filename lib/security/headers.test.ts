import { describe, expect, it } from "vitest";
import { HSTS, securityHeaders } from "./headers";

const nonce = "AAECAwQFBgcICQoLDA0ODw==";

describe("securityHeaders", () => {
  it("sends the policy, nosniff, a referrer policy and DENY framing", () => {
    const headers = securityHeaders({ nonce, appOrigin: "http://localhost:3000" });
    expect(headers["content-security-policy"]).toContain(`'nonce-${nonce}'`);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  it("sends HSTS only when the configured origin is https", () => {
    expect(securityHeaders({ nonce, appOrigin: "http://localhost:3000" })).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ nonce, appOrigin: "http://extent.school.org" })).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ nonce, appOrigin: "https://extent.school.org" })["strict-transport-security"]).toBe(HSTS);
    expect(HSTS).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it("drops X-Frame-Options when platforms may frame the app, which it cannot express", () => {
    const headers = securityHeaders({ nonce, appOrigin: "https://extent.school.org", frameAncestors: ["https://lms.school.org"] });
    expect(headers).not.toHaveProperty("x-frame-options");
    expect(headers["content-security-policy"]).toContain("frame-ancestors https://lms.school.org");
  });
});
