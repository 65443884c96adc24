import { describe, expect, it } from "vitest";
import { sameContent } from "./same-content";

describe("sameContent", () => {
  it("compares text exactly", () => {
    expect(sameContent("The Secret Speech", "The Secret Speech")).toBe(true);
    expect(sameContent("The Secret Speech", "The Secret Speech ")).toBe(false);
  });

  it("ignores the order of object keys at any depth, as a jsonb column returns them", () => {
    const sent = { factors: [{ id: "f1", name: "Economy", evidence: [] }], judgement: { position: 40, argument: "" } };
    const stored = { judgement: { argument: "", position: 40 }, factors: [{ evidence: [], name: "Economy", id: "f1" }] };
    expect(sameContent(sent, stored)).toBe(true);
  });

  it("does not ignore the order of list items or a changed value", () => {
    expect(sameContent({ criteria: ["a", "b"] }, { criteria: ["b", "a"] })).toBe(false);
    expect(sameContent({ judgement: { position: 40 } }, { judgement: { position: 45 } })).toBe(false);
  });
});
