import { describe, expect, it } from "vitest";
import { formatWritingTime, LARGE_PASTE_CHARS, PAUSE_CAP_MS, SESSION_GAP_MS, summariseProcess, type ProcessEntry } from "./summary";

const MIN = 60_000;
const t0 = Date.UTC(2026, 11, 1, 9, 0);
const at = (minutes: number) => new Date(t0 + minutes * MIN);
/** An entry from minute `from` to minute `to`, holding `words` at its end. */
const entry = (from: number, to: number, words: number): ProcessEntry => ({ startedAt: at(from), endedAt: at(to), wordCount: words });

describe("summariseProcess", () => {
  it("an essay never saved has nothing to show", () => {
    expect(summariseProcess([], [])).toEqual({ writingMs: 0, sessions: [], largePastes: [], pasteCount: 0, pastedChars: 0, growth: [] });
  });

  it("steady writing in one sitting: the entries' spans plus the short pauses between them", () => {
    // Five-minute entries with a few seconds' pause between them, as the autosave leaves them.
    const s = summariseProcess([entry(0, 4.5, 80), entry(5, 9.5, 170), entry(10, 14, 240)], []);
    expect(s.sessions).toHaveLength(1);
    expect(s.writingMs).toBe(14 * MIN);
    expect(s.sessions[0]).toMatchObject({ startedAt: at(0), endedAt: at(14), writingMs: 14 * MIN, wordsAdded: 240, wordsAtEnd: 240, pastes: 0 });
    expect(s.growth).toEqual([
      { writingMs: 0, words: 0, session: 0 },
      { writingMs: 4.5 * MIN, words: 80, session: 0 },
      { writingMs: 9.5 * MIN, words: 170, session: 0 },
      { writingMs: 14 * MIN, words: 240, session: 0 },
    ]);
  });

  it("a pause inside a session counts only up to the cap; past the session gap it starts a new session", () => {
    const s = summariseProcess(
      [
        entry(0, 5, 100),
        entry(25, 30, 150), // 20 min pause: same session, counted as PAUSE_CAP_MS
        entry(30 + 31, 65, 260), // 31 min pause: a new session
        entry(24 * 60, 24 * 60 + 3, 240), // the next day; the student cut 20 words
      ],
      [],
    );
    expect(s.sessions.map((x) => [x.writingMs / MIN, x.wordsAdded, x.wordsAtEnd])).toEqual([
      [5 + PAUSE_CAP_MS / MIN + 5, 150, 150],
      [4, 110, 260],
      [3, -20, 240],
    ]);
    expect(s.writingMs).toBe((15 + 4 + 3) * MIN);
    expect(s.growth.map((p) => p.session)).toEqual([0, 0, 0, 1, 2]);
  });

  it("a pause of exactly the session gap stays in the session", () => {
    const s = summariseProcess([entry(0, 1, 10), entry(1 + SESSION_GAP_MS / MIN, 32, 20)], []);
    expect(s.sessions).toHaveLength(1);
    expect(s.writingMs).toBe(1 * MIN + PAUSE_CAP_MS + 1 * MIN);
  });

  it("orders entries by their start whatever order they come in (history and thinned spans are read apart)", () => {
    const forwards = summariseProcess([entry(0, 2, 30), entry(3, 6, 60), entry(100, 101, 90)], []);
    const shuffled = summariseProcess([entry(100, 101, 90), entry(0, 2, 30), entry(3, 6, 60)], []);
    expect(shuffled).toEqual(forwards);
  });

  it("a single save is a session with no measurable time", () => {
    const s = summariseProcess([entry(0, 0, 12)], []);
    expect(s.sessions).toEqual([{ startedAt: at(0), endedAt: at(0), writingMs: 0, wordsAdded: 12, wordsAtEnd: 12, pastes: 0 }]);
    expect(formatWritingTime(s.writingMs)).toBe("under a minute");
  });

  it("lists pastes of LARGE_PASTE_CHARS or more with when and how big, and counts every paste in its session", () => {
    const s = summariseProcess(
      [entry(0, 5, 50), entry(5.1, 8, 400), entry(90, 92, 420)],
      [
        { at: at(6), chars: 1800 },
        { at: at(2), chars: 12 },
        { at: at(91), chars: LARGE_PASTE_CHARS },
        { at: at(91), chars: LARGE_PASTE_CHARS - 1 },
      ],
    );
    expect(s.largePastes).toEqual([
      { at: at(6), chars: 1800 },
      { at: at(91), chars: LARGE_PASTE_CHARS },
    ]);
    expect(s.pasteCount).toBe(4);
    expect(s.pastedChars).toBe(1800 + 12 + 2 * LARGE_PASTE_CHARS - 1);
    expect(s.sessions.map((x) => x.pastes)).toEqual([2, 2]);
  });

  it("the essay pasted in one go shows as words with no writing time behind them", () => {
    const s = summariseProcess([entry(0, 0, 0), entry(0.2, 0.2, 1500)], [{ at: at(0.2), chars: 9000 }]);
    expect(s.writingMs).toBe(0.2 * MIN);
    expect(s.sessions[0]!.wordsAdded).toBe(1500);
    expect(s.largePastes).toHaveLength(1);
  });
});

describe("formatWritingTime", () => {
  it("reads as minutes, then hours and minutes", () => {
    expect(formatWritingTime(59 * 1000)).toBe("under a minute");
    expect(formatWritingTime(12 * MIN + 59_000)).toBe("12 min");
    expect(formatWritingTime(65 * MIN)).toBe("1 h 05 min");
    expect(formatWritingTime(3 * 60 * MIN)).toBe("3 h 00 min");
  });
});
