import { describe, expect, it } from "vitest";
import { getAssignmentOverview, setAssignment } from "@/lib/assignments/assignments";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import type { SessionUser } from "@/lib/auth/sessions";
import { saveDraft } from "@/lib/drafts/drafts";
import { startRedraft } from "@/lib/marking/feedback";
import { saveMarking } from "@/lib/marking/markings";
import { savePlan } from "@/lib/planner/plans";
import type { Board } from "@/lib/tracking/board";
import { getAssignmentMarksCsv, getClassMarksCsv } from "@/lib/tracking/exports";
import { getAssignmentAnalytics, getClassBoard, getDepartmentOverview } from "@/lib/tracking/tracking-data";
import { csvDateTime } from "@/lib/time/format";
import { enrol, makeClassroom, makeStudent, makeTeacher } from "../factories";
import { ESSAY, REDRAFT, STRANDS, redraftAndResubmit, returnMarking, savedMarking, submitEssay } from "./marking-fixtures";
import { assignmentInput, daysFromNow, makeClassWithTopic, makeOutsiders } from "./work-fixtures";

// The class board, analytics, department view and marks exports over real work, made the
// way the app makes it (plans, drafts, submissions and markings through lib/), then read
// back through the tracking loader.

const strandLevels = (analysis: number, knowledge: number, judgement: number, organisation: number) => [
  { criterionId: "analysis", level: analysis },
  { criterionId: "knowledge", level: knowledge },
  { criterionId: "judgement", level: judgement },
  { criterionId: "organisation", level: organisation },
];

async function planFor(student: SessionUser, assignmentId: string) {
  const { plan } = await getOwnWorkspace(student, assignmentId);
  const saved = await savePlan(student, { assignmentId, baseRevision: 0, plan: plan.content });
  expect(saved.ok).toBe(true);
}

/**
 * 12H: eight students, one in each state on A1 (strands, due in 3 days), and a little on
 * A2 (holistic, due in 10 days):
 *   A1  Amira resubmitted (v1 returned, 7)  Ben returned (12)  Cara marked, not returned (15)
 *       Dev handed in late  Eli handed in  Fay drafting  Gus planning  Hana nothing
 *   A2  Amira returned (13), now redrafting  Ben handed in  everyone else nothing
 * The teacher also teaches 13B (Amira is in it too) with one assignment Amira is drafting.
 */
async function trackedClass() {
  const world = await makeClassWithTopic();
  const { teacher, classroom, amira, ben } = world;
  const others: SessionUser[] = [];
  for (const name of ["Cara Diaz", "Dev Patel", "Eli Jones", "Fay Lin", "Gus Moreno", "Hana Ito"]) {
    const s = await makeStudent({ name });
    await enrol(classroom.id, s);
    others.push(s);
  }
  const [cara, dev, eli, fay, gus, hana] = others as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
  const { id: a1 } = await setAssignment(teacher, assignmentInput(world, { rubricId: STRANDS, dueAt: daysFromNow(3), questionId: world.toWhatExtent.id }));
  const { id: a2 } = await setAssignment(teacher, assignmentInput(world, { dueAt: daysFromNow(10) }));
  const work = (assignmentId: string, student: SessionUser, submissionNumber = 1) => ({ assignmentId, studentId: student.id, submissionNumber });
  const markStrands = async (student: SessionUser, levels: number[], options: { returning?: boolean; allowRedraft?: boolean } = {}) =>
    savedMarking(
      await saveMarking(
        teacher,
        {
          ...work(a1, student),
          baseRevision: 0,
          awards: strandLevels(...(levels as [number, number, number, number])),
          wentWell: "Well-chosen evidence.",
          evenBetterIf: "Sustain the judgement.",
          allowRedraft: options.allowRedraft ?? false,
        },
        { returning: options.returning ?? false },
      ),
    );

  // A1
  await planFor(amira, a1);
  await submitEssay(amira, a1, ESSAY);
  const amiraV1 = await markStrands(amira, [2, 3, 1, 2], { returning: true, allowRedraft: true });
  await redraftAndResubmit(amira, a1, REDRAFT);
  await submitEssay(ben, a1, ESSAY);
  const benMarking = await markStrands(ben, [3, 4, 2, 3], { returning: true });
  await submitEssay(cara, a1, ESSAY);
  const caraMarking = await markStrands(cara, [4, 4, 3, 4]);
  await submitEssay(dev, a1, ESSAY, daysFromNow(3.5));
  await submitEssay(eli, a1, ESSAY);
  const drafted = await saveDraft(fay, { assignmentId: a1, baseRevision: 0, text: "Khrushchev's agricultural policies failed, but" });
  expect(drafted.ok).toBe(true);
  await planFor(gus, a1);
  // Hana opens the assignment (an empty draft row appears) and does nothing else.
  await getOwnWorkspace(hana, a1);

  // A2
  await submitEssay(amira, a2, ESSAY);
  const amiraA2 = await returnMarking(teacher, work(a2, amira), { allowRedraft: true });
  await startRedraft(amira, a2);
  await submitEssay(ben, a2, ESSAY);

  // 13B
  const other = await makeClassroom(teacher, { name: "13B History" });
  await enrol(other.id, amira);
  const { id: b1 } = await setAssignment(teacher, assignmentInput(world, { classroomId: other.id }));
  expect((await saveDraft(amira, { assignmentId: b1, baseRevision: 0, text: "A start on 13B's essay." })).ok).toBe(true);

  return { ...world, cara, dev, eli, fay, gus, hana, a1, a2, b1, other, markings: { amiraV1, benMarking, caraMarking, amiraA2 } };
}

const STUDENT_ORDER = ["Amira Khan", "Ben Carter", "Cara Diaz", "Dev Patel", "Eli Jones", "Fay Lin", "Gus Moreno", "Hana Ito"];
const cellsBy = (board: Board, pick: (c: Board["rows"][number]["cells"][number]) => unknown) => Object.fromEntries(board.rows.map((r) => [r.student.name, r.cells.map(pick)]));

describe("the class board over real work", () => {
  it("shows each student's status, mark and link on each assignment, A1 and A2 in due order", async () => {
    const t = await trackedClass();
    const { classroom, board } = await getClassBoard(t.teacher, t.classroom.id);
    expect(classroom).toEqual({ id: t.classroom.id, name: "12H History", yearGroup: "Year 12" });
    expect(board.columns.map((c) => [c.id, c.number, c.rubric.id, c.status])).toEqual([
      [t.a1, 1, STRANDS, "OPEN"],
      [t.a2, 2, "holistic-25-five-levels", "OPEN"],
    ]);
    expect(board.columns[0]!.questionText).toBe(t.toWhatExtent.text);
    expect(board.rows.map((r) => r.student.name)).toEqual(STUDENT_ORDER);

    expect(cellsBy(board, (c) => c.status)).toEqual({
      "Amira Khan": ["resubmitted", "returned"],
      "Ben Carter": ["returned", "submitted"],
      "Cara Diaz": ["marked", "not-started"],
      "Dev Patel": ["late", "not-started"],
      "Eli Jones": ["submitted", "not-started"],
      "Fay Lin": ["drafting", "not-started"],
      "Gus Moreno": ["planning", "not-started"],
      "Hana Ito": ["not-started", "not-started"],
    });
    // The totals the marking desk stored, reached by best fit: 2,3,1,2 → 7; 3,4,2,3 → 12; 4,4,3,4 → 15.
    expect([t.markings.amiraV1.total, t.markings.benMarking.total, t.markings.caraMarking.total, t.markings.amiraA2.total]).toEqual([7, 12, 15, 13]);
    expect(cellsBy(board, (c) => c.mark)).toMatchObject({
      "Amira Khan": [7, 13],
      "Ben Carter": [12, null],
      "Cara Diaz": [15, null],
      "Dev Patel": [null, null],
      "Hana Ito": [null, null],
    });
    expect(cellsBy(board, (c) => c.latestVersion)).toMatchObject({ "Amira Khan": [2, 1], "Ben Carter": [1, 1], "Dev Patel": [1, null], "Fay Lin": [null, null] });

    const base = (assignmentId: string, s: SessionUser) => `/assignments/${assignmentId}/students/${s.id}`;
    const row = (s: SessionUser) => board.rows.find((r) => r.student.id === s.id)!;
    expect(row(t.amira).cells.map((c) => c.href)).toEqual([`${base(t.a1, t.amira)}/mark`, `${base(t.a2, t.amira)}/mark?version=1`]);
    expect(row(t.ben).cells.map((c) => c.href)).toEqual([`${base(t.a1, t.ben)}/mark?version=1`, `${base(t.a2, t.ben)}/mark`]);
    expect(row(t.cara).cells[0]!.href).toBe(`${base(t.a1, t.cara)}/mark`);
    expect(row(t.dev).cells[0]!.href).toBe(`${base(t.a1, t.dev)}/mark`);
    for (const s of [t.fay, t.gus, t.hana]) expect(row(s).cells[0]!.href).toBe(base(t.a1, s));

    expect(row(t.dev).cells[0]).toMatchObject({ late: true, words: expect.any(Number) });
    expect(row(t.ben).cells[0]).toMatchObject({ late: false, returnedAt: expect.any(Date) });
    expect(row(t.cara).cells[0]).toMatchObject({ returnedAt: null, awards: strandLevels(4, 4, 3, 4) });
    expect(row(t.fay).cells[0]!.words).toBe(5);
    // Hana's empty draft row is not activity.
    expect(row(t.hana)).toMatchObject({ lastActivityAt: null, inactive: false, averagePercent: null });
    // Amira: 7/20 and 13/25 → (35 % + 52 %) / 2 = 43.5 → 44.
    expect(board.rows.map((r) => r.averagePercent)).toEqual([44, 60, 75, null, null, null, null, null]);

    expect(board.columns[0]).toMatchObject({ overdue: 0, marked: 3, averageMark: 11.3 });
    expect(board.columns[0]!.counts).toEqual({ "not-started": 1, planning: 1, drafting: 1, submitted: 1, late: 1, resubmitted: 1, marked: 1, returned: 1 });
    expect(board.columns[1]).toMatchObject({ overdue: 0, marked: 1, averageMark: 13 });

    // After A1's due time: the three who have not handed in are overdue; Hana, never active, is flagged.
    const later = (await getClassBoard(t.teacher, t.classroom.id, daysFromNow(4))).board;
    expect(later.columns.map((c) => c.overdue)).toEqual([3, 0]);
    expect(cellsBy(later, (c) => c.overdue ? (c.inactive ? "overdue, inactive" : "overdue") : c.inactive ? "inactive" : "")).toMatchObject({
      "Fay Lin": ["overdue", ""],
      "Gus Moreno": ["overdue", ""],
      "Hana Ito": ["overdue, inactive", ""],
      "Dev Patel": ["", ""],
    });
    expect(later.rows.filter((r) => r.inactive).map((r) => r.student.name)).toEqual(["Hana Ito"]);
  });

  it("the assignment overview reads the same statuses", async () => {
    const t = await trackedClass();
    const overview = await getAssignmentOverview(t.teacher, t.a1);
    expect(overview).toMatchObject({ id: t.a1, totalMarks: 20, classroom: { id: t.classroom.id, name: "12H History" }, rubricVersion: { title: expect.stringContaining("four strands") } });
    expect(overview.students.map((s) => [s.name, s.workStatus, s.late])).toEqual([
      ["Amira Khan", "resubmitted", false],
      ["Ben Carter", "returned", false],
      ["Cara Diaz", "marked", false],
      ["Dev Patel", "late", true],
      ["Eli Jones", "submitted", false],
      ["Fay Lin", "drafting", false],
      ["Gus Moreno", "planning", false],
      ["Hana Ito", "not-started", false],
    ]);
    expect(overview.students.find((s) => s.id === t.fay.id)).toMatchObject({ words: 5, submittedAt: null, lastActivity: expect.any(Date) });
    expect(overview.students.find((s) => s.id === t.hana.id)).toMatchObject({ words: 0, lastActivity: null });
    expect(overview.students.find((s) => s.id === t.cara.id)!.cell).toMatchObject({ mark: 15, href: `/assignments/${t.a1}/students/${t.cara.id}/mark` });

    const a2 = await getAssignmentOverview(t.teacher, t.a2);
    expect(a2.students.map((s) => s.workStatus)).toEqual(["returned", "submitted", ...Array(6).fill("not-started")]);
    expect(a2.totalMarks).toBe(25);
  });

  it("analytics: the funnel, the distribution of totals and the strands heatmap", async () => {
    const t = await trackedClass();
    const analytics = await getAssignmentAnalytics(t.teacher, t.a1);
    expect(analytics.assignment).toMatchObject({ id: t.a1, number: 1 });
    expect(analytics.classroom.name).toBe("12H History");
    expect(analytics.students).toBe(8);
    expect(analytics.funnel.map((s) => [s.status, s.count, s.reached])).toEqual([
      ["not-started", 1, 8],
      ["planning", 1, 7],
      ["drafting", 1, 6],
      ["submitted", 1, 5],
      ["late", 1, 5],
      ["resubmitted", 1, 5],
      ["marked", 1, 2],
      ["returned", 1, 1],
    ]);
    // Totals 7, 12, 15 out of 20 in five buckets.
    expect(analytics.distribution).toEqual([
      { from: 0, to: 4, count: 0 },
      { from: 5, to: 8, count: 1 },
      { from: 9, to: 12, count: 1 },
      { from: 13, to: 16, count: 1 },
      { from: 17, to: 20, count: 0 },
    ]);
    expect(analytics).toMatchObject({ marked: 3, averageMark: 11.3 });

    const { heatmap } = analytics;
    expect(heatmap.criteria.map((c) => [c.id, c.levelCount, c.average, c.awardedCount])).toEqual([
      ["analysis", 5, 3, 3],
      ["knowledge", 5, 3.7, 3],
      ["judgement", 5, 2, 3],
      ["organisation", 5, 3, 3],
    ]);
    expect(Object.fromEntries(heatmap.rows.map((r) => [r.name, r.levels]))).toEqual({
      // Amira's version 2 is not marked yet: the heatmap shows version 1's levels.
      "Amira Khan": [2, 3, 1, 2],
      "Ben Carter": [3, 4, 2, 3],
      "Cara Diaz": [4, 4, 3, 4],
      // Only marked students are loaded: the others have no levels to show.
    });
    expect(heatmap.weakest).toEqual({ id: "judgement", name: "Evaluation and judgement", relative: 0.4 });

    // A holistic assignment has one ladder: nothing to call weakest.
    const a2 = await getAssignmentAnalytics(t.teacher, t.a2);
    expect(a2.heatmap.criteria).toEqual([{ id: "overall", name: "Overall quality", levelCount: 5, average: 3, awardedCount: 1 }]);
    expect(a2.heatmap.weakest).toBeNull();
    expect(a2.distribution.map((b) => b.count)).toEqual([0, 0, 1, 0, 0]);
  });

  it("the marks exports: levels, totals and blanks per student, and the class's key", async () => {
    const t = await trackedClass();
    const one = await getAssignmentMarksCsv(t.teacher, t.a1);
    expect(one).toMatchObject({ classroomName: "12H History", questionText: t.toWhatExtent.text });
    const [header, ...rows] = one.rows;
    expect(header).toEqual([
      "Student",
      "Email",
      "Status",
      "Handed in (Europe/London)",
      "Late",
      "Version",
      "Analysis and explanation level",
      "Knowledge level",
      "Evaluation and judgement level",
      "Organisation and communication level",
      "Total",
      "Out of",
      "Returned (Europe/London)",
    ]);
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[5], ...r.slice(6, 12)])).toEqual([
      ["Amira Khan", t.amira.email, "Resubmitted", "no", 2, 2, 3, 1, 2, 7, 20],
      ["Ben Carter", t.ben.email, "Returned", "no", 1, 3, 4, 2, 3, 12, 20],
      ["Cara Diaz", t.cara.email, "Marked", "no", 1, 4, 4, 3, 4, 15, 20],
      ["Dev Patel", t.dev.email, "Submitted late", "yes", 1, null, null, null, null, null, 20],
      ["Eli Jones", t.eli.email, "Submitted", "no", 1, null, null, null, null, null, 20],
      ["Fay Lin", t.fay.email, "Drafting", null, null, null, null, null, null, null, 20],
      ["Gus Moreno", t.gus.email, "Planning", null, null, null, null, null, null, null, 20],
      ["Hana Ito", t.hana.email, "Not started", null, null, null, null, null, null, null, 20],
    ]);
    // Handed in: a time on the school's clock for everyone with a version; returned: Amira's v1 and Ben's.
    const LOCAL = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
    expect(rows.map((r) => typeof r[3] === "string" && LOCAL.test(r[3]))).toEqual([true, true, true, true, true, false, false, false]);
    expect(rows.map((r) => typeof r[12] === "string" && LOCAL.test(r[12]))).toEqual([true, true, false, false, false, false, false, false]);
    // Dev's late hand-in as London's clock reads it, not as UTC.
    const { board } = await getClassBoard(t.teacher, t.classroom.id);
    const devHandIn = board.rows.find((r) => r.student.id === t.dev.id)!.cells[0]!.submittedAt!;
    expect(rows[3]![3]).toBe(csvDateTime(devHandIn, "Europe/London"));

    const whole = await getClassMarksCsv(t.teacher, t.classroom.id);
    expect(whole.classroomName).toBe("12H History");
    expect(whole.rows[0]).toEqual([
      "Student",
      "Email",
      "A1 total (out of 20)",
      "A1 Analysis and explanation level",
      "A1 Knowledge level",
      "A1 Evaluation and judgement level",
      "A1 Organisation and communication level",
      "A2 total (out of 25)",
      "A2 Overall quality level",
      "Average (%)",
    ]);
    expect(whole.rows.slice(1, 9)).toEqual([
      ["Amira Khan", t.amira.email, 7, 2, 3, 1, 2, 13, 3, 44],
      ["Ben Carter", t.ben.email, 12, 3, 4, 2, 3, null, null, 60],
      ["Cara Diaz", t.cara.email, 15, 4, 4, 3, 4, null, null, 75],
      ...[t.dev, t.eli, t.fay, t.gus, t.hana].map((s) => [s.name, s.email, null, null, null, null, null, null, null, null]),
    ]);
    const due = (i: number) => `due ${csvDateTime(board.columns[i]!.dueAt, "Europe/London")} (Europe/London)`;
    expect(whole.rows.slice(9)).toEqual([[], ["A1:", t.toWhatExtent.text, due(0)], ["A2:", t.howFar.text, due(1)]]);
    expect(due(0)).toMatch(/^due \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Europe\/London\)$/);
  });

  it("the department view: every class this teacher teaches, each on its own, and no one else's", async () => {
    const t = await trackedClass();
    const outsiders = await makeOutsiders();
    const classes = await getDepartmentOverview(t.teacher);
    expect(classes.map((c) => c.classroom.name)).toEqual(["12H History", "13B History"]);
    const [h12, b13] = classes as [(typeof classes)[number], (typeof classes)[number]];
    // The summaries agree with the class's own board.
    const { board } = await getClassBoard(t.teacher, t.classroom.id);
    expect(h12.columns.map((c) => [c.id, c.number, c.counts, c.overdue, c.averageMark])).toEqual(board.columns.map((c) => [c.id, c.number, c.counts, c.overdue, c.averageMark]));
    expect(h12).toMatchObject({ students: 8, inactive: board.rows.filter((r) => r.inactive).length });
    // 13B: its own assignment (numbered A1 there) and only its own student, drafting.
    expect(b13.columns.map((c) => [c.id, c.number, c.counts.drafting])).toEqual([[t.b1, 1, 1]]);
    expect(b13.students).toBe(1);

    // The other teacher sees their class and nothing of ours.
    const theirs = await getDepartmentOverview(outsiders.teacher);
    expect(theirs.map((c) => c.classroom.id)).toEqual([outsiders.classroom.id]);
    expect(theirs[0]).toMatchObject({ columns: [], students: 1, inactive: 0, averagePercent: null });

    // A teacher with no classes has an empty department.
    expect(await getDepartmentOverview(await makeTeacher({ name: "Mx New Teacher" }))).toEqual([]);
  });
});

describe("who may see tracking", () => {
  const NOT_FOUND = { status: 404 };
  const FORBIDDEN = { status: 403 };

  it("another teacher gets not found for the board, analytics and both exports", async () => {
    const t = await trackedClass();
    const { teacher: other } = await makeOutsiders();
    await expect(getClassBoard(other, t.classroom.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(getAssignmentAnalytics(other, t.a1)).rejects.toMatchObject(NOT_FOUND);
    await expect(getClassMarksCsv(other, t.classroom.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(getAssignmentMarksCsv(other, t.a1)).rejects.toMatchObject(NOT_FOUND);
    await expect(getAssignmentOverview(other, t.a1)).rejects.toMatchObject(NOT_FOUND);
    // Ids that do not exist read the same as ids that are not yours.
    await expect(getClassBoard(t.teacher, "no-such-class")).rejects.toMatchObject(NOT_FOUND);
    await expect(getAssignmentAnalytics(t.teacher, "no-such-assignment")).rejects.toMatchObject(NOT_FOUND);
    await expect(getAssignmentMarksCsv(t.teacher, "no-such-assignment")).rejects.toMatchObject(NOT_FOUND);
  });

  it("a student is refused: forbidden where the page is for teachers, not found where the assignment is checked first", async () => {
    const t = await trackedClass();
    const { student: outsider } = await makeOutsiders();
    for (const student of [t.amira, outsider]) {
      // Class-level views check the role first: 403.
      await expect(getClassBoard(student, t.classroom.id)).rejects.toMatchObject(FORBIDDEN);
      await expect(getClassMarksCsv(student, t.classroom.id)).rejects.toMatchObject(FORBIDDEN);
      await expect(getDepartmentOverview(student)).rejects.toMatchObject(FORBIDDEN);
      // Assignment-level views check access to the assignment first; a student (even one
      // in the class) is not its teacher, so the assignment is "not found": 404.
      await expect(getAssignmentAnalytics(student, t.a1)).rejects.toMatchObject(NOT_FOUND);
      await expect(getAssignmentMarksCsv(student, t.a1)).rejects.toMatchObject(NOT_FOUND);
    }
  });
});
