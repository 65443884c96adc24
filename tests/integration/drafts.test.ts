import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setAssignment, setAssignmentOpen } from "@/lib/assignments/assignments";
import { getOwnWorkspace, getStudentWorkspace } from "@/lib/assignments/workspace";
import { saveDraft, submitDraft, type SaveResult } from "@/lib/drafts/drafts";
import { listRevisions, restoreRevision } from "@/lib/drafts/history";
import type { SessionUser } from "@/lib/auth/sessions";
import { assignmentInput, draftOf, makeAssignedClass, makeOutsiders } from "./work-fixtures";

const save = (user: SessionUser, assignmentId: string, baseRevision: number, text: string) => saveDraft(user, { assignmentId, baseRevision, text });

function saved(result: SaveResult) {
  if (!result.ok) expect.fail(`expected the save to succeed, got a conflict at revision ${result.conflict.revision}`);
  return result.draft;
}

describe("autosave with more than one writer", () => {
  it("of two saves based on the same revision, one wins and the other gets the winner's text; a retry loses nothing", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    let base = 0;
    // The first round also races the creation of the draft row itself.
    for (const round of [1, 2, 3]) {
      const texts = [`Laptop, round ${round}: de-Stalinisation`, `Phone, round ${round}: the Virgin Lands`];
      const results = await Promise.all(texts.map((text) => save(amira, assignmentId, base, text)));
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      // A save answers without its text (the client has it): the winner is the text that won.
      const winner = { ...winners[0]!.draft, text: texts[results.findIndex((r) => r.ok)]! };
      const { conflict } = losers[0]!;
      expect(winner.revision).toBe(base + 1);
      expect(conflict).toMatchObject({ text: winner.text, revision: winner.revision, wordCount: winner.wordCount });
      expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: winner.text, revision: base + 1 });

      // The losing tab merges and retries on the revision it was given.
      const merged = `${conflict.text}\n${texts.find((t) => t !== winner.text)}`;
      const retried = saved(await save(amira, assignmentId, conflict.revision, merged));
      expect(retried.revision).toBe(base + 2);
      expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: merged, revision: base + 2 });
      base = retried.revision;
    }
    expect(await db().draft.count({ where: { studentId: amira.id } })).toBe(1);
  });

  it("first saves racing the creation of the draft row: one wins, every other gets the winner's text, never its own base", async () => {
    // CI caught a loser answered with a "conflict" at revision 0 (the empty row the winner had
    // just created), which a client cannot merge into anything. Many rounds, four tabs each.
    const { amira, assignmentId } = await makeAssignedClass();
    for (let round = 0; round < 12; round++) {
      await db().draft.deleteMany({ where: { assignmentId, studentId: amira.id } });
      const texts = [1, 2, 3, 4].map((tab) => `Tab ${tab}, round ${round}: the Secret Speech`);
      const results = await Promise.all(texts.map((text) => save(amira, assignmentId, 0, text)));
      const winners = results.flatMap((r, i) => (r.ok ? [texts[i]!] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(r.conflict).toMatchObject({ text: winners[0], revision: 1 });
    }
  });

  it("a save from another device based on an old revision is refused with the newer text", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const opened = (await getOwnWorkspace(amira, assignmentId)).draft.revision;
    let revision = opened;
    for (const text of ["Khrushchev", "Khrushchev rose", "Khrushchev rose to power by 1955."]) {
      revision = saved(await save(amira, assignmentId, revision, text)).revision;
    }
    const stale = await save(amira, assignmentId, opened + 1, "Old tablet text");
    expect(stale).toEqual({ ok: false, conflict: expect.objectContaining({ text: "Khrushchev rose to power by 1955.", revision: 3, wordCount: 6 }) });
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: "Khrushchev rose to power by 1955.", revision: 3 });
  });

  it("stores word counts on the draft and its history", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const text = "Khrushchev’s de-Stalinisation began with the Secret Speech in 1956.";
    expect(saved(await save(amira, assignmentId, 0, text)).wordCount).toBe(9);
    expect((await draftOf(assignmentId, amira.id))!.wordCount).toBe(9);
    expect((await listRevisions(amira, assignmentId))[0]!.wordCount).toBe(9);
  });
});

// History entries, restoring and thinning: draft-history.test.ts.

describe("submission", () => {
  it("locks the draft and records when; later saves and restores are refused and the text is unchanged", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    saved(await save(amira, assignmentId, 0, "My finished essay on Khrushchev."));
    const now = new Date();
    expect(await submitDraft(amira, { assignmentId, baseRevision: 1 }, now)).toEqual({ submittedAt: now, late: false, number: 1 });
    const draft = (await draftOf(assignmentId, amira.id))!;
    expect(draft).toMatchObject({ submittedAt: now, late: false, revision: 2, text: "My finished essay on Khrushchev." });
    expect((await listRevisions(amira, assignmentId))[0]).toMatchObject({ reason: "SUBMIT", preview: "My finished essay on Khrushchev." });

    await expect(save(amira, assignmentId, 2, "Sneaky edit")).rejects.toMatchObject({ status: 423 });
    const revisionId = (await listRevisions(amira, assignmentId))[1]!.id;
    await expect(restoreRevision(amira, { assignmentId, revisionId, baseRevision: 2 })).rejects.toMatchObject({ status: 423 });
    await expect(submitDraft(amira, { assignmentId, baseRevision: 2 })).rejects.toMatchObject({ status: 409 });
    expect((await draftOf(assignmentId, amira.id))!).toEqual(draft);
    expect((await getOwnWorkspace(amira, assignmentId)).draft).toMatchObject({ submittedAt: now, text: "My finished essay on Khrushchev." });
  });

  it("a save racing a submission from another tab: exactly one of them happens", async () => {
    const world = await makeAssignedClass();
    const { amira } = world;
    // Timing decides the winner, so race on a few assignments to meet both orders.
    const assignmentIds = [world.assignmentId];
    for (let i = 0; i < 3; i++) assignmentIds.push((await setAssignment(world.teacher, assignmentInput(world))).id);
    for (const assignmentId of assignmentIds) {
      saved(await save(amira, assignmentId, 0, "The essay as submitted."));
      const [saving, submitting] = await Promise.allSettled([save(amira, assignmentId, 1, "A late edit from the phone."), submitDraft(amira, { assignmentId, baseRevision: 1 })]);
      const draft = (await draftOf(assignmentId, amira.id))!;
      if (submitting.status === "fulfilled") {
        expect(saving).toMatchObject({ status: "rejected", reason: { status: 423 } });
        expect(draft).toMatchObject({ text: "The essay as submitted.", revision: 2, submittedAt: expect.any(Date) });
        expect((await listRevisions(amira, assignmentId))[0]).toMatchObject({ reason: "SUBMIT", preview: "The essay as submitted." });
      } else {
        expect(submitting.reason).toMatchObject({ status: 409 });
        expect(saving).toMatchObject({ status: "fulfilled", value: { ok: true } });
        expect(draft).toMatchObject({ text: "A late edit from the phone.", revision: 2, submittedAt: null });
      }
    }
  });

  it("is late only when made after the due time", async () => {
    const { amira, ben, assignmentId } = await makeAssignedClass();
    const dueAt = new Date(Date.now() - 60 * 60 * 1000);
    await db().assignment.update({ where: { id: assignmentId }, data: { dueAt } });
    saved(await save(amira, assignmentId, 0, "Amira's essay"));
    saved(await save(ben, assignmentId, 0, "Ben's essay"));

    expect(await submitDraft(amira, { assignmentId, baseRevision: 1 })).toMatchObject({ late: true });
    const beforeDue = new Date(dueAt.getTime() - 60_000);
    expect(await submitDraft(ben, { assignmentId, baseRevision: 1 }, beforeDue)).toEqual({ submittedAt: beforeDue, late: false, number: 1 });
    expect((await draftOf(assignmentId, amira.id))!.late).toBe(true);
    expect((await draftOf(assignmentId, ben.id))!).toMatchObject({ late: false, submittedAt: beforeDue });
  });

  it("refuses an empty draft and a stale revision, submitting nothing", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await expect(submitDraft(amira, { assignmentId, baseRevision: 0 })).rejects.toMatchObject({ status: 422 });
    saved(await save(amira, assignmentId, 0, "  \n\t "));
    await expect(submitDraft(amira, { assignmentId, baseRevision: 1 })).rejects.toMatchObject({ status: 422 });

    saved(await save(amira, assignmentId, 1, "Words from the laptop"));
    saved(await save(amira, assignmentId, 2, "Words from the laptop, then more"));
    await expect(submitDraft(amira, { assignmentId, baseRevision: 2 })).rejects.toMatchObject({ status: 409 });
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ submittedAt: null, revision: 3, text: "Words from the laptop, then more" });
    expect(await db().draftRevision.count({ where: { reason: "SUBMIT" } })).toBe(0);
  });

  it("a closed assignment refuses saves and submission until it is reopened", async () => {
    const { teacher, amira, assignmentId } = await makeAssignedClass();
    saved(await save(amira, assignmentId, 0, "Written before the deadline"));
    await setAssignmentOpen(teacher, assignmentId, false);
    await expect(save(amira, assignmentId, 1, "Written after closing")).rejects.toMatchObject({ status: 423 });
    await expect(submitDraft(amira, { assignmentId, baseRevision: 1 })).rejects.toMatchObject({ status: 423 });
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: "Written before the deadline", revision: 1, submittedAt: null });

    await setAssignmentOpen(teacher, assignmentId, true);
    expect(saved(await save(amira, assignmentId, 1, "Written after reopening")).revision).toBe(2);
  });
});

describe("drafts: who may read and write", () => {
  it("another student's save writes their own draft, and they cannot read the first student's", async () => {
    const { amira, ben, assignmentId } = await makeAssignedClass();
    saved(await save(amira, assignmentId, 0, "Amira's essay"));
    expect(saved(await save(ben, assignmentId, 0, "Ben's essay")).revision).toBe(1);
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: "Amira's essay", revision: 1 });
    expect((await getOwnWorkspace(ben, assignmentId)).draft.text).toBe("Ben's essay");
    expect((await listRevisions(ben, assignmentId)).map((r) => r.preview)).toEqual(["Ben's essay"]);
    await expect(getStudentWorkspace(ben, assignmentId, amira.id)).rejects.toMatchObject({ status: 404 });
  });

  it("the class's teacher reads a student's work but cannot write it; other people get not found", async () => {
    const { teacher, amira, assignmentId } = await makeAssignedClass();
    const outsiders = await makeOutsiders();
    saved(await save(amira, assignmentId, 0, "Amira's essay"));
    const before = (await draftOf(assignmentId, amira.id))!;

    expect(await getStudentWorkspace(teacher, assignmentId, amira.id)).toMatchObject({ student: { id: amira.id, name: "Amira Khan" }, draft: { text: "Amira's essay", revision: 1 } });
    await expect(save(teacher, assignmentId, 1, "Teacher's edit")).rejects.toMatchObject({ status: 403 });
    await expect(submitDraft(teacher, { assignmentId, baseRevision: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(listRevisions(teacher, assignmentId)).rejects.toMatchObject({ status: 403 });
    await expect(getStudentWorkspace(teacher, assignmentId, outsiders.student.id)).rejects.toMatchObject({ status: 404 });

    await expect(getStudentWorkspace(outsiders.teacher, assignmentId, amira.id)).rejects.toMatchObject({ status: 404 });
    await expect(save(outsiders.teacher, assignmentId, 1, "Other teacher's edit")).rejects.toMatchObject({ status: 404 });
    await expect(save(outsiders.student, assignmentId, 0, "Outsider's essay")).rejects.toMatchObject({ status: 404 });
    await expect(submitDraft(outsiders.student, { assignmentId, baseRevision: 0 })).rejects.toMatchObject({ status: 404 });
    await expect(listRevisions(outsiders.student, assignmentId)).rejects.toMatchObject({ status: 404 });

    expect((await draftOf(assignmentId, amira.id))!).toEqual(before);
    expect(await db().draft.count()).toBe(1);
  });
});
