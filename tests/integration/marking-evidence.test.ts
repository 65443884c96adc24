import { describe, expect, it } from "vitest";
import { evidenceFor } from "@/lib/marking/annotation-view";
import { getMarkingDesk } from "@/lib/marking/desk";
import { ESSAY, REDRAFT, annotate, makeMarkedClass, redraftAndResubmit, returnMarking } from "./marking-fixtures";

// Annotations are the evidence the desk lists under each criterion's levels. On a redraft,
// an annotation from an earlier version counts only where its passage is still in the new
// text: one detached by the redraft was evidence about the old version, not this one.

describe("annotations as evidence for a version's levels", () => {
  it("count on the new version only where they re-attached; a detached one is listed but not counted", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const kept = await annotate(teacher, work, ESSAY, "The Secret Speech of February 1956", { kind: "STRENGTH", comment: "Precise dating." });
    // The Virgin Lands paragraph is deleted in the redraft.
    const gone = await annotate(teacher, work, ESSAY, "soil erosion soon undid the gains", { comment: "Explain why erosion mattered." });
    await returnMarking(teacher, work, { allowRedraft: true });

    const first = await getMarkingDesk(teacher, assignmentId, amira.id, 1);
    expect(evidenceFor(first.annotations, "overall").map((a) => a.id)).toEqual([kept.id, gone.id]);

    await redraftAndResubmit(amira, assignmentId, REDRAFT);
    const v2Work = { ...work, submissionNumber: 2 };
    const fresh = await annotate(teacher, v2Work, REDRAFT, "Historians still disagree", { kind: "STRENGTH", comment: "A clear opening." });

    const second = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(second.submission.number).toBe(2);
    // All three are on the desk (the detached one in the margin with its old quote)…
    expect(second.annotations.map((a) => [a.id, a.location !== null])).toEqual([
      [fresh.id, true],
      [kept.id, true],
      [gone.id, false],
    ]);
    // …but only the two whose passage is in version 2 are evidence for its level.
    expect(evidenceFor(second.annotations, "overall").map((a) => a.id)).toEqual([fresh.id, kept.id]);
    expect(evidenceFor(second.annotations, "knowledge")).toEqual([]);

    // Version 1 is unchanged: both of its annotations still count there.
    const again = await getMarkingDesk(teacher, assignmentId, amira.id, 1);
    expect(evidenceFor(again.annotations, "overall").map((a) => a.id)).toEqual([kept.id, gone.id]);
  });
});
