import { describe, expect, it } from "vitest";
import { describeCounts } from "./labels";
import { personNotes } from "./report-view";

describe("deletion summaries", () => {
  it("lists non-zero counts in a fixed order", () => {
    expect(describeCounts({ submissions: 2, plans: 1, drafts: 0 })).toEqual(["1 plans", "2 submissions"]);
    expect(describeCounts({})).toEqual([]);
  });

  it("names the classes left and what stays anonymised", () => {
    const notes = personNotes({ classesAffected: [{ id: "a", name: "12H" }, { id: "b", name: "13C" }], keptAnonymised: { assignments: 1, comments: 0 } }, 3, true);
    expect(notes).toEqual([
      "Removed from 2 classes: 12H, 13C.",
      '1 assignments set on other people\'s work stay, shown as by "a former teacher".',
      "3 returned marks are kept without a name, as the school chose.",
    ]);
    expect(personNotes({ classesAffected: [], keptAnonymised: { assignments: 0, comments: 0 } })).toEqual([]);
  });
});
