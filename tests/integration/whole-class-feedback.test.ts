import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addToCommentBank } from "@/lib/marking/comment-bank";
import { getOwnFeedback } from "@/lib/marking/feedback";
import { getWholeClassFeedback, publishWholeClassFeedback, saveWholeClassFeedback, type SaveWholeClassResult } from "@/lib/whole-class-feedback/whole-class";
import { addCoTeacher, makeTeacher } from "../factories";
import { ESSAY, annotate, makeMarkedClass, returnMarking, submitEssay } from "./marking-fixtures";
import { makeOutsiders } from "./work-fixtures";

// Whole-class feedback (decision 032): drafted from the class's marks and annotations, saved
// with compare-and-swap, published to the class's students with their own feedback.

const BEN_ESSAY = ESSAY.replace("In conclusion", "Overall, as Amira Khan also argued,");

async function markedTwice() {
  const world = await makeMarkedClass();
  const { teacher, ben, assignmentId, work } = world;
  await submitEssay(ben, assignmentId, BEN_ESSAY);
  const benWork = { ...work, studentId: ben.id };
  await addToCommentBank(teacher, { text: "Weigh the factors against each other.", criterionId: "overall", kind: "TARGET" });
  await annotate(teacher, work, ESSAY, "to a large extent", { comment: "Weigh the factors against each other." });
  await annotate(teacher, benWork, BEN_ESSAY, "The Virgin Lands scheme", { comment: "weigh the factors against each other" });
  await annotate(teacher, benWork, BEN_ESSAY, "as Amira Khan also argued", { kind: "STRENGTH", comment: "Engages with another view." });
  await annotate(teacher, work, ESSAY, "The Secret Speech of February 1956", { kind: "STRENGTH", comment: "Precise evidence." });
  await returnMarking(teacher, work);
  await returnMarking(teacher, benWork, { awards: [{ criterionId: "overall", level: 4, mark: 18 }] });
  return { ...world, benWork };
}

const saved = (r: SaveWholeClassResult) => {
  if (!r.ok) expect.fail(`expected the save to succeed, got a conflict at revision ${r.conflict.revision}`);
  return r.feedback;
};

describe("whole-class feedback", () => {
  it("drafts from the marks and annotations, with level counts, common targets, anonymised quotes and the bank comments used", async () => {
    const { teacher, assignmentId } = await markedTwice();
    const page = await getWholeClassFeedback(teacher, assignmentId);
    expect(page.stored).toBeNull();
    expect(page.summary.marked).toBe(2);
    const overall = page.summary.criteria[0]!;
    expect(overall.distribution.filter((d) => d.count)).toEqual([
      { level: 3, count: 1 },
      { level: 4, count: 1 },
    ]);
    expect(overall.targets[0]).toMatchObject({ comment: "Weigh the factors against each other.", essays: 2 });
    expect(overall.strengths).toEqual([
      { comment: "Engages with another view.", essays: 1, quotes: ["as [name] [name] also argued"] },
      { comment: "Precise evidence.", essays: 1, quotes: ["The Secret Speech of February 1956"] },
    ]);
    expect(page.summary.bankUses).toEqual([expect.objectContaining({ text: "Weigh the factors against each other.", uses: 2 })]);
    expect(page.draft.criteria[0]!.targets).toContain("Weigh the factors against each other. (2 essays)");
    // Ben's quoted passage named a classmate: the name is gone from the draft.
    expect(JSON.stringify(page.draft)).not.toMatch(/Amira|Khan|Ben|Carter/);
  });

  it("saves with compare-and-swap: a stale save is refused, gets the newer text back and writes nothing", async () => {
    const { teacher, classroom, assignmentId } = await markedTwice();
    const colleague = await makeTeacher({ name: "Mr Co Teacher" });
    await addCoTeacher(classroom.id, colleague);
    const { draft } = await getWholeClassFeedback(teacher, assignmentId);

    const first = saved(await saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, content: { ...draft, intro: "Mine." } }));
    expect(first).toMatchObject({ revision: 1, publishedAt: null, editedByName: "Ms Rosa Hughes", content: { intro: "Mine." } });
    const stale = await saveWholeClassFeedback(colleague, { assignmentId, baseRevision: 0, content: { ...draft, intro: "Theirs." } });
    expect(stale).toMatchObject({ ok: false, conflict: { revision: 1, content: { intro: "Mine." } } });
    const second = saved(await saveWholeClassFeedback(colleague, { assignmentId, baseRevision: 1, content: { ...draft, intro: "Theirs, on purpose." } }));
    expect(second).toMatchObject({ revision: 2, editedByName: "Mr Co Teacher" });
    expect(await saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 1, content: { ...draft, intro: "Late." } })).toMatchObject({ ok: false, conflict: { revision: 2 } });
    expect((await getWholeClassFeedback(teacher, assignmentId)).stored).toMatchObject({ revision: 2, content: { intro: "Theirs, on purpose." } });
  });

  it("refuses bad input with a 4xx and writes nothing", async () => {
    const { teacher, assignmentId } = await markedTwice();
    const { draft } = await getWholeClassFeedback(teacher, assignmentId);
    await expect(saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, content: { ...draft, criteria: [{ criterionId: "made-up", strengths: "", targets: "" }] } })).rejects.toMatchObject({ status: 422 });
    await expect(saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, content: { ...draft, intro: "x".repeat(4001) } })).rejects.toThrow(/4,000/);
    await expect(publishWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, publish: true })).rejects.toMatchObject({ status: 409 });
    const empty = saved(await saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, content: { intro: "", comments: "", criteria: [] } }));
    await expect(publishWholeClassFeedback(teacher, { assignmentId, baseRevision: empty.revision, publish: true })).rejects.toMatchObject({ status: 422 });
    expect(await db().wholeClassFeedback.count({ where: { assignmentId, publishedAt: { not: null } } })).toBe(0);
  });

  it("students see it with their own feedback once published; not before, and not before their own is returned", async () => {
    const { teacher, amira, ben, assignmentId } = await markedTwice();
    const outsiders = await makeOutsiders();
    const { draft } = await getWholeClassFeedback(teacher, assignmentId);
    const one = saved(await saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, content: { ...draft, intro: "To 12H: a strong set." } }));
    expect((await getOwnFeedback(amira, assignmentId)).wholeClass).toBeNull();

    const published = saved(await publishWholeClassFeedback(teacher, { assignmentId, baseRevision: one.revision, publish: true }));
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect((await getOwnFeedback(amira, assignmentId)).wholeClass).toMatchObject({ content: { intro: "To 12H: a strong set." } });
    expect((await getOwnFeedback(ben, assignmentId)).wholeClass).toMatchObject({ content: { intro: "To 12H: a strong set." } });

    // A classmate whose essay is not yet returned does not get it yet.
    const [chloe] = await Promise.all([db().user.create({ data: { name: "Chloe Dunn", email: `chloe-${Date.now()}@example.test`, role: "STUDENT", passwordHash: "x" }, select: { id: true, name: true, email: true, role: true } })]);
    await db().enrolment.create({ data: { classroomId: (await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).classroomId, studentId: chloe.id } });
    expect((await getOwnFeedback(chloe, assignmentId)).wholeClass).toBeNull();
    await expect(getOwnFeedback(outsiders.student, assignmentId)).rejects.toMatchObject({ status: 404 });

    // Edits after publishing reach the students; unpublishing takes it away.
    const edited = saved(await saveWholeClassFeedback(teacher, { assignmentId, baseRevision: published.revision, content: { ...draft, intro: "Edited." } }));
    expect((await getOwnFeedback(amira, assignmentId)).wholeClass).toMatchObject({ content: { intro: "Edited." } });
    saved(await publishWholeClassFeedback(teacher, { assignmentId, baseRevision: edited.revision, publish: false }));
    expect((await getOwnFeedback(amira, assignmentId)).wholeClass).toBeNull();
  });

  it("only the class's teachers may read, save or publish it", async () => {
    const { amira, assignmentId } = await markedTwice();
    const outsiders = await makeOutsiders();
    const content = { intro: "Not yours.", comments: "", criteria: [] };
    for (const who of [outsiders.teacher, amira, outsiders.student]) {
      await expect(getWholeClassFeedback(who, assignmentId)).rejects.toMatchObject({ status: 404 });
      await expect(saveWholeClassFeedback(who, { assignmentId, baseRevision: 0, content })).rejects.toMatchObject({ status: 404 });
      await expect(publishWholeClassFeedback(who, { assignmentId, baseRevision: 0, publish: true })).rejects.toMatchObject({ status: 404 });
    }
    expect(await db().wholeClassFeedback.count({ where: { assignmentId } })).toBe(0);
  });
});
