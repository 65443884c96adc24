import { describe, expect, it } from "vitest";
import { generateOutline, outlineToText } from "../planner/outline";
import { STATED_QUESTION, statedAnalysis, statedPlan } from "./fixtures";
import { splitParagraphs } from "./paragraphs";

describe("splitParagraphs", () => {
  it("keeps offsets into the draft, and keys that repeat only with a suffix", () => {
    const text = "  First para.\n\n\nSecond one here.\n \nFirst para.";
    const ps = splitParagraphs(text);
    expect(ps.map((p) => text.slice(p.start, p.end))).toEqual(["First para.", "Second one here.", "First para."]);
    expect(ps[2]!.key).toBe(`${ps[0]!.key}.2`);
  });

  it("reads every line 'Insert outline' writes for a factor as scaffold, not prose (so an outline never counts as coverage)", () => {
    const text = outlineToText(generateOutline(statedPlan(), statedAnalysis(), STATED_QUESTION));
    const ps = splitParagraphs(text);
    expect(ps[0]!.heading).toBe("introduction");
    expect(ps.at(-1)!.heading).toBe("conclusion");
    // The factor paragraphs hold only the outline's labelled lines.
    expect(ps.slice(1, -1).map((p) => p.prose)).toEqual(ps.slice(1, -1).map(() => ""));
  });

  it("keeps the student's own lines written under an outline's labels", () => {
    const [, p] = splitParagraphs("My introduction.\n\nParagraph 1: Agricultural failure (weight 5 of 5)\nPoint: Agricultural failure contributed.\nThe Virgin Lands failed by 1963.");
    expect(p!.prose).toBe("The Virgin Lands failed by 1963.");
  });
});
