import { describe, expect, it } from "vitest";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "./zone";

describe("canonicalTimeZone", () => {
  it("accepts IANA names, in their canonical spelling", () => {
    expect(canonicalTimeZone(DEFAULT_TIME_ZONE)).toBe("Europe/London");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone(" Asia/Tokyo ")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
  });

  it("refuses names it does not know, empty names and fixed offsets", () => {
    expect(canonicalTimeZone("Europe/Londres")).toBeNull();
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone("+01:00")).toBeNull();
    expect(canonicalTimeZone("-05:00")).toBeNull();
  });
});
