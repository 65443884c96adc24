import { describe, expect, it } from "vitest";
import { segmentText, type Highlight } from "./segments";

const TEXT = "Khrushchev fell from power in October 1964."; // 43 code units

/** Segments as [text, ids] pairs: easier to read in a failure than offsets. */
function runs(text: string, highlights: Highlight[]) {
  return segmentText(text, highlights).map((s) => [s.text, s.ids]);
}

describe("segmentText", () => {
  it("returns the whole text as one plain segment when nothing is highlighted", () => {
    expect(segmentText(TEXT, [])).toEqual([{ start: 0, end: 43, text: TEXT, ids: [] }]);
  });

  it("returns no segments for empty text", () => {
    expect(segmentText("", [{ id: "a", start: 0, end: 4 }])).toEqual([]);
  });

  it("splits overlapping highlights into shared and unshared runs", () => {
    const highlights = [
      { id: "b", start: 11, end: 26 }, // "fell from power"
      { id: "a", start: 0, end: 15 }, // "Khrushchev fell"
    ];
    expect(runs(TEXT, highlights)).toEqual([
      ["Khrushchev ", ["a"]],
      ["fell", ["a", "b"]],
      [" from power", ["b"]],
      [" in October 1964.", []],
    ]);
  });

  it("keeps a nested highlight inside its outer one, outer first", () => {
    const highlights = [
      { id: "inner", start: 30, end: 37 }, // "October"
      { id: "outer", start: 26, end: 42 }, // " in October 1964"
    ];
    expect(runs(TEXT, highlights)).toEqual([
      ["Khrushchev fell from power", []],
      [" in ", ["outer"]],
      ["October", ["outer", "inner"]],
      [" 1964", ["outer"]],
      [".", []],
    ]);
  });

  it("orders ids by start, then by id when highlights start together", () => {
    const highlights = [
      { id: "z", start: 0, end: 10 },
      { id: "m", start: 0, end: 10 },
      { id: "a", start: 5, end: 10 },
    ];
    expect(runs(TEXT, highlights).slice(0, 2)).toEqual([
      ["Khrus", ["m", "z"]],
      ["hchev", ["m", "z", "a"]],
    ]);
  });

  it("does not merge adjacent highlights that only touch", () => {
    const highlights = [
      { id: "a", start: 0, end: 10 },
      { id: "b", start: 10, end: 15 },
    ];
    expect(runs(TEXT, highlights).slice(0, 2)).toEqual([
      ["Khrushchev", ["a"]],
      [" fell", ["b"]],
    ]);
  });

  it("clamps highlights that run off either end of the text", () => {
    const highlights = [
      { id: "before", start: -20, end: 4 },
      { id: "after", start: 38, end: 500 },
    ];
    expect(segmentText(TEXT, highlights)).toEqual([
      { start: 0, end: 4, text: "Khru", ids: ["before"] },
      { start: 4, end: 38, text: TEXT.slice(4, 38), ids: [] },
      { start: 38, end: 43, text: "1964.", ids: ["after"] },
    ]);
  });

  it("ignores empty, reversed and wholly out-of-range highlights", () => {
    const highlights = [
      { id: "empty", start: 5, end: 5 },
      { id: "reversed", start: 9, end: 3 },
      { id: "beyond", start: 60, end: 70 },
      { id: "nan", start: Number.NaN, end: 10 },
    ];
    expect(segmentText(TEXT, highlights)).toEqual([{ start: 0, end: 43, text: TEXT, ids: [] }]);
  });

  it("covers every code unit exactly once, in order", () => {
    const text = "Molotov–Ribbentrop 🚀 Ernő Gerő";
    const segments = segmentText(text, [
      { id: "a", start: 3, end: 21 },
      { id: "b", start: 7, end: 9 },
      { id: "c", start: 19, end: 31 },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    for (const [k, s] of segments.entries()) {
      expect(s.text).toBe(text.slice(s.start, s.end));
      expect(s.start).toBe(k === 0 ? 0 : segments[k - 1]!.end);
    }
    expect(segments.at(-1)!.end).toBe(text.length);
  });
});
