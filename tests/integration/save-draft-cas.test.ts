import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { saveDraft } from "@/lib/drafts/drafts";
import { decideHistoryEntry, ENTRY_SPAN_MS, SHRINK_MIN_WORDS, SHRINK_WORDS, type Checkpoint, type LatestEntry, type RevisionReason } from "@/lib/drafts/history-policy";
import { casSaveDraft } from "@/lib/drafts/internal/save-draft-cas";
import { newId } from "@/lib/new-id";
import { draftOf, makeAssignedClass, makeOutsiders } from "./work-fixtures";

// The one-statement autosave (lib/drafts/internal/save-draft-cas.ts) decides "extend the
// newest history entry or start one" in SQL. history-policy.ts's decideHistoryEntry is the
// rule; here both decide many random cases, weighted to the edges (the shrink thresholds,
// the five-minute span to the millisecond), and must agree.

const REASONS: RevisionReason[] = ["AUTOSAVE", "AUTOSAVE", "AUTOSAVE", "RESTORE", "SUBMIT", "OUTLINE", "PASTE", "CUT"];

/** A small seeded generator, so a failure names a case that can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomCase(rand: () => number) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const now = new Date(Date.UTC(2026, 11, 1, 9) + Math.floor(rand() * 3_600_000));
  const before = pick([0, 3, 5, 10, 24, 25, 26, 49, 50, 51, 100, 249, 250, 251, Math.floor(rand() * 2000)]);
  const lost = pick([-20, 0, 1, SHRINK_MIN_WORDS - 1, SHRINK_MIN_WORDS, SHRINK_MIN_WORDS + 1, Math.floor(before / 5), Math.floor(before / 5) + 1, SHRINK_WORDS - 1, SHRINK_WORDS, SHRINK_WORDS + 1, Math.floor(rand() * before)]);
  const age = pick([0, 1000, ENTRY_SPAN_MS - 1, ENTRY_SPAN_MS, ENTRY_SPAN_MS + 1, Math.floor(rand() * 2 * ENTRY_SPAN_MS)]);
  const latest: LatestEntry | null = rand() < 0.1 ? null : { reason: pick(REASONS), createdAt: new Date(now.getTime() - age), wordCount: before };
  const checkpoint: Checkpoint | undefined = rand() < 0.15 ? pick(["outline", "paste"] as const) : undefined;
  return { latest, save: { wordCount: Math.max(0, before - lost), now, checkpoint } };
}

describe("the one-statement autosave's history rule", () => {
  it("agrees with decideHistoryEntry on 200 random cases", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await getOwnWorkspace(amira, assignmentId);
    const draftId = (await draftOf(assignmentId, amira.id))!.id;
    const rand = random(20261201);
    let revision = 0;
    for (let i = 0; i < 200; i++) {
      const { latest, save } = randomCase(rand);
      await db().draftRevision.deleteMany({ where: { draftId } });
      // An older entry too, so "the newest" has to be chosen.
      await db().draftRevision.create({ data: { id: newId(), draftId, text: "older", wordCount: 1, reason: "SUBMIT", createdAt: new Date(save.now.getTime() - 3 * ENTRY_SPAN_MS) } });
      const latestId = latest ? (await db().draftRevision.create({ data: { draftId, text: "latest", ...latest } })).id : null;
      if (!latest) await db().draftRevision.deleteMany({ where: { draftId } });

      const saved = await casSaveDraft({ assignmentId, studentId: amira.id, baseRevision: revision, text: `case ${i}`, ...save });
      expect(saved, `case ${i}`).not.toBeNull();
      revision = saved!.revision;

      const expected = decideHistoryEntry(latest, save);
      const entries = await db().draftRevision.findMany({ where: { draftId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      const context = `case ${i}: ${JSON.stringify({ latest, save })}`;
      expect(entries[0]!.text, context).toBe(`case ${i}`);
      if (expected.action === "extend") {
        expect(entries[0]!.id, context).toBe(latestId);
        expect(saved!.startedEntry, context).toBe(false);
      } else {
        expect(entries[0]!.id, context).not.toBe(latestId);
        expect(entries[0]!.reason, context).toBe(expected.reason);
        expect(entries[0]!.createdAt.getTime(), context).toBe(save.now.getTime());
        expect(saved!.startedEntry, context).toBe(true);
      }
    }
  });
});

describe("the one-statement autosave's conditions", () => {
  it("saves only the student's own, open, unsubmitted draft at the current revision, and writes nothing otherwise", async () => {
    const { amira, ben, teacher, assignmentId } = await makeAssignedClass();
    const { student: outsider } = await makeOutsiders();
    await getOwnWorkspace(amira, assignmentId);
    const now = new Date();
    const save = { assignmentId, studentId: amira.id, text: "De-Stalinisation.", wordCount: 1, now };

    // Someone else's id, a stale base, no draft row (Ben never opened it), an outsider.
    expect(await casSaveDraft({ ...save, baseRevision: 1 })).toBeNull();
    expect(await casSaveDraft({ ...save, studentId: ben.id, baseRevision: 0 })).toBeNull();
    expect(await casSaveDraft({ ...save, studentId: outsider.id, baseRevision: 0 })).toBeNull();
    expect(await casSaveDraft({ ...save, studentId: teacher.id, baseRevision: 0 })).toBeNull();
    expect(await casSaveDraft({ ...save, baseRevision: 0 })).toMatchObject({ revision: 1, savedAt: now, startedEntry: true });

    // Closed: refused, and saveDraft says why.
    await db().assignment.update({ where: { id: assignmentId }, data: { status: "CLOSED" } });
    expect(await casSaveDraft({ ...save, baseRevision: 1 })).toBeNull();
    await expect(saveDraft(amira, { assignmentId, baseRevision: 1, text: "x" })).rejects.toMatchObject({ status: 423 });
    await db().assignment.update({ where: { id: assignmentId }, data: { status: "OPEN" } });

    // Left the class: refused, and to saveDraft the assignment is not found.
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { studentId: amira.id } });
    await db().enrolment.delete({ where: { id: enrolment.id } });
    expect(await casSaveDraft({ ...save, baseRevision: 1 })).toBeNull();
    await expect(saveDraft(amira, { assignmentId, baseRevision: 1, text: "x" })).rejects.toMatchObject({ status: 404 });
    await db().enrolment.create({ data: { classroomId: enrolment.classroomId, studentId: amira.id } });

    // Submitted: refused with 423.
    await db().draft.updateMany({ where: { assignmentId, studentId: amira.id }, data: { submittedAt: now } });
    expect(await casSaveDraft({ ...save, baseRevision: 1 })).toBeNull();
    await expect(saveDraft(amira, { assignmentId, baseRevision: 1, text: "x" })).rejects.toMatchObject({ status: 423 });

    const draft = (await draftOf(assignmentId, amira.id))!;
    expect(draft).toMatchObject({ text: "De-Stalinisation.", revision: 1 });
    expect(await db().draftRevision.count({ where: { draftId: draft.id } })).toBe(1);
    expect(await db().draft.count({ where: { studentId: { in: [ben.id, outsider.id, teacher.id] } } })).toBe(0);
  });

  it("a first save with no draft row (the workspace never opened) is still kept, on the slow path", async () => {
    const { amira, ben, assignmentId } = await makeAssignedClass();
    const result = await saveDraft(ben, { assignmentId, baseRevision: 0, text: "Written before the page loaded." });
    expect(result).toMatchObject({ ok: true, draft: { revision: 1, wordCount: 5 } });
    expect((await draftOf(assignmentId, ben.id))!.text).toBe("Written before the page loaded.");
    // A later base on a missing row is a clear 409, not a crash.
    await expect(saveDraft(amira, { assignmentId, baseRevision: 3, text: "x" })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/Reload the page/) });
    expect(await draftOf(assignmentId, amira.id)).toBeNull();
  });
});
