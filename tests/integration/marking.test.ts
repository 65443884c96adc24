import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CONTEXT_LENGTH } from "@/lib/annotations/anchor";
import { saveDraft } from "@/lib/drafts/drafts";
import { addAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/marking/annotations";
import { addToCommentBank, deleteFromCommentBank, listCommentBank } from "@/lib/marking/comment-bank";
import { getMarkingDesk } from "@/lib/marking/desk";
import { saveMarking, type MarkingView, type SaveMarkingResult } from "@/lib/marking/markings";
import type { SaveMarkingInput } from "@/lib/marking/schemas";
import type { SessionUser } from "@/lib/auth/sessions";
import { makeOutsiders } from "./work-fixtures";
import {
  ESSAY,
  HOLISTIC,
  REDRAFT,
  STRANDS,
  SUMMED,
  annotate,
  makeMarkedClass,
  rangeOf,
  redraftAndResubmit,
  returnMarking,
  savedMarking,
  submitEssay,
  type Work,
} from "./marking-fixtures";

type Draft = Omit<SaveMarkingInput, "assignmentId" | "studentId" | "submissionNumber">;
const mark = (user: SessionUser, work: Work, marking: Draft, options?: { returning?: boolean }) => saveMarking(user, { ...work, ...marking }, options);

function conflicted(result: SaveMarkingResult): MarkingView {
  if (result.ok) expect.fail(`expected a conflict, but the save succeeded at revision ${result.marking.revision}`);
  return result.conflict;
}

const storedMarking = (work: Work) =>
  db().marking.findFirst({ where: { submission: { number: work.submissionNumber, draft: { assignmentId: work.assignmentId, studentId: work.studentId } } } });

const NOT_FOUND = { status: 404, message: expect.stringContaining("could not be found") };

describe("annotating a submitted essay", () => {
  it("stores the anchor computed from the submitted text and shows where it sits", async () => {
    const { teacher, work } = await makeMarkedClass();
    const quote = "Secret Speech of February 1956";
    const { start, end } = rangeOf(ESSAY, quote);
    const view = await annotate(teacher, work, ESSAY, quote, { kind: "STRENGTH", comment: "  Precise dating.  " });
    expect(view).toMatchObject({
      exact: quote,
      prefix: ESSAY.slice(start - CONTEXT_LENGTH, start),
      suffix: ESSAY.slice(end, end + CONTEXT_LENGTH),
      start,
      end,
      location: { start, end },
      comment: "Precise dating.",
      criterionId: "overall",
      kind: "STRENGTH",
      targetStatus: null,
      madeOn: 1,
      authorName: "Ms Rosa Hughes",
    });
    expect(view.prefix).toHaveLength(CONTEXT_LENGTH);
    const row = await db().annotation.findUniqueOrThrow({ where: { id: view.id } });
    expect(row).toMatchObject({ exact: quote, prefix: view.prefix, suffix: view.suffix, start, end, authorId: teacher.id, kind: "STRENGTH", status: "OPEN" });
    expect(ESSAY.slice(row.start, row.end)).toBe(row.exact);

    // At the very start of the essay there is no prefix; a target starts open.
    const first = await annotate(teacher, work, ESSAY, "Khrushchev's rise to power");
    expect(first).toMatchObject({ prefix: "", start: 0, end: 26, suffix: ESSAY.slice(26, 26 + CONTEXT_LENGTH), location: { start: 0, end: 26 }, targetStatus: "open" });
    // …and at the very end, no suffix.
    const last = await annotate(teacher, work, ESSAY, "he inherited survived.");
    expect(last).toMatchObject({ suffix: "", end: ESSAY.length, location: { start: ESSAY.length - 22, end: ESSAY.length } });
  });

  it("refuses essays not handed in, versions that do not exist, and selections that are not a passage of the text", async () => {
    const { teacher, ben, assignmentId, work } = await makeMarkedClass();
    const base = { comment: "Explain this.", criterionId: "overall", kind: "TARGET" as const };
    const at = (start: number, end: number, extras: Partial<typeof base> = {}) => addAnnotation(teacher, { ...work, ...base, ...extras, start, end });

    // Ben has written but not handed in: there is no version 1 to annotate.
    const written = await saveDraft(ben, { assignmentId, baseRevision: 0, text: "Ben's unfinished essay." });
    expect(written.ok).toBe(true);
    await expect(addAnnotation(teacher, { ...work, ...base, studentId: ben.id, start: 0, end: 3 })).rejects.toMatchObject({
      status: 404,
      message: "That version of the essay could not be found.",
    });
    await expect(addAnnotation(teacher, { ...work, ...base, submissionNumber: 2, start: 0, end: 3 })).rejects.toMatchObject(NOT_FOUND);

    for (const [start, end] of [
      [ESSAY.length - 5, ESSAY.length + 1],
      [ESSAY.length + 10, ESSAY.length + 20],
      [10, 10],
      [20, 10],
    ] as const) {
      await expect(at(start, end), `${start}–${end}`).rejects.toMatchObject({ status: 422, message: expect.stringContaining("not a passage of this essay") });
    }
    const gap = ESSAY.indexOf("\n\n");
    await expect(at(gap, gap + 2)).rejects.toMatchObject({ status: 422, message: "Select some words, not just spaces." });
    const space = ESSAY.indexOf(" ");
    await expect(at(space, space + 1)).rejects.toMatchObject({ status: 422 });

    // "judgement" is a criterion of the strands rubric, not of this holistic one.
    const wrong = at(0, 10, { criterionId: "judgement" }).catch((e: unknown) => e);
    expect(await wrong).toMatchObject({ status: 422, fieldErrors: { criterionId: [expect.stringContaining('"judgement"')] } });
    expect(await db().annotation.count()).toBe(0);
    expect(await db().commentBankEntry.count()).toBe(0);

    expect((await at(0, 10)).exact).toBe(ESSAY.slice(0, 10));
    expect(await db().annotation.count()).toBe(1);
  });

  it("a selection that splits an emoji is refused as not a passage (or snapped to whole characters), never a database error", async () => {
    // An emoji is two UTF-16 code units. A range starting or ending between them would store
    // half an emoji in `exact`, which cannot be written to the database.
    const text = "In 1956 🙂 Khrushchev denounced Stalin in a secret speech to the party congress.";
    const { teacher, amira, assignmentId, work } = await makeMarkedClass({ essay: text });
    const emoji = text.indexOf("🙂");
    const stalin = rangeOf(text, "Stalin");
    for (const [start, end] of [
      [emoji + 1, stalin.end],
      [0, emoji + 1],
    ] as const) {
      const outcome = await addAnnotation(teacher, { ...work, start, end, comment: "Explain.", criterionId: "overall", kind: "TARGET" }).catch((e: unknown) => e);
      if (outcome instanceof Error) {
        expect(outcome, `${start}–${end}`).toMatchObject({ status: 422 });
      } else {
        const row = await db().annotation.findFirstOrThrow({ where: { id: (outcome as { id: string }).id } });
        expect(text.slice(row.start, row.end), `${start}–${end}`).toBe(row.exact);
        expect(row.exact).not.toContain("\uFFFD");
      }
    }
    // The whole emoji is a passage like any other.
    const whole = await addAnnotation(teacher, { ...work, start: emoji, end: stalin.end, comment: "Tone.", criterionId: "overall", kind: "TARGET" });
    expect(whole).toMatchObject({ exact: text.slice(emoji, stalin.end), location: { start: emoji, end: stalin.end } });
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).annotations.find((a) => a.id === whole.id)).toMatchObject({ location: { start: emoji, end: stalin.end } });
  });

  it("a teacher edits and deletes an annotation while marking, and neither once the marking is returned", async () => {
    const { teacher, work } = await makeMarkedClass();
    const kept = await annotate(teacher, work, ESSAY, "to a large extent");
    const removed = await annotate(teacher, work, ESSAY, "shocked the delegates");

    const updated = await updateAnnotation(teacher, { annotationId: kept.id, comment: "A clear judgement.", criterionId: "overall", kind: "STRENGTH" });
    expect(updated).toMatchObject({ id: kept.id, comment: "A clear judgement.", kind: "STRENGTH", targetStatus: null, exact: "to a large extent", location: rangeOf(ESSAY, "to a large extent") });
    await expect(updateAnnotation(teacher, { annotationId: kept.id, comment: "Moved.", criterionId: "knowledge", kind: "TARGET" })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { criterionId: expect.any(Array) },
    });
    expect(await db().annotation.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ comment: "A clear judgement.", kind: "STRENGTH", criterionId: "overall" });

    await deleteAnnotation(teacher, { annotationId: removed.id });
    expect(await db().annotation.findUnique({ where: { id: removed.id } })).toBeNull();
    await expect(deleteAnnotation(teacher, { annotationId: removed.id })).rejects.toMatchObject(NOT_FOUND);
    await expect(updateAnnotation(teacher, { annotationId: removed.id, comment: "Back?", criterionId: "overall", kind: "TARGET" })).rejects.toMatchObject(NOT_FOUND);

    await returnMarking(teacher, work);
    await expect(annotate(teacher, work, ESSAY, "denounced Stalin's cult")).rejects.toMatchObject({ status: 423 });
    await expect(updateAnnotation(teacher, { annotationId: kept.id, comment: "Changed after return.", criterionId: "overall", kind: "TARGET" })).rejects.toMatchObject({ status: 423 });
    await expect(deleteAnnotation(teacher, { annotationId: kept.id })).rejects.toMatchObject({ status: 423 });
    expect(await db().annotation.findMany({ select: { id: true, comment: true } })).toEqual([{ id: kept.id, comment: "A clear judgement." }]);
  });
});

describe("comment bank", () => {
  it("saving a comment to the bank adds it once; using it verbatim counts a use; the bank lists the most used first", async () => {
    const { teacher, work } = await makeMarkedClass();
    const outsiders = await makeOutsiders();
    const explain = "Explain how this answers the question.";
    await annotate(teacher, work, ESSAY, "Virgin Lands scheme", { comment: explain, saveToBank: true });
    // Written and saved in one step: that annotation is its first use.
    expect(await listCommentBank(teacher)).toEqual([{ id: expect.any(String), text: explain, criterionId: "overall", criterionName: "Overall quality", kind: "TARGET", uses: 1 }]);
    // Saving the same comment again (spacing aside) does not duplicate it.
    await annotate(teacher, work, ESSAY, "soil erosion", { comment: `  ${explain} `, saveToBank: true });
    expect(await db().commentBankEntry.count()).toBe(1);
    expect(await addToCommentBank(teacher, { text: explain, criterionId: "overall", kind: "TARGET" })).toMatchObject({ text: explain });
    expect(await db().commentBankEntry.count()).toBe(1);
    const usesBefore = (await listCommentBank(teacher))[0]!.uses;

    // Another teacher's identical comment is theirs: this teacher's uses never touch it.
    const theirs = await addToCommentBank(outsiders.teacher, { text: explain, criterionId: "overall", kind: "TARGET" });
    const quoted = await addToCommentBank(teacher, { text: "Quote the source precisely.", criterionId: "overall", kind: "TARGET" });
    const praise = await addToCommentBank(teacher, { text: "Well-chosen evidence.", criterionId: "overall", kind: "STRENGTH" });

    // Inserted verbatim from the bank (not saved again): each use counts.
    await annotate(teacher, work, ESSAY, "grain output", { comment: explain });
    await annotate(teacher, work, ESSAY, "undid the gains", { comment: explain });
    await annotate(teacher, work, ESSAY, "February 1956", { comment: "Well-chosen evidence.", kind: "STRENGTH" });
    // Different words are not a use.
    await annotate(teacher, work, ESSAY, "the delegates", { comment: "Explain how this answers the question!" });

    const bank = await listCommentBank(teacher);
    expect(bank.map((e) => [e.text, e.uses])).toEqual([
      [explain, usesBefore + 2],
      ["Well-chosen evidence.", 1],
      ["Quote the source precisely.", 0],
    ]);
    expect(bank.map((e) => e.id)).toEqual([expect.any(String), praise.id, quoted.id]);
    expect(await listCommentBank(outsiders.teacher)).toEqual([{ ...theirs, uses: 0 }]);
  });

  it("a teacher deletes only their own saved comments", async () => {
    const { teacher, amira } = await makeMarkedClass();
    const outsiders = await makeOutsiders();
    const mine = await addToCommentBank(teacher, { text: "Link back to the question.", criterionId: "overall", kind: "TARGET" });
    const theirs = await addToCommentBank(outsiders.teacher, { text: "Link back to the question.", criterionId: "overall", kind: "TARGET" });

    await expect(deleteFromCommentBank(outsiders.teacher, { entryId: mine.id })).rejects.toMatchObject(NOT_FOUND);
    await expect(deleteFromCommentBank(amira, { entryId: mine.id })).rejects.toMatchObject({ status: 403 });
    expect(await listCommentBank(teacher)).toEqual([mine]);

    await deleteFromCommentBank(teacher, { entryId: mine.id });
    expect(await listCommentBank(teacher)).toEqual([]);
    await expect(deleteFromCommentBank(teacher, { entryId: mine.id })).rejects.toMatchObject(NOT_FOUND);
    expect(await listCommentBank(outsiders.teacher)).toEqual([theirs]);
  });
});

describe("saving a marking part-way and resuming it", () => {
  it("holistic: a marking with no award yet saves and comes back on the desk", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const first = savedMarking(await mark(teacher, work, { baseRevision: 0, awards: [], wentWell: "Strong opening." }));
    expect(first).toMatchObject({ revision: 1, status: "IN_PROGRESS", awards: [], total: null, wentWell: "Strong opening.", evenBetterIf: "", markerName: "Ms Rosa Hughes", returnedAt: null });

    const desk = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(desk.marking).toMatchObject({ revision: 1, status: "IN_PROGRESS", awards: [], total: null, wentWell: "Strong opening." });
    const resumed = savedMarking(await mark(teacher, work, { baseRevision: desk.marking.revision, awards: [{ criterionId: "overall", level: 4 }], wentWell: "Strong opening." }));
    expect(resumed).toMatchObject({ revision: 2, awards: [{ criterionId: "overall", level: 4, mark: 18 }], total: 18 });
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).marking).toMatchObject({ revision: 2, total: 18 });
  });

  it("strands: two of four strands save without a total; the desk brings them back to finish", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass({ rubricId: STRANDS });
    const partial = [
      { criterionId: "analysis", level: 3 },
      { criterionId: "knowledge", level: 4 },
    ];
    // A total given part-way cannot be checked yet; it is not kept.
    expect(savedMarking(await mark(teacher, work, { baseRevision: 0, awards: partial, total: 12 }))).toMatchObject({ revision: 1, awards: partial, total: null });

    const desk = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(desk.assignment.rubric.id).toBe(STRANDS);
    expect(desk.marking).toMatchObject({ revision: 1, awards: partial, total: null, status: "IN_PROGRESS" });
    expect(await storedMarking(work)).toMatchObject({ awards: partial, total: null, revision: 1 });

    const complete = [...desk.marking.awards, { criterionId: "judgement", level: 3 }, { criterionId: "organisation", level: 3 }];
    // Levels 3, 4, 3, 3: middle strand Level 3 (8–12), nothing below it, so the top of the band.
    expect(savedMarking(await mark(teacher, work, { baseRevision: 1, awards: complete }))).toMatchObject({ revision: 2, total: 12 });
  });

  it("refuses marks outside their band, unknown criteria and levels the rubric does not have, saving nothing", async () => {
    const holistic = await makeMarkedClass();
    const { teacher } = holistic;
    savedMarking(await mark(teacher, holistic.work, { baseRevision: 0, awards: [], wentWell: "Kept." }));

    const outside = await mark(teacher, holistic.work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 3, mark: 20 }] }).catch((e: unknown) => e);
    expect(outside).toMatchObject({ status: 422, message: expect.stringContaining("11–15"), fieldErrors: { "award.overall": [expect.stringContaining("20 is outside")] } });
    await expect(mark(teacher, holistic.work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 6 }] })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("no Level 6") });
    const unknown = await mark(teacher, holistic.work, { baseRevision: 1, awards: [{ criterionId: "nonsense", level: 2 }] }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 422, message: expect.stringContaining('"nonsense"'), fieldErrors: { "award.nonsense": expect.any(Array) } });
    await expect(
      mark(teacher, holistic.work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 2 }, { criterionId: "overall", level: 3 }] }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining("more than once") });
    expect(await storedMarking(holistic.work)).toMatchObject({ revision: 1, wentWell: "Kept.", awards: [], total: null });

    // Part-way on the summed rubric: the one award given is still checked against its band.
    const summed = await makeMarkedClass({ rubricId: SUMMED });
    const partial = await mark(summed.teacher, summed.work, { baseRevision: 0, awards: [{ criterionId: "knowledge-understanding", level: 2, mark: 9 }] }).catch((e: unknown) => e);
    expect(partial).toMatchObject({ status: 422, message: expect.stringContaining("4–6"), fieldErrors: { "award.knowledge-understanding": expect.any(Array) } });
    // Strands take levels only.
    const strands = await makeMarkedClass({ rubricId: STRANDS });
    await expect(mark(strands.teacher, strands.work, { baseRevision: 0, awards: [{ criterionId: "analysis", level: 3, mark: 10 }] })).rejects.toMatchObject({ status: 422 });
    expect(await storedMarking(summed.work)).toBeNull();
    expect(await storedMarking(strands.work)).toBeNull();
  });

  it("returning needs every criterion and a summary", async () => {
    const strands = await makeMarkedClass({ rubricId: STRANDS });
    const { teacher } = strands;
    const two = [
      { criterionId: "analysis", level: 3 },
      { criterionId: "knowledge", level: 3 },
    ];
    savedMarking(await mark(teacher, strands.work, { baseRevision: 0, awards: two, wentWell: "Good start." }));
    const incomplete = await mark(teacher, strands.work, { baseRevision: 1, awards: two, wentWell: "Good start.", evenBetterIf: "More." }, { returning: true }).catch((e: unknown) => e);
    expect(incomplete).toMatchObject({ status: 422, message: expect.stringContaining("no level yet"), fieldErrors: { "award.judgement": expect.any(Array), "award.organisation": expect.any(Array) } });

    const all = [...two, { criterionId: "judgement", level: 3 }, { criterionId: "organisation", level: 3 }];
    const unsummarised = await mark(teacher, strands.work, { baseRevision: 1, awards: all, wentWell: "  ", evenBetterIf: "" }, { returning: true }).catch((e: unknown) => e);
    expect(unsummarised).toMatchObject({ status: 422, message: expect.stringContaining("summary"), fieldErrors: { wentWell: expect.any(Array) } });
    expect(await storedMarking(strands.work)).toMatchObject({ status: "IN_PROGRESS", revision: 1, returnedAt: null, total: null });

    const holistic = await makeMarkedClass();
    await expect(mark(holistic.teacher, holistic.work, { baseRevision: 0, awards: [], wentWell: "Good." }, { returning: true })).rejects.toMatchObject({ status: 422 });
    expect(await storedMarking(holistic.work)).toBeNull();

    // One half of the summary is enough.
    const returned = savedMarking(await mark(teacher, strands.work, { baseRevision: 1, awards: all, evenBetterIf: "Weigh the factors." }, { returning: true }));
    expect(returned).toMatchObject({ status: "RETURNED", revision: 2, total: 12, returnedAt: expect.any(Date), evenBetterIf: "Weigh the factors." });
  });
});

describe("totals", () => {
  it("strands: with no total the best-fit suggestion is used; a total outside the best-fit band is refused", async () => {
    const { teacher, work } = await makeMarkedClass({ rubricId: STRANDS });
    const levels = (a: number, k: number, j: number, o: number) => [
      { criterionId: "analysis", level: a },
      { criterionId: "knowledge", level: k },
      { criterionId: "judgement", level: j },
      { criterionId: "organisation", level: o },
    ];
    // 3, 3, 3, 2: Level 3 (8–12), one level short → 8 + round(3/4 × 4) = 11.
    const suggested = savedMarking(await mark(teacher, work, { baseRevision: 0, awards: levels(3, 3, 3, 2) }));
    expect(suggested).toMatchObject({ total: 11, awards: levels(3, 3, 3, 2) });
    expect(suggested.awards.every((a) => a.mark === undefined)).toBe(true);

    const outside = await mark(teacher, work, { baseRevision: 1, awards: levels(3, 3, 3, 2), total: 13 }).catch((e: unknown) => e);
    expect(outside).toMatchObject({ status: 422, message: expect.stringContaining("8–12"), fieldErrors: { total: expect.any(Array) } });
    await expect(mark(teacher, work, { baseRevision: 1, awards: levels(3, 3, 3, 2), total: 7 })).rejects.toMatchObject({ status: 422 });
    expect(await storedMarking(work)).toMatchObject({ total: 11, revision: 1 });

    // The teacher may settle anywhere inside the band.
    expect(savedMarking(await mark(teacher, work, { baseRevision: 1, awards: levels(3, 3, 3, 2), total: 8 }))).toMatchObject({ total: 8, revision: 2 });
    // 2, 2, 3, 3: Level 2 (4–7); strands above cannot push past its top.
    expect(savedMarking(await mark(teacher, work, { baseRevision: 2, awards: levels(2, 2, 3, 3) }))).toMatchObject({ total: 7, revision: 3 });
  });

  it("summed: the total is the sum of the criteria's marks (mid-band where none is given)", async () => {
    const { teacher, work } = await makeMarkedClass({ rubricId: SUMMED });
    const awards = [
      { criterionId: "knowledge-understanding", level: 4, mark: 11 },
      { criterionId: "analysis-judgement", level: 3 },
    ];
    const saved = savedMarking(await mark(teacher, work, { baseRevision: 0, awards }));
    // Analysis and judgement Level 3 is 7–9: mid-band 8. 11 + 8 = 19.
    expect(saved).toMatchObject({ total: 19, awards: [awards[0], { criterionId: "analysis-judgement", level: 3, mark: 8 }] });
    const wrong = await mark(teacher, work, { baseRevision: 1, awards, total: 20 }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 422, message: expect.stringContaining("add up to 19") });
    expect(savedMarking(await mark(teacher, work, { baseRevision: 1, awards, total: 19 }))).toMatchObject({ total: 19, revision: 2 });
  });

  it("holistic: the award's mark is the total", async () => {
    const { teacher, work } = await makeMarkedClass();
    const withTotal = savedMarking(await mark(teacher, work, { baseRevision: 0, awards: [{ criterionId: "overall", level: 3 }], total: 14 }));
    expect(withTotal).toMatchObject({ total: 14, awards: [{ criterionId: "overall", level: 3, mark: 14 }] });
    const withMark = savedMarking(await mark(teacher, work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 3, mark: 12 }] }));
    expect(withMark).toMatchObject({ total: 12, awards: [{ criterionId: "overall", level: 3, mark: 12 }] });
    const neither = savedMarking(await mark(teacher, work, { baseRevision: 2, awards: [{ criterionId: "overall", level: 3 }] }));
    expect(neither).toMatchObject({ total: 13, awards: [{ criterionId: "overall", level: 3, mark: 13 }] });

    await expect(mark(teacher, work, { baseRevision: 3, awards: [{ criterionId: "overall", level: 3, mark: 12 }], total: 14 })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("does not match") });
    await expect(mark(teacher, work, { baseRevision: 3, awards: [{ criterionId: "overall", level: 3 }], total: 16 })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("11–15") });
    expect(await storedMarking(work)).toMatchObject({ total: 13, revision: 3 });
  });
});

describe("marking with more than one tab or teacher (compare-and-swap)", () => {
  it("of two saves from the same revision the second gets the first's marking; a retry on that revision succeeds", async () => {
    const { teacher, work } = await makeMarkedClass();
    savedMarking(await mark(teacher, work, { baseRevision: 0, awards: [] }));

    const first = savedMarking(await mark(teacher, work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 4, mark: 17 }], wentWell: "Laptop: sustained analysis." }));
    expect(first.revision).toBe(2);
    const conflict = conflicted(await mark(teacher, work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 2 }], wentWell: "Tablet: some analysis." }));
    expect(conflict).toMatchObject({ revision: 2, status: "IN_PROGRESS", total: 17, awards: [{ criterionId: "overall", level: 4, mark: 17 }], wentWell: "Laptop: sustained analysis." });
    expect(await storedMarking(work)).toMatchObject({ revision: 2, wentWell: "Laptop: sustained analysis.", total: 17 });

    const merged = `${conflict.wentWell} Tablet: some analysis.`;
    const retried = savedMarking(await mark(teacher, work, { baseRevision: conflict.revision, awards: conflict.awards, wentWell: merged }));
    expect(retried).toMatchObject({ revision: 3, wentWell: merged, total: 17 });
    expect(await storedMarking(work)).toMatchObject({ revision: 3, wentWell: merged });

    // A first save from a tab that never saw any marking is a conflict too.
    const fresh = await makeMarkedClass();
    savedMarking(await mark(fresh.teacher, fresh.work, { baseRevision: 0, awards: [], wentWell: "First." }));
    expect(conflicted(await mark(fresh.teacher, fresh.work, { baseRevision: 0, awards: [], wentWell: "Second." }))).toMatchObject({ revision: 1, wentWell: "First." });
  });

  it("two first saves at once: exactly one is kept, the other gets it back", async () => {
    const { teacher, ben, assignmentId, work } = await makeMarkedClass();
    await submitEssay(ben, assignmentId, "Ben's essay on Khrushchev and the Virgin Lands.");
    // Timing decides the winner, so race on both students' essays.
    for (const essay of [work, { ...work, studentId: ben.id }]) {
      const comments = ["Tab A: clear argument.", "Tab B: precise evidence."];
      const results = await Promise.all(comments.map((wentWell) => mark(teacher, essay, { baseRevision: 0, awards: [], wentWell })));
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.marking;
      const conflict = conflicted(results.find((r) => !r.ok)!);
      expect(winner.revision).toBe(1);
      expect(conflict).toMatchObject({ revision: 1, wentWell: winner.wentWell });
      expect(await storedMarking(essay)).toMatchObject({ revision: 1, wentWell: winner.wentWell });
    }
    expect(await db().marking.count()).toBe(2);
  });

  it("a save after the marking is returned is a conflict showing it returned, and changes nothing", async () => {
    const { teacher, work } = await makeMarkedClass();
    const returned = await returnMarking(teacher, work);
    expect(returned).toMatchObject({ status: "RETURNED", revision: 1, total: 13 });

    const late = conflicted(await mark(teacher, work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 5 }], wentWell: "Changed my mind." }));
    expect(late).toMatchObject({ status: "RETURNED", revision: 1, total: 13, wentWell: returned.wentWell, returnedAt: returned.returnedAt });
    const again = conflicted(
      await mark(teacher, work, { baseRevision: 1, awards: [{ criterionId: "overall", level: 5 }], wentWell: "Returned twice." }, { returning: true }),
    );
    expect(again).toMatchObject({ status: "RETURNED", revision: 1, total: 13 });
    expect(await storedMarking(work)).toMatchObject({ status: "RETURNED", revision: 1, total: 13, wentWell: returned.wentWell, returnedAt: returned.returnedAt });
  });
});

describe("the marking desk", () => {
  it("lists the versions, opens the latest, and shows earlier annotations placed in the newer text", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const speech = await annotate(teacher, work, ESSAY, "The Secret Speech of February 1956", { kind: "STRENGTH", comment: "Precise.", saveToBank: true });
    const lands = await annotate(teacher, work, ESSAY, "briefly raised grain output, but soil erosion soon undid the gains");

    const v1 = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(v1).toMatchObject({
      student: { id: amira.id, name: "Amira Khan" },
      versions: [{ number: 1, late: false, markingStatus: null }],
      redrafting: false,
      submission: { number: 1, text: ESSAY, late: false },
      marking: { revision: 0, status: "IN_PROGRESS", awards: [] },
      bank: [{ text: "Precise.", kind: "STRENGTH", criterionId: "overall" }],
    });
    expect(v1.assignment.rubric.id).toBe(HOLISTIC);
    expect(v1.annotations.map((a) => [a.id, a.location])).toEqual([
      [speech.id, rangeOf(ESSAY, "The Secret Speech of February 1956")],
      [lands.id, rangeOf(ESSAY, "briefly raised grain output, but soil erosion soon undid the gains")],
    ]);

    await returnMarking(teacher, work, { allowRedraft: true });
    await redraftAndResubmit(amira, assignmentId, REDRAFT);
    const latest = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(latest).toMatchObject({
      versions: [
        { number: 1, markingStatus: "RETURNED" },
        { number: 2, markingStatus: null, late: false },
      ],
      redrafting: false,
      submission: { number: 2, text: REDRAFT },
      marking: { revision: 0, status: "IN_PROGRESS" },
    });
    expect(latest.annotations).toEqual([
      expect.objectContaining({ id: speech.id, madeOn: 1, location: rangeOf(REDRAFT, "The Secret Speech of February 1956"), targetStatus: null }),
      expect.objectContaining({ id: lands.id, madeOn: 1, location: null, targetStatus: "detached" }),
    ]);
    // An annotation made on version 2 is shown there, not on version 1.
    const v2Work = { ...work, submissionNumber: 2 };
    const fresh = await annotate(teacher, v2Work, REDRAFT, "Historians still disagree");
    expect((await getMarkingDesk(teacher, assignmentId, amira.id)).annotations.map((a) => a.id)).toEqual([fresh.id, speech.id, lands.id]);
    const first = await getMarkingDesk(teacher, assignmentId, amira.id, 1);
    expect(first).toMatchObject({ submission: { number: 1, text: ESSAY }, marking: { status: "RETURNED", total: 13 } });
    expect(first.annotations.map((a) => a.id)).toEqual([speech.id, lands.id]);
    await expect(getMarkingDesk(teacher, assignmentId, amira.id, 3)).rejects.toMatchObject(NOT_FOUND);
  });

  it("is not found for a student who has not handed anything in", async () => {
    const { teacher, ben, assignmentId } = await makeMarkedClass();
    await expect(getMarkingDesk(teacher, assignmentId, ben.id)).rejects.toMatchObject({ status: 404, message: "Ben Carter's submitted essay could not be found." });
    expect((await saveDraft(ben, { assignmentId, baseRevision: 0, text: "Not finished." })).ok).toBe(true);
    await expect(getMarkingDesk(teacher, assignmentId, ben.id)).rejects.toMatchObject({ status: 404, message: "Ben Carter's submitted essay could not be found." });
    await expect(getMarkingDesk(teacher, assignmentId, ben.id, 1)).rejects.toMatchObject(NOT_FOUND);
  });
});

describe("marking: who may do what", () => {
  it("another teacher can neither annotate, mark nor read the desk, nor change this class's annotations", async () => {
    const { teacher, amira, assignmentId, work } = await makeMarkedClass();
    const outsiders = await makeOutsiders();
    const annotation = await annotate(teacher, work, ESSAY, "to a large extent");
    savedMarking(await mark(teacher, work, { baseRevision: 0, awards: [], wentWell: "Mine." }));

    const other = outsiders.teacher;
    await expect(annotate(other, work, ESSAY, "Virgin Lands")).rejects.toMatchObject(NOT_FOUND);
    await expect(mark(other, work, { baseRevision: 1, awards: [], wentWell: "Theirs." })).rejects.toMatchObject(NOT_FOUND);
    await expect(getMarkingDesk(other, assignmentId, amira.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(updateAnnotation(other, { annotationId: annotation.id, comment: "Theirs.", criterionId: "overall", kind: "TARGET" })).rejects.toMatchObject(NOT_FOUND);
    await expect(deleteAnnotation(other, { annotationId: annotation.id })).rejects.toMatchObject(NOT_FOUND);
    // Nor can this class's teacher reach a student who is not in the class.
    await expect(getMarkingDesk(teacher, assignmentId, outsiders.student.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(mark(teacher, { ...work, studentId: outsiders.student.id }, { baseRevision: 0, awards: [] })).rejects.toMatchObject(NOT_FOUND);

    expect(await db().annotation.findMany({ select: { id: true, comment: true } })).toEqual([{ id: annotation.id, comment: annotation.comment }]);
    expect(await storedMarking(work)).toMatchObject({ revision: 1, wentWell: "Mine.", markerId: teacher.id });
  });

  it("a student cannot use the teacher's marking functions, even on their own essay", async () => {
    const { teacher, amira, ben, assignmentId, work } = await makeMarkedClass();
    const annotation = await annotate(teacher, work, ESSAY, "to a large extent");
    const entry = await addToCommentBank(teacher, { text: "Good.", criterionId: "overall", kind: "STRENGTH" });

    for (const student of [amira, ben]) {
      await expect(listCommentBank(student)).rejects.toMatchObject({ status: 403 });
      await expect(addToCommentBank(student, { text: "Mine.", criterionId: "overall", kind: "TARGET" })).rejects.toMatchObject({ status: 403 });
      await expect(deleteFromCommentBank(student, { entryId: entry.id })).rejects.toMatchObject({ status: 403 });
      await expect(updateAnnotation(student, { annotationId: annotation.id, comment: "Nicer.", criterionId: "overall", kind: "STRENGTH" })).rejects.toMatchObject({ status: 403 });
      await expect(deleteAnnotation(student, { annotationId: annotation.id })).rejects.toMatchObject({ status: 403 });
      // The per-essay functions report the work as not found to anyone but the class's
      // teacher (as getStudentWorkspace does), so a student gets 404 rather than 403.
      await expect(annotate(student, work, ESSAY, "Virgin Lands")).rejects.toMatchObject({ status: 404 });
      await expect(mark(student, work, { baseRevision: 0, awards: [{ criterionId: "overall", level: 5, mark: 25 }], wentWell: "Perfect." }, { returning: true })).rejects.toMatchObject({
        status: 404,
      });
      await expect(getMarkingDesk(student, assignmentId, amira.id)).rejects.toMatchObject({ status: 404 });
    }
    expect(await db().annotation.findMany({ select: { id: true, comment: true, kind: true } })).toEqual([{ id: annotation.id, comment: annotation.comment, kind: "TARGET" }]);
    expect(await db().commentBankEntry.findMany({ select: { id: true } })).toEqual([{ id: entry.id }]);
    expect(await db().marking.count()).toBe(0);
  });
});
