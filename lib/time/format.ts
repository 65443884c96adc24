import { wallClock, weekday, type WallClock } from "./wall-clock";

// Dates as British teachers write them, read on a clock in the school's time zone. The words
// are ours, not ICU's: Node and the browser ship different ICU/CLDR versions ("Sep" or
// "Sept", a comma after the weekday or not), and a page rendered on both sides must produce
// the same characters or React throws hydration error #418.

export type When = Date | string | number;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
// What a screen shows for a date that cannot be read, rather than crashing the page.
const UNREADABLE = "—";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function read(when: When, zone: string): WallClock | null {
  const d = when instanceof Date ? when : new Date(when);
  return Number.isNaN(d.getTime()) ? null : wallClock(d, zone);
}

const hhmm = (w: WallClock) => `${pad(w.hour)}:${pad(w.minute)}`;
const dayMonth = (w: WallClock) => `${w.day} ${MONTHS[w.month - 1]}`;

/** "Wed 10 Jun, 17:00": a due date, where the weekday matters more than the year. */
export function formatDue(when: When, zone: string): string {
  const w = read(when, zone);
  return w ? `${WEEKDAYS[weekday(w)]} ${dayMonth(w)}, ${hhmm(w)}` : UNREADABLE;
}

/** "10 Jun 2026, 17:00". */
export function formatDateTime(when: When, zone: string): string {
  const w = read(when, zone);
  return w ? `${dayMonth(w)} ${w.year}, ${hhmm(w)}` : UNREADABLE;
}

/** "10 Jun 2026". */
export function formatDate(when: When, zone: string): string {
  const w = read(when, zone);
  return w ? `${dayMonth(w)} ${w.year}` : UNREADABLE;
}

/** "17:00", or "17:00:05" with seconds (a save status that changes within a minute). */
export function formatTime(when: When, zone: string, options: { seconds?: boolean } = {}): string {
  const w = read(when, zone);
  if (!w) return UNREADABLE;
  return options.seconds ? `${hhmm(w)}:${pad(w.second)}` : hhmm(w);
}

// CSV cells: sortable, and read as a date by Excel, Sheets and LibreOffice. They throw on an
// unreadable date, as lib/csv/encode-csv does: an export must not quietly drop a value.

function readOrThrow(when: When, zone: string): WallClock {
  const w = read(when, zone);
  if (!w) throw new RangeError(`Not a date: ${String(when)}`);
  return w;
}

/** "2026-06-10". */
export function csvDate(when: When, zone: string): string {
  const w = readOrThrow(when, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "2026-06-10 17:00". */
export function csvDateTime(when: When, zone: string): string {
  return `${csvDate(when, zone)} ${hhmm(readOrThrow(when, zone))}`;
}
