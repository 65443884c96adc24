import { describe, expect, it } from "vitest";
import { PREVIEW_CHARS, revisionPreview } from "./history-preview";

describe("revisionPreview", () => {
  it("shows a short text whole, on one line", () => {
    expect(revisionPreview("  Introduction:\n\n  Khrushchev rose\tto power.  ")).toBe("Introduction: Khrushchev rose to power.");
    expect(revisionPreview("")).toBe("");
  });

  it("cuts a long text at a word and marks the cut", () => {
    const text = "De-Stalinisation began with the Secret Speech of 1956. ".repeat(10);
    const preview = revisionPreview(text);
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_CHARS + 1);
    expect(preview.endsWith("…")).toBe(true);
    expect(text.replace(/\s+/g, " ").startsWith(preview.slice(0, -1))).toBe(true);
    expect(preview.slice(0, -1)).not.toMatch(/\s$/);
    expect(text.includes(`${preview.slice(0, -1)} `)).toBe(true);
  });

  it("cuts a text with no spaces at the limit", () => {
    expect(revisionPreview("x".repeat(500))).toBe(`${"x".repeat(PREVIEW_CHARS)}…`);
  });
});
