import { describe, expect, it } from "vitest";
import { fromLocalInput, readDateTime, toLocalInput } from "./local-input";

const LONDON = "Europe/London";
const iso = (d: Date) => d.toISOString();

describe("fromLocalInput: a reading on the school's clock to an instant", () => {
  it("summer and winter time", () => {
    expect(fromLocalInput("2026-06-10T17:00", LONDON)).toEqual({ kind: "exact", instant: new Date("2026-06-10T16:00:00Z") });
    expect(fromLocalInput("2026-01-10T17:00", LONDON)).toEqual({ kind: "exact", instant: new Date("2026-01-10T17:00:00Z") });
    expect(fromLocalInput("2026-06-10T17:00", "America/New_York")).toEqual({ kind: "exact", instant: new Date("2026-06-10T21:00:00Z") });
    expect(fromLocalInput("2026-06-10T17:00:30", LONDON)).toEqual({ kind: "exact", instant: new Date("2026-06-10T16:00:30Z") });
  });

  it("the hours either side of a change are exact", () => {
    // London's clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October.
    expect(iso((fromLocalInput("2026-03-29T00:59", LONDON) as { instant: Date }).instant)).toBe("2026-03-29T00:59:00.000Z");
    expect(fromLocalInput("2026-03-29T02:00", LONDON)).toEqual({ kind: "exact", instant: new Date("2026-03-29T01:00:00Z") });
    expect(fromLocalInput("2026-10-25T00:59", LONDON)).toEqual({ kind: "exact", instant: new Date("2026-10-24T23:59:00Z") });
    expect(fromLocalInput("2026-10-25T02:00", LONDON)).toEqual({ kind: "exact", instant: new Date("2026-10-25T02:00:00Z") });
  });

  it("a reading the clocks skip (01:30 on 29 March 2026 in London) is a gap, landing after it", () => {
    expect(fromLocalInput("2026-03-29T01:30", LONDON)).toEqual({ kind: "gap", instant: new Date("2026-03-29T01:30:00Z") });
    expect(fromLocalInput("2026-03-29T01:00", LONDON).kind).toBe("gap");
    // New York skips 02:00–03:00 on 8 March 2026.
    expect(fromLocalInput("2026-03-08T02:30", "America/New_York")).toEqual({ kind: "gap", instant: new Date("2026-03-08T07:30:00Z") });
  });

  it("a reading the clocks pass twice (01:30 on 25 October 2026 in London) is ambiguous: first in summer time", () => {
    expect(fromLocalInput("2026-10-25T01:30", LONDON)).toEqual({
      kind: "ambiguous",
      instant: new Date("2026-10-25T00:30:00Z"),
      later: new Date("2026-10-25T01:30:00Z"),
    });
  });

  it("a zone without summer time has no gaps or overlaps", () => {
    expect(fromLocalInput("2026-03-29T01:30", "Asia/Tokyo")).toEqual({ kind: "exact", instant: new Date("2026-03-28T16:30:00Z") });
    expect(fromLocalInput("2026-10-25T01:30", "UTC")).toEqual({ kind: "exact", instant: new Date("2026-10-25T01:30:00Z") });
  });

  it("refuses what is not a calendar reading", () => {
    for (const bad of ["", "tomorrow", "2026-06-10", "2026-06-10 17:00", "2026-02-30T10:00", "2026-06-10T24:00", "2026-06-10T17:60", "2026-13-01T10:00", "2026-06-10T17:00Z"]) {
      expect(fromLocalInput(bad, LONDON), bad).toEqual({ kind: "invalid" });
    }
  });
});

describe("toLocalInput: an instant to the value a datetime-local input shows", () => {
  it("reads the school's clock, not the machine's", () => {
    expect(toLocalInput(new Date("2026-06-10T16:00:00Z"), LONDON)).toBe("2026-06-10T17:00");
    expect(toLocalInput(new Date("2026-06-10T16:00:00Z"), "America/New_York")).toBe("2026-06-10T12:00");
    expect(toLocalInput(new Date(Number.NaN), LONDON)).toBe("");
  });

  it("round-trips every reading that happens, including both sides of each change", () => {
    for (const value of ["2026-06-10T17:00", "2026-01-01T00:00", "2026-03-29T00:30", "2026-03-29T02:30", "2026-10-25T00:30", "2026-10-25T02:30", "2026-12-31T23:59"]) {
      const read = fromLocalInput(value, LONDON);
      if (read.kind === "invalid") throw new Error(value);
      expect(toLocalInput(read.instant, LONDON)).toBe(value);
    }
    const twice = fromLocalInput("2026-10-25T01:30", LONDON);
    if (twice.kind !== "ambiguous") throw new Error("expected an ambiguous reading");
    expect([toLocalInput(twice.instant, LONDON), toLocalInput(twice.later, LONDON)]).toEqual(["2026-10-25T01:30", "2026-10-25T01:30"]);
  });
});

describe("readDateTime: what a form or API may send", () => {
  it("a school-clock reading, or a timestamp that names its offset", () => {
    expect(readDateTime("2026-06-10T17:00", LONDON)).toEqual({ ok: true, instant: new Date("2026-06-10T16:00:00Z") });
    expect(readDateTime("2026-06-10T16:00:00.000Z", LONDON)).toEqual({ ok: true, instant: new Date("2026-06-10T16:00:00Z") });
    expect(readDateTime("2026-06-10T17:00+01:00", "Asia/Tokyo")).toEqual({ ok: true, instant: new Date("2026-06-10T16:00:00Z") });
  });

  it("the first of two identical readings; refuses a skipped one and anything unreadable", () => {
    expect(readDateTime("2026-10-25T01:30", LONDON)).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
    expect(readDateTime("2026-03-29T01:30", LONDON)).toEqual({ ok: false, reason: "gap" });
    expect(readDateTime("not a date", LONDON)).toEqual({ ok: false, reason: "unreadable" });
    expect(readDateTime("2026-02-30T10:00", LONDON)).toEqual({ ok: false, reason: "unreadable" });
  });
});
