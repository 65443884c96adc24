import { describe, expect, it } from "vitest";
import { deleteAfter, deletionDate, noticeDate } from "./schedule";

describe("retention schedule", () => {
  it("goes at the start of the school day the given months after closing", () => {
    // 23:30 on 31 Jan in London is still 31 Jan: one month later is the last day of February.
    expect(deletionDate(new Date("2027-01-31T23:30:00Z"), 1, "Europe/London").toISOString()).toBe("2027-02-28T00:00:00.000Z");
    // In Tokyo the same instant is already 1 Feb.
    expect(deletionDate(new Date("2027-01-31T23:30:00Z"), 1, "Asia/Tokyo").toISOString()).toBe("2027-02-28T15:00:00.000Z");
    // Across a year end and into summer time (midnight BST is 23:00 UTC the day before).
    expect(deletionDate(new Date("2026-07-20T10:00:00Z"), 12, "Europe/London").toISOString()).toBe("2027-07-19T23:00:00.000Z");
  });

  it("gives notice the given days before, on the school's calendar", () => {
    expect(noticeDate(new Date("2027-04-01T23:00:00Z"), 30, "Europe/London").toISOString()).toBe("2027-03-03T00:00:00.000Z");
  });

  it("never deletes sooner than the notice period after the first notice", () => {
    const at = new Date("2027-03-01T00:00:00Z");
    expect(deleteAfter(at, new Date("2027-01-01T00:00:00Z"), 30)).toEqual(at);
    expect(deleteAfter(at, new Date("2027-02-25T00:00:00Z"), 30).toISOString()).toBe("2027-03-27T00:00:00.000Z");
  });
});
