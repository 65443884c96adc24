import { fromLocalInput } from "../time/local-input";
import { wallClock } from "../time/wall-clock";

// When a closed class goes under its school's retention setting, on the school's clock
// (decision 008): at the start of the day `months` calendar months after the day it was
// closed (31 Jan + 1 month → 28/29 Feb), and its teachers are told `noticeDays` days before.

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

function startOfLocalDay(year: number, month: number, day: number, zone: string): Date {
  const at = new Date(Date.UTC(year, month - 1, day));
  const local = fromLocalInput(`${String(at.getUTCFullYear()).padStart(4, "0")}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T00:00`, zone);
  // Midnight can fall in a spring-forward gap in a few zones: "gap" still gives the instant after it.
  if (local.kind === "invalid") throw new Error("unreachable: a calendar date always reads");
  return local.instant;
}

export function deletionDate(closedAt: Date, months: number, zone: string): Date {
  const w = wallClock(closedAt, zone);
  const monthIndex = w.month - 1 + months;
  const year = w.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return startOfLocalDay(year, month, Math.min(w.day, lastDay), zone);
}

/** The start of the school day `days` before `deleteAt`'s. */
export function noticeDate(deleteAt: Date, days: number, zone: string): Date {
  const w = wallClock(deleteAt, zone);
  return startOfLocalDay(w.year, w.month, w.day - days, zone);
}

/**
 * The date a class actually goes: its deletion date, but never sooner than `days` after its
 * first notice, so a sweep that missed runs (or a setting shortened) still gives full notice.
 */
export function deleteAfter(deleteAt: Date, firstNoticeAt: Date, days: number): Date {
  return new Date(Math.max(deleteAt.getTime(), firstNoticeAt.getTime() + days * DAY));
}
