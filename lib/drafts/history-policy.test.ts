import { describe, expect, it } from "vitest";
import { decideHistoryEntry, ENTRY_SPAN_MS, isShrink, thinRevisions, type RevisionReason, type ThinnableEntry } from "./history-policy";

const T0 = new Date("2026-11-02T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const latest = (over: Partial<{ reason: RevisionReason; createdAt: Date; wordCount: number }> = {}) => ({ reason: "AUTOSAVE" as const, createdAt: T0, wordCount: 400, ...over });

describe("decideHistoryEntry", () => {
  it("starts the first entry", () => {
    expect(decideHistoryEntry(null, { wordCount: 3, now: T0 })).toEqual({ action: "new", reason: "AUTOSAVE" });
  });

  it("extends an autosave entry for a few minutes from its start, however often it was updated", () => {
    expect(decideHistoryEntry(latest(), { wordCount: 420, now: at(ENTRY_SPAN_MS - 1) })).toEqual({ action: "extend" });
    expect(decideHistoryEntry(latest(), { wordCount: 420, now: at(ENTRY_SPAN_MS) })).toEqual({ action: "new", reason: "AUTOSAVE" });
    // Steady work: an entry that started long ago is closed even if it was touched a second ago.
    expect(decideHistoryEntry(latest({ createdAt: at(-40 * MIN) }), { wordCount: 420, now: T0 })).toEqual({ action: "new", reason: "AUTOSAVE" });
  });

  it("never extends a restore, a submission or a checkpoint", () => {
    for (const reason of ["RESTORE", "SUBMIT", "OUTLINE", "PASTE", "CUT"] as const) {
      expect(decideHistoryEntry(latest({ reason }), { wordCount: 401, now: at(MIN) })).toEqual({ action: "new", reason: "AUTOSAVE" });
    }
  });

  it("starts an entry when the text shrinks a lot, so 'select all, type' leaves the old text behind", () => {
    expect(decideHistoryEntry(latest(), { wordCount: 1, now: at(MIN) })).toEqual({ action: "new", reason: "CUT" });
    expect(decideHistoryEntry(latest(), { wordCount: 350, now: at(MIN) })).toEqual({ action: "new", reason: "CUT" });
    expect(decideHistoryEntry(latest(), { wordCount: 351, now: at(MIN) })).toEqual({ action: "extend" });
    // A cut right after a restore is a cut, not just the next autosave.
    expect(decideHistoryEntry(latest({ reason: "RESTORE" }), { wordCount: 0, now: at(MIN) })).toEqual({ action: "new", reason: "CUT" });
  });

  it("a checkpoint always starts its own entry, even on the first save", () => {
    expect(decideHistoryEntry(latest(), { wordCount: 600, now: at(MIN), checkpoint: "outline" })).toEqual({ action: "new", reason: "OUTLINE" });
    expect(decideHistoryEntry(latest(), { wordCount: 900, now: at(MIN), checkpoint: "paste" })).toEqual({ action: "new", reason: "PASTE" });
    expect(decideHistoryEntry(null, { wordCount: 200, now: T0, checkpoint: "outline" })).toEqual({ action: "new", reason: "OUTLINE" });
  });
});

describe("isShrink", () => {
  it("counts more than a fifth of the text or fifty words, but not a few words of a short text", () => {
    expect(isShrink(1000, 950)).toBe(true); // 50 words
    expect(isShrink(1000, 951)).toBe(false);
    expect(isShrink(100, 79)).toBe(true); // 21%
    expect(isShrink(100, 80)).toBe(false); // exactly 20%
    expect(isShrink(10, 6)).toBe(false); // 40%, but only 4 words
    expect(isShrink(10, 5)).toBe(true);
    expect(isShrink(10, 40)).toBe(false);
  });
});

describe("thinRevisions", () => {
  const now = at(3 * DAY);
  let n = 0;
  const entry = (ms: number, reason: RevisionReason = "AUTOSAVE"): ThinnableEntry => ({ id: `e${String(n++).padStart(3, "0")}`, reason, createdAt: at(ms) });

  it("keeps every entry younger than a day", () => {
    const entries = [0, 5, 10, 15, 20].map((m) => entry(2 * DAY + 12 * HOUR + m * MIN));
    expect(thinRevisions(entries, now)).toEqual([]);
  });

  it("thins autosaves older than a day to the last entry of each hour", () => {
    const h9 = [0, 5, 10, 55].map((m) => entry(m * MIN));
    const h10 = [entry(HOUR + 2 * MIN)];
    const h11 = [0, 20].map((m) => entry(2 * HOUR + m * MIN));
    const recent = [0, 5].map((m) => entry(2 * DAY + 20 * HOUR + m * MIN));
    // Given in any order: the rule sorts by time itself.
    const deleted = thinRevisions([...recent, ...h11, ...h9, ...h10].reverse(), now);
    expect(deleted.sort()).toEqual([h9[0]!.id, h9[1]!.id, h9[2]!.id, h11[0]!.id].sort());
  });

  it("never thins restores, submissions or checkpoints, the text they replaced, or the newest entry", () => {
    const a = entry(0);
    const beforeRestore = entry(5 * MIN);
    const restore = entry(6 * MIN, "RESTORE");
    const b = entry(10 * MIN);
    const beforeCut = entry(15 * MIN);
    const cut = entry(16 * MIN, "CUT");
    const c = entry(20 * MIN);
    const beforeSubmit = entry(25 * MIN);
    const submit = entry(26 * MIN, "SUBMIT");
    const outline = entry(30 * MIN, "OUTLINE");
    const paste = entry(35 * MIN, "PASTE");
    const newest = entry(40 * MIN);
    const entries = [a, beforeRestore, restore, b, beforeCut, cut, c, beforeSubmit, submit, outline, paste, newest];
    // Long after, so only the rules (not age) keep entries.
    expect(thinRevisions(entries, at(30 * DAY)).sort()).toEqual([a.id, b.id, c.id, beforeSubmit.id].sort());
  });

  it("thinning twice changes nothing more", () => {
    const entries = Array.from({ length: 40 }, (_, i) => entry(i * 7 * MIN, i % 9 === 4 ? "CUT" : "AUTOSAVE"));
    const first = new Set(thinRevisions(entries, now));
    expect(first.size).toBeGreaterThan(0);
    expect(thinRevisions(entries.filter((e) => !first.has(e.id)), at(10 * DAY))).toEqual([]);
  });
});
