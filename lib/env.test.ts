import { describe, expect, it } from "vitest";
import { AppTimeZone } from "./env";

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
