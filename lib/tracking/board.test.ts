import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRubrics } from "../rubrics/load-rubrics";
import type { Award } from "../rubrics/marks";
import { buildBoard, cellMatches, filterBoard, type Board, type BoardCell, type TrackedAssignment, type TrackedDraft, type TrackedMarking, type TrackedPlan } from "./board";
import { CELL_STATUS_ORDER, type CellStatus } from "./cell-status";

// buildBoard and filterBoard are pure: every case below is plain rows in, a board out.

const { rubrics } = loadRubrics(path.resolve(import.meta.dirname, "../../rubrics"));
const rubric = (id: string) => {
  const found = rubrics.find((r) => r.id === id);
  if (!found) throw new Error(`rubrics/${id}.json did not load`);
  return found;
};

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-03-10T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const inDays = (n: number) => new Date(NOW.getTime() + n * DAY);

function assignment(id: string, over: Partial<TrackedAssignment> = {}): TrackedAssignment {
  return {
    id,
    classroomId: "class-1",
    questionText: `Question ${id}`,
    dueAt: inDays(5),
    createdAt: daysAgo(20),
    status: "OPEN",
    rubric: rubric("strands-20-four-strands"),
    ...over,
  };
}

const student = (id: string, name: string, email = `${id}@school.test`) => ({ id, name, email });

const plan = (assignmentId: string, studentId: string, over: Partial<TrackedPlan> = {}): TrackedPlan => ({ assignmentId, studentId, revision: 1, updatedAt: daysAgo(1), ...over });

function draft(assignmentId: string, studentId: string, over: Partial<TrackedDraft> = {}): TrackedDraft {
  return { assignmentId, studentId, wordCount: 200, submittedAt: null, late: false, updatedAt: daysAgo(1), submissions: [], ...over };
}

const strandAwards = (analysis: number, knowledge: number, judgement: number, organisation: number) => [
  { criterionId: "analysis", level: analysis },
  { criterionId: "knowledge", level: knowledge },
  { criterionId: "judgement", level: judgement },
  { criterionId: "organisation", level: organisation },
];

const inProgress = (total: number | null, awards: Award[] = strandAwards(3, 3, 3, 3)): TrackedMarking => ({ status: "IN_PROGRESS", total, awards: total === null ? awards.slice(0, 2) : awards, returnedAt: null });
const returned = (total: number, returnedAt = daysAgo(2), awards: Award[] = strandAwards(3, 3, 3, 3)): TrackedMarking => ({ status: "RETURNED", total, awards, returnedAt });
const version = (number: number, marking: TrackedMarking | null = null, submittedAt = daysAgo(3)) => ({ number, submittedAt, marking });

/** One student, one assignment: the single cell the rows make. */
function cellOf(rows: { plan?: Partial<TrackedPlan>; draft?: Partial<TrackedDraft> }, a: TrackedAssignment = assignment("a1"), now = NOW): BoardCell {
  const board = buildBoard({
    assignments: [a],
    students: [student("s1", "Sam Okafor")],
    plans: rows.plan ? [plan(a.id, "s1", rows.plan)] : [],
    drafts: rows.draft ? [draft(a.id, "s1", rows.draft)] : [],
    now,
  });
  return board.rows[0]!.cells[0]!;
}

const BASE = "/assignments/a1/students/s1";

describe("buildBoard: a cell's status from plain rows", () => {
  const handedIn = { submittedAt: daysAgo(3), updatedAt: daysAgo(3) };
  const cases: { name: string; rows: Parameters<typeof cellOf>[0]; status: CellStatus; mark: number | null; href: string; latestVersion: number | null }[] = [
    { name: "no plan, no draft", rows: {}, status: "not-started", mark: null, href: BASE, latestVersion: null },
    { name: "a plan row never saved (revision 0) and an empty draft row", rows: { plan: { revision: 0 }, draft: { wordCount: 0 } }, status: "not-started", mark: null, href: BASE, latestVersion: null },
    { name: "a saved plan", rows: { plan: { revision: 3 } }, status: "planning", mark: null, href: BASE, latestVersion: null },
    { name: "a plan and an empty draft row", rows: { plan: { revision: 1 }, draft: { wordCount: 0 } }, status: "planning", mark: null, href: BASE, latestVersion: null },
    { name: "a draft with words", rows: { plan: {}, draft: { wordCount: 420 } }, status: "drafting", mark: null, href: BASE, latestVersion: null },
    { name: "handed in on time", rows: { draft: { ...handedIn, submissions: [version(1)] } }, status: "submitted", mark: null, href: `${BASE}/mark`, latestVersion: 1 },
    {
      name: "handed in, marking begun but incomplete",
      rows: { draft: { ...handedIn, submissions: [version(1, inProgress(null))] } },
      status: "submitted",
      mark: null,
      href: `${BASE}/mark`,
      latestVersion: 1,
    },
    { name: "handed in late", rows: { draft: { ...handedIn, late: true, submissions: [version(1)] } }, status: "late", mark: null, href: `${BASE}/mark`, latestVersion: 1 },
    { name: "marked, not returned", rows: { draft: { ...handedIn, submissions: [version(1, inProgress(14))] } }, status: "marked", mark: 14, href: `${BASE}/mark`, latestVersion: 1 },
    {
      name: "late, then marked (late work is marked like any other)",
      rows: { draft: { ...handedIn, late: true, submissions: [version(1, inProgress(9))] } },
      status: "marked",
      mark: 9,
      href: `${BASE}/mark`,
      latestVersion: 1,
    },
    { name: "returned", rows: { draft: { ...handedIn, submissions: [version(1, returned(12))] } }, status: "returned", mark: 12, href: `${BASE}/mark?version=1`, latestVersion: 1 },
    {
      name: "returned and being redrafted (draft unlocked)",
      rows: { draft: { submittedAt: null, wordCount: 450, submissions: [version(1, returned(12))] } },
      status: "returned",
      mark: 12,
      href: `${BASE}/mark?version=1`,
      latestVersion: 1,
    },
    {
      name: "resubmitted after a returned version 1",
      rows: { draft: { ...handedIn, submissions: [version(1, returned(9, daysAgo(6))), version(2)] } },
      status: "resubmitted",
      mark: 9,
      href: `${BASE}/mark`,
      latestVersion: 2,
    },
    {
      name: "resubmitted, version 2 part-marked: the mark is still version 1's",
      rows: { draft: { ...handedIn, submissions: [version(1, returned(9, daysAgo(6))), version(2, inProgress(null))] } },
      status: "resubmitted",
      mark: 9,
      href: `${BASE}/mark`,
      latestVersion: 2,
    },
    {
      name: "resubmitted and version 2 marked",
      rows: { draft: { ...handedIn, submissions: [version(1, returned(9, daysAgo(6))), version(2, inProgress(15))] } },
      status: "marked",
      mark: 15,
      href: `${BASE}/mark`,
      latestVersion: 2,
    },
    {
      name: "version 2 returned",
      rows: { draft: { ...handedIn, submissions: [version(1, returned(9, daysAgo(6))), version(2, returned(16))] } },
      status: "returned",
      mark: 16,
      href: `${BASE}/mark?version=2`,
      latestVersion: 2,
    },
  ];

  it.each(cases)("$name → $status", ({ rows, status, mark, href, latestVersion }) => {
    const cell = cellOf(rows);
    expect(cell).toMatchObject({ status, mark, href, latestVersion, assignmentId: "a1", studentId: "s1" });
  });

  it("reaches every status there is", () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CELL_STATUS_ORDER));
  });

  it("keeps the awards of the mark it shows, the latest returned time, the words and the late flag", () => {
    const v1Awards = strandAwards(2, 2, 1, 2);
    const cell = cellOf({
      draft: {
        submittedAt: daysAgo(1),
        late: true,
        wordCount: 812,
        submissions: [version(1, returned(6, daysAgo(4), v1Awards), daysAgo(8)), version(2, inProgress(null), daysAgo(1))],
      },
    });
    expect(cell).toMatchObject({ status: "resubmitted", mark: 6, awards: v1Awards, returnedAt: daysAgo(4), submittedAt: daysAgo(1), words: 812, late: true });

    const later = cellOf({ draft: { submittedAt: daysAgo(1), submissions: [version(1, returned(6, daysAgo(4), v1Awards)), version(2, returned(13, daysAgo(0.5)))] } });
    expect(later).toMatchObject({ mark: 13, awards: strandAwards(3, 3, 3, 3), returnedAt: daysAgo(0.5) });

    // Marked but not returned: no returned time; nothing yet: nothing at all.
    expect(cellOf({ draft: { submittedAt: daysAgo(1), submissions: [version(1, inProgress(11))] } }).returnedAt).toBeNull();
    expect(cellOf({})).toMatchObject({ mark: null, awards: null, returnedAt: null, submittedAt: null, words: 0, late: false, lastActivityAt: null });
  });
});

describe("buildBoard: overdue and inactive", () => {
  const pastDue = assignment("a1", { dueAt: daysAgo(1) });
  const closedPastDue = assignment("a1", { dueAt: daysAgo(1), status: "CLOSED" });

  it("is overdue only when nothing was ever handed in after the due time", () => {
    expect(cellOf({}, pastDue).overdue).toBe(true);
    expect(cellOf({ plan: {}, draft: { wordCount: 300 } }, pastDue).overdue).toBe(true);
    expect(cellOf({ draft: { submittedAt: daysAgo(0.5), late: true, submissions: [version(1)] } }, pastDue).overdue).toBe(false);
    // Redrafting after feedback (submittedAt cleared) is not overdue: version 1 was handed in.
    expect(cellOf({ draft: { submittedAt: null, submissions: [version(1, returned(10))] } }, pastDue).overdue).toBe(false);
    // Before the due time nobody is overdue.
    expect(cellOf({}).overdue).toBe(false);
  });

  it("flags a student never active only once the work is overdue", () => {
    expect(cellOf({}, pastDue)).toMatchObject({ status: "not-started", inactive: true, inactiveDays: null });
    expect(cellOf({})).toMatchObject({ status: "not-started", inactive: false, inactiveDays: null });
  });

  it("flags work in the student's hands untouched for five days or more", () => {
    expect(cellOf({ plan: { updatedAt: daysAgo(5) } })).toMatchObject({ status: "planning", inactive: true, inactiveDays: 5 });
    expect(cellOf({ plan: { updatedAt: daysAgo(4.9) } })).toMatchObject({ status: "planning", inactive: false, inactiveDays: 4 });
    expect(cellOf({ draft: { updatedAt: daysAgo(9) } })).toMatchObject({ status: "drafting", inactive: true, inactiveDays: 9 });
    // The latest of plan and draft counts.
    expect(cellOf({ plan: { updatedAt: daysAgo(9) }, draft: { updatedAt: daysAgo(1) } })).toMatchObject({ inactive: false, inactiveDays: 1 });
  });

  it("never flags handed-in or returned work, however quiet", () => {
    const old = { submittedAt: daysAgo(20), updatedAt: daysAgo(20) };
    expect(cellOf({ draft: { ...old, submissions: [version(1, null, daysAgo(20))] } }, pastDue)).toMatchObject({ status: "submitted", inactive: false, inactiveDays: 20 });
    expect(cellOf({ draft: { ...old, submissions: [version(1, returned(12, daysAgo(15)), daysAgo(20))] } })).toMatchObject({ status: "returned", inactive: false });
  });

  it("does not flag anyone on a closed assignment (but still counts them overdue)", () => {
    expect(cellOf({}, closedPastDue)).toMatchObject({ status: "not-started", overdue: true, inactive: false });
    expect(cellOf({ plan: { updatedAt: daysAgo(12) } }, closedPastDue)).toMatchObject({ status: "planning", inactive: false, inactiveDays: 12 });
    expect(cellOf({ draft: { updatedAt: daysAgo(12) } }, closedPastDue)).toMatchObject({ status: "drafting", inactive: false });
  });

  it("takes activity from saved plans and from drafts with words or versions, not from empty rows", () => {
    expect(cellOf({ plan: { revision: 0, updatedAt: daysAgo(2) }, draft: { wordCount: 0, updatedAt: daysAgo(1) } }).lastActivityAt).toBeNull();
    expect(cellOf({ plan: { revision: 2, updatedAt: daysAgo(2) }, draft: { wordCount: 0, updatedAt: daysAgo(1) } }).lastActivityAt).toEqual(daysAgo(2));
    expect(cellOf({ plan: { updatedAt: daysAgo(2) }, draft: { wordCount: 10, updatedAt: daysAgo(1) } }).lastActivityAt).toEqual(daysAgo(1));
    expect(cellOf({ plan: { updatedAt: daysAgo(1) }, draft: { wordCount: 10, updatedAt: daysAgo(3) } }).lastActivityAt).toEqual(daysAgo(1));
  });
});

// Three students on three assignments (A1 strands /20, A2 holistic /25, A3 summed /30, closed):
//   Amy:  A1 returned 14, A2 marked 13, A3 returned 21 (summed).
//   Bo:   A1 late, A2 planning 7 days ago (inactive), A3 nothing (overdue, but closed: not inactive).
//   Cat:  A1 resubmitted (v1 returned 9), A2 never touched, A3 marked 15.
//   Dee:  nothing anywhere, never active.
const students = [student("cat", "Cat O'Neill", "cat.oneill@school.test"), student("amy", "Amy Zhou", "azhou@school.test"), student("bo", "Bo Adams", "bo.adams@other.test"), student("dee", "Dee Brown", "dee@school.test")];
const a1 = assignment("a1", { dueAt: daysAgo(3), rubric: rubric("strands-20-four-strands") });
const a2 = assignment("a2", { dueAt: inDays(4), rubric: rubric("holistic-25-five-levels") });
const a3 = assignment("a3", { dueAt: daysAgo(10), status: "CLOSED", rubric: rubric("summed-30-two-tables") });
const summedAwards = [
  { criterionId: "knowledge-understanding", level: 4, mark: 11 },
  { criterionId: "analysis-judgement", level: 4, mark: 10 },
];
const world = {
  now: NOW,
  students,
  assignments: [a1, a2, a3],
  plans: [plan("a2", "bo", { updatedAt: daysAgo(7) }), plan("a1", "amy", { updatedAt: daysAgo(12) })],
  drafts: [
    draft("a1", "amy", { submittedAt: daysAgo(4), updatedAt: daysAgo(4), submissions: [version(1, returned(14, daysAgo(2)), daysAgo(4))] }),
    draft("a2", "amy", { submittedAt: daysAgo(1), updatedAt: daysAgo(1), submissions: [version(1, inProgress(13, [{ criterionId: "overall", level: 3, mark: 13 }]), daysAgo(1))] }),
    draft("a3", "amy", { submittedAt: daysAgo(11), updatedAt: daysAgo(11), submissions: [version(1, returned(21, daysAgo(9), summedAwards), daysAgo(11))] }),
    draft("a1", "bo", { submittedAt: daysAgo(2), late: true, updatedAt: daysAgo(2), submissions: [version(1, null, daysAgo(2))] }),
    draft("a1", "cat", { submittedAt: daysAgo(0.5), updatedAt: daysAgo(0.5), submissions: [version(1, returned(9, daysAgo(2)), daysAgo(3)), version(2, null, daysAgo(0.5))] }),
    draft("a3", "cat", { submittedAt: daysAgo(12), updatedAt: daysAgo(12), submissions: [version(1, inProgress(15, summedAwards), daysAgo(12))] }),
  ],
};
const board = buildBoard(world);
const rowOf = (b: Board, id: string) => b.rows.find((r) => r.student.id === id)!;
const statusesOf = (b: Board) => Object.fromEntries(b.rows.map((r) => [r.student.id, r.cells.map((c) => c.status)]));

describe("buildBoard: rows and columns", () => {
  it("has a row per student (in the order given) and a cell per assignment", () => {
    expect(board.rows.map((r) => r.student.id)).toEqual(["cat", "amy", "bo", "dee"]);
    expect(statusesOf(board)).toEqual({
      amy: ["returned", "marked", "returned"],
      bo: ["late", "planning", "not-started"],
      cat: ["resubmitted", "not-started", "marked"],
      dee: ["not-started", "not-started", "not-started"],
    });
    expect(rowOf(board, "cat").cells.map((c) => c.href)).toEqual(["/assignments/a1/students/cat/mark", "/assignments/a2/students/cat", "/assignments/a3/students/cat/mark"]);
    expect(rowOf(board, "amy").cells.map((c) => c.href)).toEqual(["/assignments/a1/students/amy/mark?version=1", "/assignments/a2/students/amy/mark", "/assignments/a3/students/amy/mark?version=1"]);
  });

  it("averages each student's marks as a percentage of each rubric's total", () => {
    // Amy: 14/20, 13/25, 21/30 → (70 + 52 + 70) / 3 = 64. Cat: 9/20 (v1), 15/30 → (45 + 50) / 2 = 47.5 → 48.
    expect(rowOf(board, "amy").averagePercent).toBe(64);
    expect(rowOf(board, "cat").averagePercent).toBe(48);
    expect(rowOf(board, "bo").averagePercent).toBeNull();
    expect(rowOf(board, "dee").averagePercent).toBeNull();
  });

  it("flags a row inactive when any open assignment is stalled, and gives its latest activity", () => {
    expect(rowOf(board, "bo")).toMatchObject({ inactive: true, lastActivityAt: daysAgo(2) });
    expect(rowOf(board, "bo").cells.map((c) => c.inactive)).toEqual([false, true, false]);
    // Dee has done nothing and A1 is overdue: flagged on A1 only (A2 is not due, A3 is closed).
    expect(rowOf(board, "dee")).toMatchObject({ inactive: true, lastActivityAt: null });
    expect(rowOf(board, "dee").cells.map((c) => [c.overdue, c.inactive])).toEqual([
      [true, true],
      [false, false],
      [true, false],
    ]);
    expect(rowOf(board, "amy")).toMatchObject({ inactive: false, lastActivityAt: daysAgo(1) });
    expect(rowOf(board, "cat")).toMatchObject({ inactive: false, lastActivityAt: daysAgo(0.5) });
  });

  it("numbers the columns in the order given and counts statuses, overdue work and marks per column", () => {
    expect(board.columns.map((c) => [c.id, c.number])).toEqual([
      ["a1", 1],
      ["a2", 2],
      ["a3", 3],
    ]);
    const [c1, c2, c3] = board.columns;
    expect(c1).toMatchObject({ questionText: "Question a1", rubric: a1.rubric, overdue: 1, marked: 2, averageMark: 11.5 });
    expect(c1!.counts).toEqual({ "not-started": 1, planning: 0, drafting: 0, submitted: 0, late: 1, resubmitted: 1, marked: 0, returned: 1 });
    expect(c2).toMatchObject({ overdue: 0, marked: 1, averageMark: 13 });
    expect(c2!.counts).toEqual({ "not-started": 2, planning: 1, drafting: 0, submitted: 0, late: 0, resubmitted: 0, marked: 1, returned: 0 });
    expect(c3).toMatchObject({ status: "CLOSED", overdue: 2, marked: 2, averageMark: 18 });
    for (const c of board.columns) expect(Object.values(c.counts).reduce((s, n) => s + n, 0)).toBe(students.length);
  });

  it("rounds a column's average mark to one decimal place, and has none when nothing is marked", () => {
    const marked = (id: string, total: number) => draft("a1", id, { submittedAt: daysAgo(1), submissions: [version(1, inProgress(total))] });
    const three = buildBoard({ ...world, assignments: [a1], plans: [], drafts: [marked("amy", 14), marked("bo", 13), marked("cat", 13)] });
    expect(three.columns[0]).toMatchObject({ averageMark: 13.3, marked: 3 });
    const none = buildBoard({ ...world, assignments: [a1], plans: [], drafts: [] });
    expect(none.columns[0]).toMatchObject({ averageMark: null, marked: 0, overdue: 4 });
  });

  it("builds an empty board for a class with no students or no assignments", () => {
    expect(buildBoard({ ...world, students: [] })).toMatchObject({ rows: [], columns: [{ id: "a1", averageMark: null, marked: 0 }, { id: "a2" }, { id: "a3" }] });
    const noWork = buildBoard({ ...world, assignments: [] });
    expect(noWork.columns).toEqual([]);
    expect(noWork.rows.map((r) => [r.cells.length, r.averagePercent, r.inactive, r.lastActivityAt])).toEqual(students.map(() => [0, null, false, null]));
  });

  it("ignores plans and drafts of other students and assignments", () => {
    const stray = buildBoard({
      ...world,
      assignments: [a2],
      students: [students[3]!],
      plans: [plan("a2", "someone-else"), plan("a9", "dee")],
      drafts: [draft("a2", "someone-else", { submittedAt: NOW, submissions: [version(1)] })],
    });
    expect(stray.rows[0]!.cells[0]).toMatchObject({ status: "not-started", lastActivityAt: null });
  });
});

describe("cellMatches", () => {
  const cell = (over: Partial<BoardCell>) => ({ ...cellOf({}), ...over });
  it("matches a status, or the groups to-mark, overdue and inactive", () => {
    for (const status of ["submitted", "late", "resubmitted"] as const) expect(cellMatches(cell({ status }), "to-mark")).toBe(true);
    for (const status of ["not-started", "planning", "drafting", "marked", "returned"] as const) expect(cellMatches(cell({ status }), "to-mark")).toBe(false);
    expect(cellMatches(cell({ status: "late" }), "late")).toBe(true);
    expect(cellMatches(cell({ status: "submitted", late: true }), "late")).toBe(false);
    expect(cellMatches(cell({ overdue: true }), "overdue")).toBe(true);
    expect(cellMatches(cell({ overdue: false }), "overdue")).toBe(false);
    expect(cellMatches(cell({ inactive: true }), "inactive")).toBe(true);
    expect(cellMatches(cell({ inactive: false }), "inactive")).toBe(false);
    expect(cellMatches(cell({ status: "returned" }), undefined)).toBe(true);
  });
});

describe("filterBoard", () => {
  const ids = (b: Board) => b.rows.map((r) => r.student.id);

  it("sorts by name by default, keeping every row and column", () => {
    const all = filterBoard(board, {});
    expect(ids(all)).toEqual(["amy", "bo", "cat", "dee"]);
    expect(all.columns.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(ids(filterBoard(board, { sort: "name" }))).toEqual(["amy", "bo", "cat", "dee"]);
    // The board it was given is not reordered.
    expect(ids(board)).toEqual(["cat", "amy", "bo", "dee"]);
  });

  it("keeps the students with a cell in the chosen status anywhere on the board", () => {
    expect(ids(filterBoard(board, { status: "returned" }))).toEqual(["amy"]);
    expect(ids(filterBoard(board, { status: "marked" }))).toEqual(["amy", "cat"]);
    expect(ids(filterBoard(board, { status: "not-started" }))).toEqual(["bo", "cat", "dee"]);
    expect(ids(filterBoard(board, { status: "drafting" }))).toEqual([]);
    expect(ids(filterBoard(board, { status: "to-mark" }))).toEqual(["bo", "cat"]);
    expect(ids(filterBoard(board, { status: "overdue" }))).toEqual(["bo", "dee"]);
    expect(ids(filterBoard(board, { status: "inactive" }))).toEqual(["bo", "dee"]);
  });

  it("filters to one assignment's column, which keeps its number, and matches the status in that column only", () => {
    const a2Only = filterBoard(board, { assignmentId: "a2" });
    expect(a2Only.columns.map((c) => [c.id, c.number])).toEqual([["a2", 2]]);
    expect(a2Only.rows.map((r) => r.cells.map((c) => c.assignmentId))).toEqual([["a2"], ["a2"], ["a2"], ["a2"]]);
    expect(ids(filterBoard(board, { assignmentId: "a2", status: "not-started" }))).toEqual(["cat", "dee"]);
    expect(ids(filterBoard(board, { assignmentId: "a3", status: "overdue" }))).toEqual(["bo", "dee"]);
    // Closed A3's overdue cells are not inactive.
    expect(ids(filterBoard(board, { assignmentId: "a3", status: "inactive" }))).toEqual([]);
    expect(ids(filterBoard(board, { assignmentId: "a1", status: "to-mark" }))).toEqual(["bo", "cat"]);
    // A row's summary (average, activity) is still the whole board's.
    expect(rowOf(a2Only, "amy").averagePercent).toBe(64);
    // An assignment not on the board leaves no columns, and no row can match a status.
    expect(filterBoard(board, { assignmentId: "nope" }).columns).toEqual([]);
    expect(ids(filterBoard(board, { assignmentId: "nope", status: "returned" }))).toEqual([]);
  });

  it("finds students by a piece of their name or email, ignoring case and surrounding spaces", () => {
    expect(ids(filterBoard(board, { student: "o'neill" }))).toEqual(["cat"]);
    expect(ids(filterBoard(board, { student: "  ZHOU " }))).toEqual(["amy"]);
    expect(ids(filterBoard(board, { student: "o" }))).toEqual(["amy", "bo", "cat", "dee"]);
    expect(ids(filterBoard(board, { student: "azhou@" }))).toEqual(["amy"]);
    expect(ids(filterBoard(board, { student: "@OTHER.test" }))).toEqual(["bo"]);
    expect(ids(filterBoard(board, { student: "   " }))).toEqual(["amy", "bo", "cat", "dee"]);
    expect(ids(filterBoard(board, { student: "nobody" }))).toEqual([]);
    expect(ids(filterBoard(board, { student: "a", status: "late" }))).toEqual(["bo"]);
  });

  it("sorts by least recent activity, never-active students first, ties by name", () => {
    // Dee never active; Bo last 2 days ago; Amy 1 day; Cat half a day.
    expect(ids(filterBoard(board, { sort: "activity" }))).toEqual(["dee", "bo", "amy", "cat"]);
    const twoIdle = buildBoard({ ...world, students: [...students, student("ann", "Ann Idle")] });
    expect(ids(filterBoard(twoIdle, { sort: "activity" }))).toEqual(["ann", "dee", "bo", "amy", "cat"]);
  });

  it("sorts by average mark, lowest first, unmarked students last (by name)", () => {
    expect(ids(filterBoard(board, { sort: "mark" }))).toEqual(["cat", "amy", "bo", "dee"]);
    const tie = buildBoard({
      ...world,
      assignments: [a1],
      plans: [],
      drafts: ["amy", "cat", "bo"].map((id) => draft("a1", id, { submittedAt: daysAgo(1), submissions: [version(1, inProgress(id === "bo" ? 18 : 10))] })),
    });
    expect(ids(filterBoard(tie, { sort: "mark" }))).toEqual(["amy", "cat", "bo", "dee"]);
    expect(ids(filterBoard(tie, { sort: "mark", status: "marked" }))).toEqual(["amy", "cat", "bo"]);
  });
});

describe("buildBoard: marking begun", () => {
  it("flags a marking saved on the latest version and not yet returned", () => {
    const handedIn = { submittedAt: daysAgo(3), updatedAt: daysAgo(3) };
    expect(cellOf({ draft: { ...handedIn, submissions: [version(1, inProgress(null))] } }).markingStarted).toBe(true);
    expect(cellOf({ draft: { ...handedIn, submissions: [version(1)] } }).markingStarted).toBe(false);
    expect(cellOf({ draft: { ...handedIn, submissions: [version(1, returned(12))] } }).markingStarted).toBe(false);
  });
});
