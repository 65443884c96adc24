import { describe, expect, it } from "vitest";
import { boundedInt, MAX_INT4, revisionNumber } from "./numbers";
import { hasForbidden, idText, isCleanLine, LINE_MESSAGE, lineText, proseText, stripForbidden } from "./text";

const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";
const NONCHARACTERS = ["\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\u{1FFFE}", "\u{10FFFF}", "\u{10FFFE}"];

describe("stripForbidden", () => {
  it("drops NUL, noncharacters and lone surrogates", () => {
    expect(stripForbidden("Khru\u0000shchev")).toBe("Khrushchev");
    for (const c of NONCHARACTERS) expect(stripForbidden(`a${c}b`)).toBe("ab");
    expect(stripForbidden(`a${LONE_HIGH}b${LONE_LOW}c`)).toBe("abc");
    expect(stripForbidden(`${LONE_LOW}${LONE_HIGH}`)).toBe("");
  });

  it("keeps everything a person can type: accents, CJK, emoji (paired surrogates), tabs and line breaks", () => {
    const text = "Łódź — 赫鲁晓夫 😀 \u{1F600}\tline\r\nnext \uFFFD \uFDCF \uFDF0";
    expect(stripForbidden(text)).toBe(text);
    expect(hasForbidden(text)).toBe(false);
  });

  it("hasForbidden answers the same on repeated calls (no regex state carried over)", () => {
    expect([hasForbidden("a\u0000"), hasForbidden("a\u0000"), hasForbidden("a")]).toEqual([true, true, false]);
  });
});

describe("proseText", () => {
  it("strips before the length and trim checks chained after it", () => {
    const schema = proseText().trim().min(1, "Write something.").max(3);
    expect(schema.parse(" a\u0000bc ")).toBe("abc");
    expect(schema.safeParse("\u0000\u0000").error?.issues[0]?.message).toBe("Write something.");
  });
});

describe("lineText", () => {
  it("refuses NUL, noncharacters, lone surrogates and control characters with a clear message", () => {
    for (const bad of ["Ben\u0000", "Ben\uFFFF", `Ben${LONE_HIGH}`, "Ben\nSmith", "Ben\tSmith", "Ben\u001B[31m", "Ben\u0085"]) {
      expect(isCleanLine(bad)).toBe(false);
      expect(lineText().safeParse(bad).error?.issues[0]?.message).toBe(LINE_MESSAGE);
    }
  });

  it("accepts ordinary names", () => {
    for (const good of ["Siobhan O’Connor", "Zoë Armstrong-Łukasik", "赫鲁晓夫", "12H History 😀"]) expect(lineText().parse(good)).toBe(good);
  });
});

describe("idText", () => {
  it("accepts cuids and client ids, refuses anything else", () => {
    expect(idText().parse("cm3x9k2ab0000qz8h1v2c3d4e")).toBe("cm3x9k2ab0000qz8h1v2c3d4e");
    expect(idText().parse("f_1-a")).toBe("f_1-a");
    for (const bad of ["", "\u0000", "a\u0000b", "../x", "a b", "x".repeat(65), "é"]) expect(idText().safeParse(bad).success).toBe(false);
  });
});

describe("integer bounds", () => {
  it("a revision fits PostgreSQL's integer column", () => {
    expect(revisionNumber().parse(MAX_INT4)).toBe(MAX_INT4);
    for (const bad of [2 ** 31, 2 ** 53, -1, 1.5, Number.NaN, Infinity]) expect(revisionNumber().safeParse(bad).success).toBe(false);
  });

  it("boundedInt refuses bounds the column cannot hold", () => {
    expect(() => boundedInt(0, 2 ** 31)).toThrow();
    expect(boundedInt(0, 10).safeParse(11).success).toBe(false);
  });
});
