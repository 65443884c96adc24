import { describe, expect, it } from "vitest";
import { editDistance, insideWord, keepsToWords, snapToWords, wordEnds } from "./word-snap";

describe("insideWord", () => {
  const text = "Gerő's 1956 🚀rocket, De-Stalinisation";
  const at = (s: string) => text.indexOf(s);

  it("is true only between two letters, digits or marks of one word", () => {
    expect(insideWord(text, 2)).toBe(true); // Ge|rő
    expect(insideWord(text, at("'s"))).toBe(false); // Gerő|'s
    expect(insideWord(text, at("956"))).toBe(true); // 1|956
    expect(insideWord(text, at("Stalin"))).toBe(false); // De-|Stalin
    expect(insideWord(text, 0)).toBe(false);
    expect(insideWord(text, text.length)).toBe(false);
  });

  it("treats an emoji as a separator, reading it as one character on either side", () => {
    const rocket = at("🚀");
    expect(insideWord(text, rocket + 2)).toBe(false); // 🚀|rocket
    expect(insideWord(text, rocket + 1)).toBe(false); // inside the emoji's pair
  });

  it("counts a combining accent as part of the word it sits on", () => {
    const decomposed = "Gero\u030bek";
    expect(insideWord(decomposed, 5)).toBe(true); // ő (o + U+030B) | e
  });
});

describe("wordEnds and keepsToWords", () => {
  it("reads from the stored context whether the teacher selected whole words", () => {
    expect(wordEnds({ prefix: "Khrushchev ", exact: "denounced Stalin", suffix: "'s cult" })).toEqual({ start: true, end: true });
    expect(wordEnds({ prefix: "Khrushchev de", exact: "nounced Stal", suffix: "in's cult" })).toEqual({ start: false, end: false });
    expect(wordEnds({ prefix: "", exact: "Khrushchev", suffix: "" })).toEqual({ start: true, end: true });
  });

  it("only holds a span to the ends the quote kept to", () => {
    const text = "repeated failures";
    expect(keepsToWords(text, { start: 0, end: 16 }, { start: true, end: true })).toBe(false);
    expect(keepsToWords(text, { start: 0, end: 16 }, { start: true, end: false })).toBe(true);
  });
});

describe("snapToWords", () => {
  const both = { start: true, end: true };

  it("leaves a span already on word boundaries alone", () => {
    expect(snapToWords("the purges of 1937", { start: 4, end: 10 }, "purges", both)).toEqual({ start: 4, end: 10 });
  });

  it("goes outward or inward by whichever is fewer edits from the quote, outward on a tie", () => {
    const text = "strongly attacked the purges";
    // "cked the purges" → "attacked the purges" (outward) is nearer "condemned the purges" than "the purges".
    expect(snapToWords(text, { start: text.indexOf("cked"), end: text.length }, "condemned the purges", both)).toEqual({ start: text.indexOf("attacked"), end: text.length });
    // A tie: "xy a" is two edits from both "xy abc" and "xy", so the whole word is taken.
    expect(snapToWords("xy abc", { start: 0, end: 4 }, "xy a", both)).toEqual({ start: 0, end: 6 });
  });

  it("never returns an empty span", () => {
    // Inward on both ends would be empty; outward is the only choice.
    expect(snapToWords("Malenkovites", { start: 0, end: 8 }, "Malenkov", both)).toEqual({ start: 0, end: 12 });
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["failure", "failures", 1],
    ["🚀", "🛰", 1], // same high surrogate: one code unit differs
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
