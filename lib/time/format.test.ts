import { afterEach, describe, expect, it } from "vitest";
import { csvDate, csvDateTime, formatDate, formatDateTime, formatDue, formatTime } from "./format";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const summer = new Date("2026-06-10T16:00:00Z"); // 17:00 in London (BST), 12:00 in New York (EDT)
const winter = new Date("2026-01-05T09:05:07Z"); // 09:05 in London (GMT)

describe("screen formats, on the school's clock", () => {
  it("a due date: weekday, day, month and time", () => {
    expect(formatDue(summer, LONDON)).toBe("Wed 10 Jun, 17:00");
    expect(formatDue(winter, LONDON)).toBe("Mon 5 Jan, 09:05");
    expect(formatDue(summer, NEW_YORK)).toBe("Wed 10 Jun, 12:00");
  });

  it("date and time, date alone, time alone", () => {
    expect(formatDateTime(summer, LONDON)).toBe("10 Jun 2026, 17:00");
    expect(formatDate(summer, LONDON)).toBe("10 Jun 2026");
    expect(formatTime(summer, LONDON)).toBe("17:00");
    expect(formatTime(winter, LONDON, { seconds: true })).toBe("09:05:07");
    expect(formatDateTime(new Date("2026-09-01T12:00:00Z"), LONDON)).toBe("1 Sept 2026, 13:00");
  });

  it("crosses midnight into the zone's own calendar day", () => {
    // 23:30 UTC on 31 December: still 31 December in London (GMT), New Year's Day in Tokyo.
    const lateNight = new Date("2026-12-31T23:30:00Z");
    expect(formatDateTime(lateNight, LONDON)).toBe("31 Dec 2026, 23:30");
    expect(formatDateTime(lateNight, "Asia/Tokyo")).toBe("1 Jan 2027, 08:30");
    expect(formatTime(new Date("2026-06-10T23:15:00Z"), LONDON)).toBe("00:15");
  });

  it("accepts the ISO strings and epoch numbers that reach client components", () => {
    expect(formatDue(summer.toISOString(), LONDON)).toBe("Wed 10 Jun, 17:00");
    expect(formatDue(summer.getTime(), LONDON)).toBe("Wed 10 Jun, 17:00");
  });

  it("shows a dash, not 'Invalid Date' or a crash, for a date it cannot read", () => {
    expect(formatDue("not a date", LONDON)).toBe("—");
    expect(formatDateTime(new Date(Number.NaN), LONDON)).toBe("—");
  });
});

describe("the server's own time zone plays no part", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("renders the same text whatever TZ the process runs in", () => {
    const texts = ["UTC", "Asia/Tokyo", "America/Los_Angeles"].map((tz) => {
      process.env.TZ = tz; // Node re-reads TZ when it is assigned
      return [formatDue(summer, LONDON), formatDateTime(winter, LONDON), csvDateTime(summer, LONDON)];
    });
    expect(new Date(0).getTimezoneOffset()).toBe(480); // the last TZ really took effect
    expect(texts).toEqual(texts.map(() => ["Wed 10 Jun, 17:00", "5 Jan 2026, 09:05", "2026-06-10 17:00"]));
  });
});

describe("CSV formats", () => {
  it("YYYY-MM-DD HH:mm and YYYY-MM-DD on the school's clock", () => {
    expect(csvDateTime(summer, LONDON)).toBe("2026-06-10 17:00");
    expect(csvDateTime(winter, LONDON)).toBe("2026-01-05 09:05");
    expect(csvDate(new Date("2026-06-10T23:30:00Z"), LONDON)).toBe("2026-06-11");
    expect(csvDate(new Date("2026-06-10T23:30:00Z"), NEW_YORK)).toBe("2026-06-10");
  });

  it("throws on a date it cannot read rather than writing a blank", () => {
    expect(() => csvDateTime(new Date(Number.NaN), LONDON)).toThrow(RangeError);
  });
});
