import { offsetAt, wallClock, wallClockMs } from "./wall-clock";

// A teacher types a wall-clock time ("2026-06-10T17:00", the value of an
// <input type="datetime-local">) meaning the school's clock, whatever the zone of their
// laptop or of the server. These turn that reading into an instant and back.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
// A full timestamp that names its own offset ("…Z", "…+01:00") needs no zone to read.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const HOUR = 3_600_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** The datetime-local value ("2026-06-10T17:00") for `instant` on the school's clock. */
export function toLocalInput(instant: Date, zone: string): string {
  if (Number.isNaN(instant.getTime())) return "";
  const w = wallClock(instant, zone);
  return `${String(w.year).padStart(4, "0")}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export type LocalTime =
  // The reading happens once.
  | { kind: "exact"; instant: Date }
  // The clocks went back and the reading happens twice: `instant` is the first (still in
  // summer time), `later` the second.
  | { kind: "ambiguous"; instant: Date; later: Date }
  // The clocks went forward over the reading, so it never happens. `instant` is where the
  // same moment lands after the change (01:30 in a one-hour gap → 02:30), as Temporal's
  // "compatible" disambiguation does; callers may prefer to ask again.
  | { kind: "gap"; instant: Date }
  | { kind: "invalid" };

/** Reads a datetime-local value as a time on the school's clock in `zone`. */
export function fromLocalInput(value: string, zone: string): LocalTime {
  const m = LOCAL.exec(value.trim());
  if (!m) return { kind: "invalid" };
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  // Date.UTC rolls 30 February over into March and 24:00 into tomorrow; a typed date must not.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || back.getUTCHours() !== hour || minute > 59 || second > 59) return { kind: "invalid" };

  // Real zones change offset at most once in any two days, so the offsets a day either side
  // are the only two this reading can have.
  const before = offsetAt(wall - 24 * HOUR, zone);
  const after = offsetAt(wall + 24 * HOUR, zone);
  const candidates = [...new Set([wall - before, wall - after])].filter((t) => wallClockMs(wallClock(new Date(t), zone)) === wall).sort((a, b) => a - b);
  if (candidates.length === 2) return { kind: "ambiguous", instant: new Date(candidates[0]!), later: new Date(candidates[1]!) };
  if (candidates.length === 1) return { kind: "exact", instant: new Date(candidates[0]!) };
  return { kind: "gap", instant: new Date(wall - before) };
}

export type ReadDateTime = { ok: true; instant: Date } | { ok: false; reason: "unreadable" | "gap" };

/**
 * What a form or an API sends for a date and time: a datetime-local reading on the school's
 * clock, or a full timestamp with its offset. An ambiguous reading means its first
 * occurrence (the earlier, in summer time); a reading inside a spring-forward gap is refused,
 * so the teacher chooses rather than the app moving their deadline for them.
 */
export function readDateTime(value: string, zone: string): ReadDateTime {
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? { ok: false, reason: "unreadable" } : { ok: true, instant: d };
  }
  const local = fromLocalInput(text, zone);
  if (local.kind === "invalid") return { ok: false, reason: "unreadable" };
  if (local.kind === "gap") return { ok: false, reason: "gap" };
  return { ok: true, instant: local.instant };
}
