import { afterEach, describe, expect, it, vi } from "vitest";
import { AppOrigin, AppTimeZone, ExtentJobs } from "./env";

describe("APP_TIME_ZONE", () => {
  it("defaults to Europe/London when unset or empty", () => {
    expect(AppTimeZone.parse(undefined)).toBe("Europe/London");
    expect(AppTimeZone.parse("  ")).toBe("Europe/London");
  });

  it("accepts an IANA name in its canonical spelling", () => {
    expect(AppTimeZone.parse("America/New_York")).toBe("America/New_York");
    expect(AppTimeZone.parse("asia/tokyo")).toBe("Asia/Tokyo");
  });

  it("refuses an unknown zone with a message that says what to write", () => {
    const result = AppTimeZone.safeParse("Europe/Londn");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('"Europe/Londn" is not a time zone this server knows. Use an IANA name such as Europe/London or America/New_York.');
    expect(AppTimeZone.safeParse("+01:00").success).toBe(false);
  });
});

describe("APP_ORIGIN", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to http://localhost on the app's port", () => {
    vi.stubEnv("PORT", "");
    expect(AppOrigin.parse(undefined)).toBe("http://localhost:3000");
    vi.stubEnv("PORT", "4100");
    expect(AppOrigin.parse(" ")).toBe("http://localhost:4100");
  });

  it("keeps the origin of an http or https URL, lower-cased and without a default port or trailing slash", () => {
    expect(AppOrigin.parse("https://Extent.School.org/")).toBe("https://extent.school.org");
    expect(AppOrigin.parse("https://extent.school.org:443")).toBe("https://extent.school.org");
    expect(AppOrigin.parse("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
  });

  it("refuses what is not an origin, saying what to write", () => {
    for (const bad of ["extent.school.org", "ftp://extent.school.org", "https://extent.school.org/app", "https://u:p@extent.school.org", "https://extent.school.org?x=1", "https://"]) {
      const result = AppOrigin.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("is not an origin");
    }
  });
});

describe("OIDC issuers", () => {
  it("are https, or http on loopback only (the test provider); empty means unset", async () => {
    const { IssuerUrl } = await import("./env");
    expect(IssuerUrl.parse("https://login.hillside.example")).toBe("https://login.hillside.example");
    expect(IssuerUrl.parse("http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000");
    expect(IssuerUrl.parse(" ")).toBeUndefined();
    expect(IssuerUrl.safeParse("http://login.hillside.example").success).toBe(false);
    expect(IssuerUrl.safeParse("login.hillside.example").success).toBe(false);
  });
});

describe("EXTENT_JOBS", () => {
  it("is on unless set to off, in any case and spacing", () => {
    expect(ExtentJobs.parse(undefined)).toBe("on");
    expect(ExtentJobs.parse(" ")).toBe("on");
    expect(ExtentJobs.parse(" OFF ")).toBe("off");
    expect(ExtentJobs.parse("on")).toBe("on");
  });

  it("refuses anything else with a message that says what to write", () => {
    const result = ExtentJobs.safeParse("false");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('EXTENT_JOBS must be "on" or "off".');
  });
});
