import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { SubmitDraftSchema } from "@/lib/drafts/schemas";
import { draftOf, makeAssignedClass } from "./work-fixtures";

// The editor drains its autosave, then submits the text on screen with the revision the
// server confirmed; the server saves and hands in that text in one compare-and-swap
// (docs/decisions/006-autosave-state-machine.md).
describe("submitting the text on screen", () => {
  it("saves and hands in the text sent, on the confirmed revision, in one step", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: "Saved by autosave." });
    const now = new Date();
    const onScreen = "Saved by autosave. And a last line typed just before Submit.";
    expect(await submitDraft(amira, { assignmentId, baseRevision: 1, text: onScreen }, now)).toEqual({ submittedAt: now, late: false, number: 1 });

    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: onScreen, wordCount: 11, revision: 2, submittedAt: now });
    const submission = await db().submission.findFirstOrThrow({ where: { draft: { assignmentId, studentId: amira.id } } });
    expect(submission).toMatchObject({ number: 1, text: onScreen, wordCount: 11 });
    expect(await db().draftRevision.findFirstOrThrow({ where: { reason: "SUBMIT", draft: { studentId: amira.id } } })).toMatchObject({ text: onScreen, wordCount: 11 });
  });

  it("refuses text from a stale revision and changes nothing", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: "Laptop." });
    await saveDraft(amira, { assignmentId, baseRevision: 1, text: "Laptop, then the phone." });
    await expect(submitDraft(amira, { assignmentId, baseRevision: 1, text: "Laptop, stale tab." })).rejects.toMatchObject({ status: 409 });
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: "Laptop, then the phone.", revision: 2, submittedAt: null });
    expect(await db().submission.count({ where: { draft: { studentId: amira.id } } })).toBe(0);
  });

  it("refuses empty text on screen even when older text was saved, and text over the cap", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: "Something saved." });
    await expect(submitDraft(amira, { assignmentId, baseRevision: 1, text: "   " })).rejects.toMatchObject({ status: 422 });
    expect(SubmitDraftSchema.safeParse({ assignmentId, baseRevision: 1, text: "x".repeat(100_001) }).success).toBe(false);
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: "Something saved.", submittedAt: null });
  });
});
