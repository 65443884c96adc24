import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveDraft, type SaveResult } from "@/lib/drafts/drafts";
import { getRevisionText, listRevisions, restoreRevision } from "@/lib/drafts/history";
import { thinRevisions, type RevisionReason } from "@/lib/drafts/history-policy";
import { thinHistory } from "@/lib/drafts/internal/history-store";
import type { SessionUser } from "@/lib/auth/sessions";
import { draftOf, makeAssignedClass, makeOutsiders } from "./work-fixtures";

// History is driven by the time each save says it is (`now`), so hours and days of writing
// take no time here. Entries are compared newest first, as the student sees them.

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const words = (n: number, word = "Khrushchev") => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

function saved(result: SaveResult) {
  if (!result.ok) expect.fail(`expected the save to succeed, got a conflict at revision ${result.conflict.revision}`);
  return result.draft;
}

/** A student writing in one tab: each save is based on the last. */
async function writer(user: SessionUser, assignmentId: string) {
  let revision = 0;
  return {
    save: async (text: string, now: Date, checkpoint?: "outline" | "paste") => {
      revision = saved(await saveDraft(user, { assignmentId, baseRevision: revision, text, checkpoint }, now)).revision;
    },
    restore: async (revisionId: string, now: Date) => {
      revision = saved(await restoreRevision(user, { assignmentId, revisionId, baseRevision: revision }, now)).revision;
    },
    get revision() {
      return revision;
    },
  };
}

const fullTexts = async (user: SessionUser, assignmentId: string) =>
  Promise.all((await listRevisions(user, assignmentId)).map(async (r) => [r.reason, (await getRevisionText(user, { assignmentId, revisionId: r.id })).text]));

describe("history entries", () => {
  it("steady work leaves an entry every few minutes, timed from each entry's start", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const amiraWrites = await writer(amira, assignmentId);
    const start = Date.now() - 2 * HOUR;
    // A save a minute for 22 minutes, each a few words longer.
    for (let m = 0; m <= 22; m++) await amiraWrites.save(words(10 + 3 * m), new Date(start + m * MIN));

    const history = await listRevisions(amira, assignmentId);
    expect(history.map((r) => [r.reason, r.wordCount, (r.startedAt.getTime() - start) / MIN, (r.endedAt.getTime() - start) / MIN])).toEqual([
      ["AUTOSAVE", 76, 20, 22],
      ["AUTOSAVE", 67, 15, 19],
      ["AUTOSAVE", 52, 10, 14],
      ["AUTOSAVE", 37, 5, 9],
      ["AUTOSAVE", 22, 0, 4],
    ]);
    // The newest entry is the draft as saved.
    expect((await getRevisionText(amira, { assignmentId, revisionId: history[0]!.id })).text).toBe((await draftOf(assignmentId, amira.id))!.text);
  });

  it("'select all, type' and an inserted outline each leave the text before them restorable", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const amiraWrites = await writer(amira, assignmentId);
    const t = Date.now() - HOUR;
    const intro = "Khrushchev's reforms changed the USSR to a limited extent.";
    const outline = `${intro}\n\nParagraph 1: [the Secret Speech]\nParagraph 2: [the Virgin Lands]\nConclusion: [how far?]`;
    await amiraWrites.save(intro, new Date(t));
    await amiraWrites.save(outline, new Date(t + 20_000), "outline");
    // Typing straight after the outline starts its own entry: the outline's entry stays exactly the outline.
    await amiraWrites.save(`${outline} More.`, new Date(t + 40_000));
    await amiraWrites.save("Start", new Date(t + 60_000));
    await amiraWrites.save("Starting again from scratch", new Date(t + 70_000));
    const pasted = `Starting again from scratch ${words(200, "pasted")}`;
    await amiraWrites.save(pasted, new Date(t + 80_000), "paste");

    expect(await fullTexts(amira, assignmentId)).toEqual([
      ["PASTE", pasted],
      ["AUTOSAVE", "Starting again from scratch"],
      ["CUT", "Start"],
      ["AUTOSAVE", `${outline} More.`],
      ["OUTLINE", outline],
      ["AUTOSAVE", intro],
    ]);
    expect((await listRevisions(amira, assignmentId))[4]).toMatchObject({ reason: "OUTLINE", preview: outline.replace(/\s+/g, " ") });
  });

  it("the list sends previews; the full text comes on demand, only to its author", async () => {
    const { teacher, amira, ben, assignmentId } = await makeAssignedClass();
    const long = words(300);
    await (await writer(amira, assignmentId)).save(long, new Date());
    const [entry] = await listRevisions(amira, assignmentId);
    expect(entry!.preview.length).toBeLessThanOrEqual(161);
    expect(entry).not.toHaveProperty("text");
    expect(await getRevisionText(amira, { assignmentId, revisionId: entry!.id })).toMatchObject({ text: long, wordCount: 300 });

    await expect(getRevisionText(ben, { assignmentId, revisionId: entry!.id })).rejects.toMatchObject({ status: 404 });
    await expect(getRevisionText(teacher, { assignmentId, revisionId: entry!.id })).rejects.toMatchObject({ status: 403 });
    await expect(getRevisionText((await makeOutsiders()).student, { assignmentId, revisionId: entry!.id })).rejects.toMatchObject({ status: 404 });
  });
});

describe("restoring", () => {
  it("keeps the text it replaces, even when that text only ever lived in a growing entry", async () => {
    const { amira, ben, assignmentId } = await makeAssignedClass();
    const amiraWrites = await writer(amira, assignmentId);
    const t = Date.now() - HOUR;
    await amiraWrites.save("First version: the Secret Speech", new Date(t));
    await amiraWrites.save("Second version", new Date(t + 10 * MIN));
    await amiraWrites.save("Second version, grown", new Date(t + 11 * MIN));
    const first = (await listRevisions(amira, assignmentId))[1]!;

    // A stale tab cannot restore over newer text, and nothing changes.
    const stale = await restoreRevision(amira, { assignmentId, revisionId: first.id, baseRevision: 1 });
    expect(stale).toMatchObject({ ok: false, conflict: { revision: 3, text: "Second version, grown" } });
    expect(await db().draftRevision.count({ where: { draft: { studentId: amira.id } } })).toBe(2);

    await amiraWrites.restore(first.id, new Date(t + 12 * MIN));
    expect((await draftOf(assignmentId, amira.id))!).toMatchObject({ text: "First version: the Secret Speech", revision: 4 });
    // An autosave right after a restore starts its own entry rather than rewriting the restore.
    await amiraWrites.save("First version: the Secret Speech, continued", new Date(t + 12.5 * MIN));
    expect(await fullTexts(amira, assignmentId)).toEqual([
      ["AUTOSAVE", "First version: the Secret Speech, continued"],
      ["RESTORE", "First version: the Secret Speech"],
      ["AUTOSAVE", "Second version, grown"],
      ["AUTOSAVE", "First version: the Secret Speech"],
    ]);

    // Another student's history is not theirs to restore.
    await expect(restoreRevision(ben, { assignmentId, revisionId: first.id, baseRevision: 0 })).rejects.toMatchObject({ status: 404 });
    expect(await draftOf(assignmentId, ben.id)).toBeNull();
  });

  it("keeps the text on screen even if history never recorded it", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const amiraWrites = await writer(amira, assignmentId);
    await amiraWrites.save("Recorded text", new Date(Date.now() - HOUR));
    const [recorded] = await listRevisions(amira, assignmentId);
    // A draft written before history was kept, say.
    await db().draft.update({ where: { assignmentId_studentId: { assignmentId, studentId: amira.id } }, data: { text: "Unrecorded text", wordCount: 2 } });

    await amiraWrites.restore(recorded!.id, new Date());
    expect(await fullTexts(amira, assignmentId)).toEqual([
      ["RESTORE", "Recorded text"],
      ["AUTOSAVE", "Unrecorded text"],
      ["AUTOSAVE", "Recorded text"],
    ]);
  });
});

describe("thinning", () => {
  const idsOf = async (draftId: string) => (await db().draftRevision.findMany({ where: { draftId }, select: { id: true } })).map((r) => r.id).sort();

  it("after a day keeps one autosave an hour, and every restore, submission, checkpoint, replaced text and the newest entry", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const amiraWrites = await writer(amira, assignmentId);
    const day1 = Date.now() - 3 * DAY - (Date.now() % HOUR); // on the hour, three days ago
    let text = words(20);
    const write = async (minute: number, next = `${text} more`, checkpoint?: "outline") => {
      text = next;
      await amiraWrites.save(text, new Date(day1 + minute * MIN), checkpoint);
    };
    // Hour 0: four plain entries, six minutes apart.
    for (const m of [0, 6, 12, 18]) await write(m);
    // Hour 1: an entry, then its text is cut, then two more entries.
    await write(60);
    await write(66, "Cut down");
    for (const m of [72, 78]) await write(m);
    // Hour 2: an entry replaced by a restore of the hour-0 opening, then an outline.
    await write(120);
    const opening = (await listRevisions(amira, assignmentId)).at(-1)!;
    await amiraWrites.restore(opening.id, new Date(day1 + 125 * MIN));
    text = (await getRevisionText(amira, { assignmentId, revisionId: opening.id })).text;
    await write(130, `${text}\nOutline: [factor one]`, "outline");
    await write(136);
    // A submission entry (its row only: thinning reads reasons and times) in hour 3.
    const { id: draftId } = (await draftOf(assignmentId, amira.id))!;
    await db().draftRevision.create({ data: { draftId, text, wordCount: 30, reason: "SUBMIT", createdAt: new Date(day1 + 185 * MIN), updatedAt: new Date(day1 + 185 * MIN) } });
    await write(190);
    await write(196);

    const before = await db().draftRevision.findMany({ where: { draftId }, select: { id: true, reason: true, createdAt: true } });
    const minuteOf = (id: string) => (before.find((e) => e.id === id)!.createdAt.getTime() - day1) / MIN;
    const expectedGone = thinRevisions(before, new Date()).map(minuteOf).sort((a, b) => a - b);
    // Hour 0 keeps minute 18; hour 1 keeps the text before the cut (60), the cut (66) and 78;
    // hour 2 keeps the replaced text (120), the restore, the outline and 136; hour 3 keeps the
    // submission and 196, the newest.
    expect(expectedGone).toEqual([0, 6, 12, 72, 190]);

    // A new entry today thins the old ones.
    await amiraWrites.save(`${text} written today`, new Date());
    const after = await db().draftRevision.findMany({ where: { draftId }, select: { id: true, reason: true, createdAt: true }, orderBy: { createdAt: "asc" } });
    expect(after.slice(0, -1).map((e) => [minuteOf(e.id), e.reason])).toEqual([
      [18, "AUTOSAVE"],
      [60, "AUTOSAVE"],
      [66, "CUT"],
      [78, "AUTOSAVE"],
      [120, "AUTOSAVE"],
      [125, "RESTORE"],
      [130, "OUTLINE"],
      [136, "AUTOSAVE"],
      [185, "SUBMIT"],
      [196, "AUTOSAVE"],
    ]);
    // Idempotent: running it again removes nothing.
    expect(await db().$transaction((tx) => thinHistory(tx, draftId, new Date()))).toBe(0);
  });

  it("the single DELETE removes exactly what the pure rule names, on a random history", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await (await writer(amira, assignmentId)).save("Begun", new Date(Date.now() - 5 * DAY));
    const { id: draftId } = (await draftOf(assignmentId, amira.id))!;
    // A small deterministic generator, so a failure can be replayed.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const reasons: RevisionReason[] = ["AUTOSAVE", "AUTOSAVE", "AUTOSAVE", "AUTOSAVE", "RESTORE", "SUBMIT", "OUTLINE", "PASTE", "CUT"];
    let at = Date.now() - 4 * DAY;
    const rows = Array.from({ length: 300 }, () => {
      at += Math.floor(random() * 40 * MIN);
      return { draftId, text: "x", wordCount: 1, reason: reasons[Math.floor(random() * reasons.length)]!, createdAt: new Date(at), updatedAt: new Date(at) };
    });
    await db().draftRevision.createMany({ data: rows });
    const all = await db().draftRevision.findMany({ where: { draftId }, select: { id: true, reason: true, createdAt: true } });
    const now = new Date(at + HOUR);
    const gone = new Set(thinRevisions(all, now));
    expect(gone.size).toBeGreaterThan(20);

    const deleted = await db().$transaction((tx) => thinHistory(tx, draftId, now));
    expect(deleted).toBe(gone.size);
    expect(await idsOf(draftId)).toEqual(all.map((e) => e.id).filter((id) => !gone.has(id)).sort());
  });
});
