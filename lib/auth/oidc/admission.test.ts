import { describe, expect, it } from "vitest";
import { accountName, admit, emailDomain, expectedMicrosoftIssuer, parseDomains, parseTenantIds } from "./admission";
import { configuredProviders } from "./providers";

const TENANT = "11111111-2222-3333-4444-555555555555";
const TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
const base = { iss: "https://accounts.google.com", sub: "s1" };

describe("Google", () => {
  it("admits a verified email by its hosted domain, and nothing else", () => {
    expect(admit("google", { ...base, email: "Ada@Hillside.example", email_verified: true, hd: "Hillside.example", name: "Ada" }, base.iss)).toEqual({
      ok: true,
      value: "hillside.example",
      email: "ada@hillside.example",
      emailVerified: true,
      name: "Ada",
    });
    expect(admit("google", { ...base, email: "ada@gmail.com", email_verified: true }, base.iss)).toEqual({ ok: false, reason: "no-school" });
    expect(admit("google", { ...base, email: "ada@hillside.example", email_verified: false, hd: "hillside.example" }, base.iss)).toEqual({ ok: false, reason: "unverified" });
    // A string "true" is not a verified email.
    expect(admit("google", { ...base, email: "ada@hillside.example", email_verified: "true", hd: "hillside.example" }, base.iss)).toMatchObject({ ok: false });
  });
});

describe("Microsoft", () => {
  const iss = `https://login.microsoftonline.com/${TENANT}/v2.0`;
  it("puts the token's tenant into the template issuer", () => {
    expect(expectedMicrosoftIssuer(TEMPLATE, TENANT)).toBe(iss);
    expect(expectedMicrosoftIssuer("http://127.0.0.1:4000", TENANT)).toBe("http://127.0.0.1:4000");
  });

  it("admits by tenant when the issuer is that tenant's, and links by email only with xms_edov", () => {
    expect(admit("microsoft", { iss, sub: "p", tid: TENANT, preferred_username: "Max@Hillside.example" }, TEMPLATE)).toEqual({
      ok: true,
      value: TENANT,
      email: "max@hillside.example",
      emailVerified: false,
      name: null,
    });
    expect(admit("microsoft", { iss, sub: "p", tid: TENANT, email: "max@hillside.example", xms_edov: true }, TEMPLATE)).toMatchObject({ ok: true, emailVerified: true });
  });

  it("refuses an issuer of another tenant, the bare template, and a tid that is no tenant id", () => {
    const other = "99999999-8888-7777-6666-555555555555";
    expect(admit("microsoft", { iss, sub: "p", tid: other }, TEMPLATE)).toEqual({ ok: false, reason: "failed" });
    expect(admit("microsoft", { iss: TEMPLATE, sub: "p", tid: TENANT }, TEMPLATE)).toEqual({ ok: false, reason: "failed" });
    expect(admit("microsoft", { iss, sub: "p", tid: "{tenantid}" }, TEMPLATE)).toEqual({ ok: false, reason: "no-school" });
    expect(admit("microsoft", { iss, sub: "p" }, TEMPLATE)).toEqual({ ok: false, reason: "no-school" });
  });
});

describe("a generic provider", () => {
  it("admits a verified email by its domain", () => {
    expect(admit("oidc", { ...base, email: "olu@Hillside.example", email_verified: true }, base.iss)).toMatchObject({ ok: true, value: "hillside.example" });
    expect(admit("oidc", { ...base, email: "olu@hillside.example" }, base.iss)).toEqual({ ok: false, reason: "unverified" });
    expect(admit("oidc", { ...base, email: "not-an-email", email_verified: true }, base.iss)).toEqual({ ok: false, reason: "no-email" });
  });
});

describe("what administrators type", () => {
  it("takes domains one a line or comma-separated, lower-cased and de-duplicated, and names the bad ones", () => {
    expect(parseDomains(" Hillside.example\n@staff.hillside.example, hillside.example ")).toEqual({ values: ["hillside.example", "staff.hillside.example"], problems: [] });
    expect(parseDomains("hillside\nbad_domain.example\n-x.example").problems).toHaveLength(3);
    expect(parseDomains("").values).toEqual([]);
    expect(parseDomains(Array.from({ length: 51 }, (_, i) => `d${i}.example`).join("\n")).problems).toEqual(["List at most 50 domains."]);
  });

  it("takes tenant ids as GUIDs only", () => {
    expect(parseTenantIds(TENANT.toUpperCase())).toEqual({ values: [TENANT], problems: [] });
    expect(parseTenantIds("hillside.onmicrosoft.com").problems).toHaveLength(1);
  });
});

describe("helpers", () => {
  it("finds an email's domain and names a new account", () => {
    expect(emailDomain("a@B.example")).toBe("b.example");
    expect(emailDomain("nope")).toBeNull();
    expect(accountName("  Ada\u0000 Lovelace\n ", "ada@x.example")).toBe("Ada Lovelace");
    expect(accountName(null, "ada@x.example")).toBe("ada");
  });

  it("offers a provider only when its client id and secret are set", () => {
    expect(configuredProviders({ OIDC_GOOGLE_CLIENT_ID: "id" } as never)).toEqual([]);
    const all = configuredProviders({
      OIDC_GOOGLE_CLIENT_ID: "g",
      OIDC_GOOGLE_CLIENT_SECRET: "gs",
      OIDC_MICROSOFT_CLIENT_ID: "m",
      OIDC_MICROSOFT_CLIENT_SECRET: "ms",
      OIDC_GENERIC_ISSUER: "https://login.hillside.example",
      OIDC_GENERIC_CLIENT_ID: "o",
      OIDC_GENERIC_CLIENT_SECRET: "os",
    } as never);
    expect(all.map((p) => [p.id, p.label, p.issuer])).toEqual([
      ["google", "Google", "https://accounts.google.com"],
      ["microsoft", "Microsoft", "https://login.microsoftonline.com/organizations/v2.0"],
      ["oidc", "your school", "https://login.hillside.example"],
    ]);
  });
});
