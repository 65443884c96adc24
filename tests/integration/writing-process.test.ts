import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveDraft, submitDraft, type SaveResult } from "@/lib/drafts/drafts";
import type { SessionUser } from "@/lib/auth/sessions";
import { getWritingProcess } from "@/lib/process/process";
import { PAUSE_CAP_MS } from "@/lib/process/summary";
import { draftOf, makeAssignedClass, makeOutsiders } from "./work-fixtures";
import { statusOf } from "./refusal-status";

// Issue 12 part 6: paste sizes ride on the autosave and the writing-process summary is read
// from the draft's history (docs/decisions/023-writing-process.md). Saves say what time it is
// (`now`), so sessions hours and days apart take no time here.

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

function saved(result: SaveResult) {
  if (!result.ok) expect.fail(`expected the save to succeed, got a conflict at revision ${result.conflict.revision}`);
  return result.draft;
}

/** A student writing in one tab: each save is based on the last. */
function writer(user: SessionUser, assignmentId: string) {
  let revision = 0;
  return async (text: string, now: Date, pastes?: number[]) => {
    revision = saved(await saveDraft(user, { assignmentId, baseRevision: revision, text, pastes, checkpoint: pastes?.some((p) => p > 200) ? "paste" : undefined }, now)).revision;
  };
}


const pastesOf = async (assignmentId: string, studentId: string) => {
  const draft = await draftOf(assignmentId, studentId);
  return db().draftPaste.findMany({ where: { draftId: draft!.id }, select: { at: true, chars: true }, orderBy: [{ at: "asc" }, { chars: "asc" }] });
};

describe("paste sizes on a save", () => {
  it("are stored only when a save sends them, at the save's time, and never by a refused save", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const t = new Date(Date.now() - HOUR);
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: words(20) }, t);
    expect(await pastesOf(assignmentId, amira.id)).toEqual([]);

    const later = new Date(t.getTime() + MIN);
    saved(await saveDraft(amira, { assignmentId, baseRevision: 1, text: words(120), pastes: [12, 640], checkpoint: "paste" }, later));
    expect(await pastesOf(assignmentId, amira.id)).toEqual([
      { at: later, chars: 12 },
      { at: later, chars: 640 },
    ]);

    // A stale save (another tab moved on) is refused with the newer text: nothing stored.
    const stale = await saveDraft(amira, { assignmentId, baseRevision: 1, text: words(130), pastes: [999] }, new Date(later.getTime() + MIN));
    expect(stale.ok).toBe(false);
    expect(await pastesOf(assignmentId, amira.id)).toHaveLength(2);
  });

  it("are bounded: 10,000 of them, a negative, zero or fractional size, or one past the essay's cap is a 400 and nothing is written", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    saved(await saveDraft(amira, { assignmentId, baseRevision: 0, text: words(5) }));
    const before = await draftOf(assignmentId, amira.id);
    for (const pastes of [Array.from({ length: 10_000 }, () => 300), Array.from({ length: 21 }, () => 1), [-5], [0], [2.5], [100_001], [Number.NaN]]) {
      expect(await statusOf(saveDraft(amira, { assignmentId, baseRevision: 1, text: words(6), pastes })), `pastes ${pastes.slice(0, 3).join(",")} (${pastes.length})`).toBe(400);
    }
    const after = await draftOf(assignmentId, amira.id);
    expect({ revision: after!.revision, text: after!.text }).toEqual({ revision: before!.revision, text: before!.text });
    expect(await pastesOf(assignmentId, amira.id)).toEqual([]);

    // Twenty is the most a save carries, and they are all kept.
    saved(await saveDraft(amira, { assignmentId, baseRevision: 1, text: words(6), pastes: Array.from({ length: 20 }, (_, i) => i + 1) }));
    expect(await pastesOf(assignmentId, amira.id)).toHaveLength(20);
  });
});

describe("the writing-process summary", () => {
  it("is read from the saves' history: time writing, sessions, words per session, large pastes; the same for student and teacher", async () => {
    const { amira, teacher, assignmentId } = await makeAssignedClass();
    const save = writer(amira, assignmentId);
    const t0 = Date.now() - 3 * HOUR;
    const at = (m: number) => new Date(t0 + m * MIN);
    // Session 1: saves at minutes 0, 1, 2 (one entry), then 6 and 8 (an entry started after five minutes).
    await save(words(10), at(0));
    await save(words(30), at(1));
    await save(words(50), at(2));
    await save(words(90), at(6));
    await save(words(110), at(8));
    // Session 2, two hours later: a large paste, then typing.
    await save(words(400), at(120), [1800]);
    await save(words(405), at(121));
    await save(words(410), at(123), [14]);

    const mine = await getWritingProcess(amira, assignmentId, amira.id);
    expect(mine.sessions.map((s) => ({ start: (s.startedAt.getTime() - t0) / MIN, end: (s.endedAt.getTime() - t0) / MIN, minutes: s.writingMs / MIN, words: s.wordsAdded, pastes: s.pastes }))).toEqual([
      { start: 0, end: 8, minutes: 2 + 4 + 2, words: 110, pastes: 0 },
      { start: 120, end: 123, minutes: 0 + 1 + 2, words: 300, pastes: 2 },
    ]);
    expect(mine.writingMs).toBe(11 * MIN);
    expect(mine.largePastes).toEqual([{ at: at(120), chars: 1800 }]);
    expect(mine.pasteCount).toBe(2);
    expect(mine.growth.map((p) => p.words)).toEqual([0, 50, 110, 400, 410]);

    // A hand-in a day later is not a session of its own.
    await submitDraft(amira, { assignmentId, baseRevision: 8 }, new Date(t0 + DAY));
    expect(await getWritingProcess(amira, assignmentId, amira.id)).toEqual(mine);
    expect(await getWritingProcess(teacher, assignmentId, amira.id)).toEqual(mine);
  });

  it("keeps every session after old history is thinned to one entry an hour (the spans stay)", async () => {
    const { amira, teacher, assignmentId } = await makeAssignedClass();
    const save = writer(amira, assignmentId);
    const t0 = Date.now() - 3 * DAY;
    // Ninety minutes of steady writing three days ago, a save a minute: 18 history entries.
    for (let m = 0; m <= 90; m++) await save(words(10 + 2 * m), new Date(t0 + m * MIN));
    const before = await getWritingProcess(amira, assignmentId, amira.id);
    expect(before.sessions).toHaveLength(1);
    expect(before.writingMs).toBe(90 * MIN);

    // A save today starts an entry, which thins the old ones.
    const { id: draftId } = (await draftOf(assignmentId, amira.id))!;
    const entriesBefore = await db().draftRevision.count({ where: { draftId } });
    await save(words(200), new Date());
    expect(await db().draftRevision.count({ where: { draftId } })).toBeLessThan(entriesBefore);
    expect(await db().draftSpan.count({ where: { draftId } })).toBeGreaterThan(0);

    const after = await getWritingProcess(teacher, assignmentId, amira.id);
    expect(after.sessions).toHaveLength(2);
    expect(after.sessions[0]).toEqual(before.sessions[0]);
    // The new session is one save: no measurable time.
    expect(after.writingMs).toBe(before.writingMs);
    expect(after.sessions[1]).toMatchObject({ wordsAdded: 200 - before.sessions[0]!.wordsAtEnd, writingMs: 0 });
  });

  it("counts a long pause inside a session only up to the cap", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const save = writer(amira, assignmentId);
    const t0 = Date.now() - 2 * HOUR;
    await save(words(10), new Date(t0));
    await save(words(20), new Date(t0 + 2 * MIN));
    await save(words(30), new Date(t0 + 22 * MIN));
    await save(words(40), new Date(t0 + 23 * MIN));
    const summary = await getWritingProcess(amira, assignmentId, amira.id);
    expect(summary.sessions).toHaveLength(1);
    expect(summary.writingMs).toBe(2 * MIN + PAUSE_CAP_MS + 1 * MIN);
  });

  it("is empty before anything is saved", async () => {
    const { amira, teacher, assignmentId } = await makeAssignedClass();
    const empty = { writingMs: 0, sessions: [], largePastes: [], pasteCount: 0, pastedChars: 0, growth: [] };
    expect(await getWritingProcess(amira, assignmentId, amira.id)).toEqual(empty);
    expect(await getWritingProcess(teacher, assignmentId, amira.id)).toEqual(empty);
  });

  it("is for the student themself and the class's teacher only: anyone else gets a 404", async () => {
    const { amira, ben, teacher, assignmentId } = await makeAssignedClass();
    const outsiders = await makeOutsiders();
    saved(await saveDraft(amira, { assignmentId, baseRevision: 0, text: words(5), pastes: [300] }));
    expect((await getWritingProcess(amira, assignmentId, amira.id)).pasteCount).toBe(1);
    expect((await getWritingProcess(teacher, assignmentId, amira.id)).pasteCount).toBe(1);
    // A classmate, a student of another class, another teacher; and the teacher asking about
    // a student who is not in the class.
    expect(await statusOf(getWritingProcess(ben, assignmentId, amira.id))).toBe(404);
    expect(await statusOf(getWritingProcess(outsiders.student, assignmentId, amira.id))).toBe(404);
    expect(await statusOf(getWritingProcess(outsiders.teacher, assignmentId, amira.id))).toBe(404);
    expect(await statusOf(getWritingProcess(teacher, assignmentId, outsiders.student.id))).toBe(404);
    expect(await statusOf(getWritingProcess(amira, "no-such-assignment", amira.id))).toBe(404);
  });

  it("costs a fixed handful of statements however long the history is", async () => {
    const { amira, teacher, assignmentId } = await makeAssignedClass();
    const save = writer(amira, assignmentId);
    const t0 = Date.now() - 3 * DAY;
    for (let m = 0; m <= 120; m += 3) await save(words(10 + m), new Date(t0 + m * MIN), m % 30 === 0 ? [250] : undefined);
    await save(words(200), new Date());
    const count = async (run: () => Promise<unknown>) => {
      const query = vi.spyOn(pg.Client.prototype, "query");
      try {
        await run();
        return query.mock.calls.length;
      } finally {
        query.mockRestore();
      }
    };
    const student = await count(() => getWritingProcess(amira, assignmentId, amira.id));
    const teacherCount = await count(() => getWritingProcess(teacher, assignmentId, amira.id));
    // The access check (policy.ts) and one statement for the summary.
    expect(student).toBeLessThanOrEqual(5);
    expect(teacherCount).toBeLessThanOrEqual(6);
  });
});
