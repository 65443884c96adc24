import { describe, expect, it } from "vitest";
import type { BankEntry } from "./comment-bank";
import { viewBank } from "./bank-view";
import { searchBank } from "./search-bank";

const entry = (id: string, text: string, criterionId: string, criterionName: string, uses = 0): BankEntry => ({ id, text, criterionId, criterionName, kind: "TARGET", uses });
const bank = [
  entry("a", "Link this evidence back to the question.", "analysis", "Analysis", 5),
  entry("b", "Reach a supported overall judgement.", "judgement", "Judgement", 3),
  entry("c", "Precise dates strengthen this point.", "knowledge", "Knowledge", 1),
  entry("d", "Weigh this factor against the stated one.", "judgement", "Judgement", 0),
];
const criteria = [
  { id: "analysis", name: "Analysis" },
  { id: "judgement", name: "Judgement" },
  { id: "knowledge", name: "Knowledge" },
];
const rows = viewBank(bank, criteria);

describe("searchBank", () => {
  it("returns everything, in bank order, for an empty query", () => {
    expect(searchBank(rows, "  ", "").map((e) => e.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("needs every word, in any order, case-insensitively", () => {
    expect(searchBank(rows, "QUESTION link", "").map((e) => e.id)).toEqual(["a"]);
    expect(searchBank(rows, "link dates", "")).toEqual([]);
  });

  it("matches the criterion's name as well as the comment", () => {
    expect(searchBank(rows, "judgement", "").map((e) => e.id)).toEqual(["b", "d"]);
  });

  it("puts entries for the chosen criterion first, keeping bank order within each group", () => {
    expect(searchBank(rows, "", "judgement").map((e) => e.id)).toEqual(["b", "d", "a", "c"]);
  });

  it("finds a comment saved under another scheme by either criterion name, and ranks it by the one it fills", () => {
    const holistic = viewBank([entry("h", "Add precise evidence here: a date or a figure.", "overall", "Overall quality")], [
      { id: "knowledge", name: "Knowledge", description: "The accuracy, range, depth and relevance of the evidence used to support the answer." },
      { id: "organisation", name: "Organisation and communication", description: "How clearly the answer is structured and communicated." },
    ]);
    expect(searchBank(holistic, "overall quality", "").map((e) => e.id)).toEqual(["h"]);
    expect(searchBank(holistic, "knowledge", "").map((e) => e.id)).toEqual(["h"]);
    expect(searchBank([...rows, ...holistic], "", "knowledge").map((e) => e.id)).toEqual(["c", "h", "a", "b", "d"]);
  });
});
