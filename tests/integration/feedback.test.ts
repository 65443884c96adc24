import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { setAssignmentOpen } from "@/lib/assignments/assignments";
import { requireAnnotationForStudent } from "@/lib/auth/policy";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { setTargetAddressed } from "@/lib/marking/annotations";
import { getMarkingDesk } from "@/lib/marking/desk";
import { getOwnFeedback, respondToFeedback, startRedraft } from "@/lib/marking/feedback";
import { saveMarking } from "@/lib/marking/markings";
import { daysFromNow, draftOf, makeOutsiders } from "./work-fixtures";
import { ESSAY, REDRAFT, annotate, makeMarkedClass, rangeOf, redraftAndResubmit, returnMarking, savedMarking, submitEssay } from "./marking-fixtures";

const NOT_FOUND = { status: 404, message: expect.stringContaining("could not be found") };

const submissionsOf = (assignmentId: string, studentId: string) =>
  db().submission.findMany({ where: { draft: { assignmentId, studentId } }, orderBy: { number: "asc" }, select: { number: true, text: true, late: true, submittedAt: true } });

describe("feedback reaches the student only once it is returned", () => {
  it("a marking in progress and its annotations are invisible; once returned the student sees both", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const target = await annotate(teacher, work, ESSAY, "to a large extent", { comment: "How large? Say by what measure." });
    const strength = await annotate(teacher, work, ESSAY, "The Secret Speech of February 1956", { kind: "STRENGTH", comment: "Precise." });
    savedMarking(await saveMarking(teacher, { ...work, baseRevision: 0, awards: [{ criterionId: "overall", level: 3 }], wentWell: "Draft comment, not for the student yet." }));

    const before = await getOwnFeedback(amira, assignmentId);
    expect(before).toMatchObject({ versions: [{ number: 1, text: ESSAY, late: false, marking: null }], latestReturned: null, canRedraft: false, redrafting: false });
    expect(before.annotationsFor(ESSAY)).toEqual([]);
    expect(before.annotationsFor(ESSAY, 1)).toEqual([]);
    expect(JSON.stringify(before.versions)).not.toContain("Draft comment");
    await expect(requireAnnotationForStudent(amira, target.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(setTargetAddressed(amira, { annotationId: target.id, addressed: true, note: "Too early." })).rejects.toMatchObject(NOT_FOUND);

    const returned = savedMarking(
      await saveMarking(teacher, { ...work, baseRevision: 1, awards: [{ criterionId: "overall", level: 3 }], wentWell: "Good knowledge.", evenBetterIf: "Weigh the factors." }, { returning: true }),
    );
    const after = await getOwnFeedback(amira, assignmentId);
    expect(after.versions).toEqual([expect.objectContaining({ number: 1, text: ESSAY, marking: { ...returned, marksHeld: false } })]);
    expect(after.latestReturned).toMatchObject({
      number: 1,
      marking: { status: "RETURNED", total: 13, awards: [{ criterionId: "overall", level: 3, mark: 13 }], wentWell: "Good knowledge.", evenBetterIf: "Weigh the factors.", markerName: "Ms Rosa Hughes" },
    });
    expect(after).toMatchObject({ canRedraft: false, redrafting: false });
    expect(after.annotationsFor(ESSAY)).toEqual([
      expect.objectContaining({ id: strength.id, kind: "STRENGTH", comment: "Precise.", location: rangeOf(ESSAY, "The Secret Speech of February 1956"), targetStatus: null }),
      expect.objectContaining({ id: target.id, kind: "TARGET", comment: "How large? Say by what measure.", location: rangeOf(ESSAY, "to a large extent"), targetStatus: "open" }),
    ]);
    expect(await requireAnnotationForStudent(amira, target.id)).toMatchObject({ id: target.id, kind: "TARGET" });
  });

  it("another student sees nothing of it, and the teacher and outsiders cannot open it as feedback", async () => {
    const { teacher, ben, assignmentId, work } = await makeMarkedClass();
    const outsiders = await makeOutsiders();
    const target = await annotate(teacher, work, ESSAY, "to a large extent");
    await returnMarking(teacher, work, { allowRedraft: true });

    const bens = await getOwnFeedback(ben, assignmentId);
    expect(bens).toMatchObject({ versions: [], latestReturned: null, canRedraft: false, redrafting: false });
    expect(bens.annotationsFor(ESSAY)).toEqual([]);
    await expect(requireAnnotationForStudent(ben, target.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(requireAnnotationForStudent(outsiders.student, target.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(requireAnnotationForStudent(teacher, target.id)).rejects.toMatchObject({ status: 403 });
    await expect(getOwnFeedback(teacher, assignmentId)).rejects.toMatchObject({ status: 403 });
    await expect(getOwnFeedback(outsiders.student, assignmentId)).rejects.toMatchObject(NOT_FOUND);

    // Ben handing in his own essay still shows him only his own (unmarked) work.
    await submitEssay(ben, assignmentId, "Ben's essay.");
    const bensOwn = await getOwnFeedback(ben, assignmentId);
    expect(bensOwn.versions).toEqual([expect.objectContaining({ number: 1, text: "Ben's essay.", marking: null })]);
    expect(bensOwn.annotationsFor("Ben's essay.")).toEqual([]);
    expect(bensOwn.annotationsFor(ESSAY)).toEqual([]);
  });
});

describe("the student answers their feedback", () => {
  it("responds only once it is returned, and may revise the response", async () => {
    const { teacher, amira, ben, assignmentId, work } = await makeMarkedClass();
    const respond = (response: string, submissionNumber = 1) => respondToFeedback(amira, { assignmentId, submissionNumber, response });
    await expect(respond("Thank you!")).rejects.toMatchObject(NOT_FOUND);
    savedMarking(await saveMarking(teacher, { ...work, baseRevision: 0, awards: [] }));
    await expect(respond("Thank you!")).rejects.toMatchObject(NOT_FOUND);
    expect(await db().marking.findFirstOrThrow()).toMatchObject({ response: "", respondedAt: null });

    await returnMarking(teacher, { ...work }, { baseRevision: 1 });
    await respond("  I will compare the factors next time.  ");
    const first = await db().marking.findFirstOrThrow();
    expect(first).toMatchObject({ response: "I will compare the factors next time.", respondedAt: expect.any(Date) });
    expect((await getOwnFeedback(amira, assignmentId)).latestReturned?.marking).toMatchObject({ response: "I will compare the factors next time." });
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).marking).toMatchObject({ response: "I will compare the factors next time.", respondedAt: first.respondedAt });

    await respond("Revised: I will weigh the Virgin Lands against the Secret Speech.");
    expect((await db().marking.findFirstOrThrow()).response).toBe("Revised: I will weigh the Virgin Lands against the Secret Speech.");
    await expect(respond("   ")).rejects.toBeInstanceOf(z.ZodError);
    await expect(respond("No such version.", 2)).rejects.toMatchObject(NOT_FOUND);
    await expect(respondToFeedback(ben, { assignmentId, submissionNumber: 1, response: "Ben replying for Amira." })).rejects.toMatchObject(NOT_FOUND);
    await expect(respondToFeedback(teacher, { assignmentId, submissionNumber: 1, response: "Teacher replying." })).rejects.toMatchObject({ status: 403 });
    expect((await db().marking.findFirstOrThrow()).response).toBe("Revised: I will weigh the Virgin Lands against the Secret Speech.");
  });

  it("marks a target addressed with a note, can reopen it, and cannot address a strength or someone else's target", async () => {
    const { teacher, amira, ben, work, assignmentId } = await makeMarkedClass();
    const target = await annotate(teacher, work, ESSAY, "to a large extent");
    const strength = await annotate(teacher, work, ESSAY, "The Secret Speech of February 1956", { kind: "STRENGTH" });
    await returnMarking(teacher, work);

    for (const note of [undefined, "", "   "]) {
      const error = await setTargetAddressed(amira, { annotationId: target.id, addressed: true, note }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(z.ZodError);
      expect(z.flattenError(error as z.ZodError).fieldErrors).toMatchObject({ note: ["Say how you addressed this target."] });
    }
    await expect(setTargetAddressed(amira, { annotationId: strength.id, addressed: true, note: "Kept it." })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("strength"),
    });
    await expect(setTargetAddressed(ben, { annotationId: target.id, addressed: true, note: "Ben did it." })).rejects.toMatchObject(NOT_FOUND);
    await expect(setTargetAddressed(teacher, { annotationId: target.id, addressed: true, note: "Teacher did it." })).rejects.toMatchObject({ status: 403 });
    expect(await db().annotation.findMany({ where: { status: "ADDRESSED" } })).toEqual([]);

    const addressed = await setTargetAddressed(amira, { annotationId: target.id, addressed: true, note: " Added grain figures. " });
    expect(addressed).toMatchObject({ id: target.id, status: "ADDRESSED", addressedNote: "Added grain figures.", addressedAt: expect.any(Date) });
    expect((await getOwnFeedback(amira, assignmentId)).annotationsFor(ESSAY).find((a) => a.id === target.id)).toMatchObject({
      targetStatus: "addressed",
      addressedNote: "Added grain figures.",
    });
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).annotations.find((a) => a.id === target.id)).toMatchObject({ targetStatus: "addressed", addressedNote: "Added grain figures." });

    const reopened = await setTargetAddressed(amira, { annotationId: target.id, addressed: false });
    expect(reopened).toEqual({ id: target.id, status: "OPEN", addressedNote: "", addressedAt: null });
    expect((await getOwnFeedback(amira, assignmentId)).annotationsFor(ESSAY).find((a) => a.id === target.id)).toMatchObject({ targetStatus: "open", addressedNote: "" });
  });
});

describe("redrafting after feedback", () => {
  it("is refused unless the returned marking allowed a redraft", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const draftRevision = async () => (await draftOf(assignmentId, amira.id))!.revision;
    await expect(startRedraft(amira, assignmentId)).rejects.toMatchObject({ status: 403 });
    savedMarking(await saveMarking(teacher, { ...work, baseRevision: 0, awards: [], allowRedraft: true }));
    // Allowed in a marking still in progress is not yet allowed.
    await expect(startRedraft(amira, assignmentId)).rejects.toMatchObject({ status: 403 });
    await returnMarking(teacher, work, { baseRevision: 1, allowRedraft: false });
    expect((await getOwnFeedback(amira, assignmentId)).canRedraft).toBe(false);
    await expect(startRedraft(amira, assignmentId)).rejects.toMatchObject({ status: 403, message: expect.stringContaining("not asked for a redraft") });

    const draft = (await draftOf(assignmentId, amira.id))!;
    expect(draft.submittedAt).not.toBeNull();
    await expect(saveDraft(amira, { assignmentId, baseRevision: await draftRevision(), text: "Sneaky redraft." })).rejects.toMatchObject({ status: 423 });
    expect(await draftOf(assignmentId, amira.id)).toEqual(draft);
  });

  it("a student with nothing handed in is told no redraft was asked for, not that they are already redrafting", async () => {
    // Expected 403 ("Your teacher has not asked for a redraft"), as for any essay without
    // returned feedback that allows one. lib/marking/feedback.ts checks `!draft?.submittedAt`
    // first, so a student who never handed in (no draft, or an unsubmitted one) gets 409
    // "You are already redrafting this essay."
    const { ben, assignmentId } = await makeMarkedClass();
    await expect(startRedraft(ben, assignmentId)).rejects.toMatchObject({ status: 403 });
    expect((await saveDraft(ben, { assignmentId, baseRevision: 0, text: "Still writing." })).ok).toBe(true);
    await expect(startRedraft(ben, assignmentId)).rejects.toMatchObject({ status: 403 });
  });

  it("unlocks the draft once; the resubmission is version 2, never late, and version 1 stays as it was", async () => {
    const { teacher, amira, ben, assignmentId, work } = await makeMarkedClass();
    await returnMarking(teacher, work, { allowRedraft: true });
    expect(await getOwnFeedback(amira, assignmentId)).toMatchObject({ canRedraft: true, redrafting: false });
    await expect(startRedraft(ben, assignmentId)).rejects.toMatchObject({ status: expect.toBeOneOf([403, 409]) });
    await expect(startRedraft(teacher, assignmentId)).rejects.toMatchObject({ status: 403 });
    const locked = (await draftOf(assignmentId, amira.id))!;

    await startRedraft(amira, assignmentId);
    const unlocked = (await draftOf(assignmentId, amira.id))!;
    expect(unlocked).toMatchObject({ submittedAt: null, text: ESSAY, revision: locked.revision + 1 });
    expect(await getOwnFeedback(amira, assignmentId)).toMatchObject({ canRedraft: false, redrafting: true });
    expect(await getMarkingDesk(teacher, assignmentId, amira.id)).toMatchObject({ redrafting: true, submission: { number: 1, text: ESSAY } });
    await expect(startRedraft(amira, assignmentId)).rejects.toMatchObject({ status: 409 });

    const result = await saveDraft(amira, { assignmentId, baseRevision: unlocked.revision, text: REDRAFT });
    expect(result).toMatchObject({ ok: true, draft: { revision: unlocked.revision + 1 } });

    // Handed in a month after the due date: a redraft answers the feedback, not the deadline.
    const afterDue = daysFromNow(30);
    expect(await submitDraft(amira, { assignmentId, baseRevision: unlocked.revision + 1 }, afterDue)).toEqual({ submittedAt: afterDue, late: false, number: 2 });
    expect(await draftOf(assignmentId, amira.id)).toMatchObject({ submittedAt: afterDue, late: false, text: REDRAFT });
    expect(await submissionsOf(assignmentId, amira.id)).toEqual([
      { number: 1, text: ESSAY, late: false, submittedAt: locked.submittedAt },
      { number: 2, text: REDRAFT, late: false, submittedAt: afterDue },
    ]);

    // Both versions stay readable, to the student and to the teacher.
    const feedback = await getOwnFeedback(amira, assignmentId);
    expect(feedback.versions.map((v) => [v.number, v.text, v.marking?.status ?? null])).toEqual([
      [1, ESSAY, "RETURNED"],
      [2, REDRAFT, null],
    ]);
    expect(feedback).toMatchObject({ latestReturned: { number: 1 }, canRedraft: false, redrafting: false });
    expect((await getMarkingDesk(teacher, assignmentId, amira.id, 1)).submission.text).toBe(ESSAY);
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).submission).toMatchObject({ number: 2, text: REDRAFT, late: false });
    // Version 2 has no feedback yet, so no further redraft.
    await expect(startRedraft(amira, assignmentId)).rejects.toMatchObject({ status: 403 });
  });

  it("earlier annotations follow their passages into the redraft, detach where the passage went, and keep their addressed status", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const PARTY = "owed more to his control of the party machine than to his policies";
    const a = {
      party: await annotate(teacher, work, ESSAY, PARTY, { comment: "Evidence?" }),
      speech: await annotate(teacher, work, ESSAY, "The Secret Speech of February 1956", { kind: "STRENGTH", comment: "Precise." }),
      cult: await annotate(teacher, work, ESSAY, "denounced Stalin's cult of personality", { comment: "Explain the impact." }),
      lands: await annotate(teacher, work, ESSAY, "briefly raised grain output, but soil erosion soon undid the gains", { comment: "Figures?" }),
      scheme: await annotate(teacher, work, ESSAY, "The Virgin Lands scheme", { comment: "Date it." }),
      extent: await annotate(teacher, work, ESSAY, "Khrushchev changed the USSR to a large extent", { comment: "Against what?" }),
    };
    await returnMarking(teacher, work, { allowRedraft: true });
    await setTargetAddressed(amira, { annotationId: a.scheme.id, addressed: true, note: "Cut the paragraph: it was off the question." });
    await setTargetAddressed(amira, { annotationId: a.extent.id, addressed: true, note: "Now measured against Stalin's rule." });

    await redraftAndResubmit(amira, assignmentId, REDRAFT);
    // The opening quote survives a changed word inside it ("control of" → "grip on").
    const expected = [
      [a.party.id, rangeOf(REDRAFT, "owed more to his grip on the party machine than to his policies"), "open"],
      // Moved by the inserted paragraph.
      [a.speech.id, rangeOf(REDRAFT, "The Secret Speech of February 1956"), null],
      // The word after it changed ("shocked" → "stunned").
      [a.cult.id, rangeOf(REDRAFT, "denounced Stalin's cult of personality"), "open"],
      [a.extent.id, rangeOf(REDRAFT, "Khrushchev changed the USSR to a large extent"), "addressed"],
      // The Virgin Lands paragraph was deleted: detached, unless the student addressed it.
      [a.lands.id, null, "detached"],
      [a.scheme.id, null, "addressed"],
    ];
    const desk = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(desk.submission.number).toBe(2);
    expect(desk.annotations.map((v) => [v.id, v.location, v.targetStatus])).toEqual(expected);
    expect(desk.annotations.every((v) => v.madeOn === 1)).toBe(true);
    expect(desk.annotations.find((v) => v.id === a.scheme.id)).toMatchObject({ addressedNote: "Cut the paragraph: it was off the question.", exact: "The Virgin Lands scheme" });

    // The student sees the same in their new version, and the originals in version 1.
    const feedback = await getOwnFeedback(amira, assignmentId);
    expect(feedback.annotationsFor(REDRAFT).map((v) => [v.id, v.location, v.targetStatus])).toEqual(expected);
    expect(feedback.annotationsFor(ESSAY, 1).map((v) => [v.id, v.location])).toEqual(
      [a.party, a.speech, a.cult, a.scheme, a.lands, a.extent].map((v) => [v.id, { start: v.start, end: v.end }]),
    );

    // Marking version 2 starts afresh; its annotations stay hidden from the student until returned.
    const v2 = { ...work, submissionNumber: 2 };
    const fresh = await annotate(teacher, v2, REDRAFT, "Historians still disagree");
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).annotations[0]).toMatchObject({ id: fresh.id, madeOn: 2 });
    expect((await getOwnFeedback(amira, assignmentId)).annotationsFor(REDRAFT).map((v) => v.id)).not.toContain(fresh.id);
    await expect(requireAnnotationForStudent(amira, fresh.id)).rejects.toMatchObject(NOT_FOUND);
    await returnMarking(teacher, v2);
    const afterSecond = await getOwnFeedback(amira, assignmentId);
    expect(afterSecond.latestReturned).toMatchObject({ number: 2, marking: { status: "RETURNED" } });
    expect(afterSecond.annotationsFor(REDRAFT).map((v) => v.id)).toEqual([fresh.id, ...expected.map(([id]) => id)]);
    expect(afterSecond.annotationsFor(ESSAY, 1).map((v) => v.id)).not.toContain(fresh.id);
  });

  it("is refused once the teacher has closed the assignment", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    await returnMarking(teacher, work, { allowRedraft: true });
    await setAssignmentOpen(teacher, assignmentId, false);
    const before = (await draftOf(assignmentId, amira.id))!;
    await expect(startRedraft(amira, assignmentId)).rejects.toMatchObject({ status: 423 });
    expect(await draftOf(assignmentId, amira.id)).toEqual(before);

    await setAssignmentOpen(teacher, assignmentId, true);
    await startRedraft(amira, assignmentId);
    expect((await draftOf(assignmentId, amira.id))!.submittedAt).toBeNull();
  });
});
