// The wall-clock reading of an instant in a time zone, and the zone's offset from UTC then.
// Intl does the time-zone arithmetic (it carries the IANA rules); we only ask it for
// numbers, never for words, so the text we build from them is the same in Node and in
// every browser, whatever ICU version each ships (see lib/time/format.ts).

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function numericFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // hourCycle h23, not hour12: false, which some engines render as "24" at midnight.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** What a clock on the wall in `zone` shows at `instant`. */
export function wallClock(instant: Date, zone: string): WallClock {
  const n: Record<string, number> = {};
  for (const part of numericFormatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") n[part.type] = Number(part.value);
  }
  return { year: n.year!, month: n.month!, day: n.day!, hour: n.hour!, minute: n.minute!, second: n.second! };
}

/** A wall-clock reading as if it were UTC, in milliseconds: the arithmetic form of a local time. */
export function wallClockMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at `instant`, in milliseconds (London in summer: +3,600,000). */
export function offsetAt(instant: number, zone: string): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return wallClockMs(wallClock(new Date(wholeSecond), zone)) - wholeSecond;
}

/** 0 = Sunday … 6 = Saturday, for a calendar date (no zone: the date is already local). */
export function weekday(w: Pick<WallClock, "year" | "month" | "day">): number {
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}
