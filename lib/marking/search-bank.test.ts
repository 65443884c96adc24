import { describe, expect, it } from "vitest";
import type { BankEntry } from "./comment-bank";
import { searchBank } from "./search-bank";

const entry = (id: string, text: string, criterionId: string, uses = 0): BankEntry => ({ id, text, criterionId, kind: "TARGET", uses });
const bank = [
  entry("a", "Link this evidence back to the question.", "analysis", 5),
  entry("b", "Reach a supported overall judgement.", "judgement", 3),
  entry("c", "Precise dates strengthen this point.", "knowledge", 1),
  entry("d", "Weigh this factor against the stated one.", "judgement", 0),
];
const criteria = [
  { id: "analysis", name: "Analysis" },
  { id: "judgement", name: "Judgement" },
  { id: "knowledge", name: "Knowledge" },
];

describe("searchBank", () => {
  it("returns everything, in bank order, for an empty query", () => {
    expect(searchBank(bank, "  ", "", criteria).map((e) => e.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("needs every word, in any order, case-insensitively", () => {
    expect(searchBank(bank, "QUESTION link", "", criteria).map((e) => e.id)).toEqual(["a"]);
    expect(searchBank(bank, "link dates", "", criteria)).toEqual([]);
  });

  it("matches the criterion's name as well as the comment", () => {
    expect(searchBank(bank, "judgement", "", criteria).map((e) => e.id)).toEqual(["b", "d"]);
  });

  it("puts entries for the chosen criterion first, keeping bank order within each group", () => {
    expect(searchBank(bank, "", "judgement", criteria).map((e) => e.id)).toEqual(["b", "d", "a", "c"]);
  });
});
