import { describe, expect, it } from "vitest";
import { codePointOffset } from "./web-annotations";

describe("codePointOffset", () => {
  it("counts an emoji before the passage once", () => {
    const text = "The Treaty 📜 of Versailles (1919) was harsh.";
    const start = text.indexOf("Versailles");
    expect(start).toBe(17);
    expect(codePointOffset(text, start)).toBe(16);
    expect([...text].slice(codePointOffset(text, start), codePointOffset(text, start + 10)).join("")).toBe("Versailles");
  });

  it("is the identity on text without astral characters, and clamps past the end", () => {
    expect(codePointOffset("Zoë Łukasiewicz", 5)).toBe(5);
    expect(codePointOffset("abc", 10)).toBe(3);
    expect(codePointOffset("", 0)).toBe(0);
  });

  it("counts a lone surrogate as one code point, as the string iterator does", () => {
    const text = "a\ud83db";
    expect(codePointOffset(text, 3)).toBe([...text].length);
  });
});
