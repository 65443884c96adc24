import { describe, expect, it } from "vitest";
import { cursorParam, parseCursor } from "./inbox-cursor";

describe("the inbox's ?before= cursor", () => {
  it("round-trips an item's time and id", () => {
    const item = { createdAt: new Date("2026-12-02T09:15:30.123Z"), id: "cm4abc123xyz" };
    expect(parseCursor(cursorParam(item))).toEqual({ at: item.createdAt, id: item.id });
  });

  it("takes a bare time (no id) as 'older than this'", () => {
    expect(parseCursor("2026-12-02T09:15:30Z")).toEqual({ at: new Date("2026-12-02T09:15:30Z"), id: null });
  });

  it.each([
    ["missing", undefined],
    ["repeated (?before=a&before=b)", ["2026-12-02T09:15:30Z", "x"]],
    ["empty", ""],
    ["not a date", "yesterday"],
    ["a date without a time", "2026-12-02"],
    ["an impossible date", "2026-13-45T99:99:99Z"],
    ["an id with forbidden characters", "2026-12-02T09:15:30Z_a b"],
    ["an id with NUL", "2026-12-02T09:15:30Z_a\u0000"],
    ["three parts", "2026-12-02T09:15:30Z_a_b"],
    ["too long", `2026-12-02T09:15:30Z_${"a".repeat(200)}`],
  ])("reads %s as the first page", (_label, raw) => {
    expect(parseCursor(raw)).toBeNull();
  });
});
