import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRubrics } from "../rubrics/load-rubrics";
import { encodeCsv } from "../csv/encode-csv";
import { buildBoard, filterBoard, type TrackedAssignment, type TrackedDraft, type TrackedPlan } from "./board";
import { assignmentMarksRows, classMarksRows } from "./marks-csv";

const { rubrics } = loadRubrics(path.resolve(import.meta.dirname, "../../rubrics"));
const rubric = (id: string) => rubrics.find((r) => r.id === id)!;

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-29T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

const assignment = (id: string, dueInDays: number, rubricId = "strands-20-four-strands", status: "OPEN" | "CLOSED" = "OPEN"): TrackedAssignment => ({
  id,
  classroomId: "c",
  questionText: `Question ${id}`,
  dueAt: new Date(now.getTime() + dueInDays * DAY),
  createdAt: daysAgo(30),
  status,
  rubric: rubric(rubricId),
});

const students = [
  { id: "amy", name: "Amy Zhou", email: "amy@school.test" },
  { id: "bo", name: "Bo Adams", email: "bo@school.test" },
  { id: "cat", name: "Cat O'Neill, jr", email: "cat@school.test" },
];

const strands = (a: number, k: number, j: number, o: number) => [
  { criterionId: "analysis", level: a },
  { criterionId: "knowledge", level: k },
  { criterionId: "judgement", level: j },
  { criterionId: "organisation", level: o },
];

const plan = (assignmentId: string, studentId: string, updatedAt: Date): TrackedPlan => ({ assignmentId, studentId, revision: 2, updatedAt });
const draft = (assignmentId: string, studentId: string, over: Partial<TrackedDraft>): TrackedDraft => ({
  assignmentId,
  studentId,
  wordCount: 300,
  submittedAt: null,
  late: false,
  updatedAt: daysAgo(1),
  submissions: [],
  ...over,
});

// Amy: returned with 14 on A1, drafting A2. Bo: late on A1, planning A2 a week ago (inactive).
// Cat: nothing on A1 (overdue), resubmitted A2 after a returned version 1 marked 9.
const world = {
  now,
  students,
  assignments: [assignment("a1", -2), assignment("a2", 5)],
  plans: [plan("a1", "amy", daysAgo(10)), plan("a2", "bo", daysAgo(7)), plan("a2", "amy", daysAgo(2))],
  drafts: [
    draft("a1", "amy", {
      submittedAt: daysAgo(3),
      updatedAt: daysAgo(3),
      submissions: [{ number: 1, submittedAt: daysAgo(3), marking: { status: "RETURNED", total: 14, awards: strands(4, 4, 3, 4), returnedAt: daysAgo(1) } }],
    }),
    draft("a2", "amy", { wordCount: 120, updatedAt: daysAgo(0) }),
    draft("a1", "bo", { submittedAt: daysAgo(1), late: true, updatedAt: daysAgo(1), submissions: [{ number: 1, submittedAt: daysAgo(1), marking: null }] }),
    draft("a2", "cat", {
      submittedAt: daysAgo(0),
      submissions: [
        { number: 1, submittedAt: daysAgo(6), marking: { status: "RETURNED", total: 9, awards: strands(2, 3, 2, 3), returnedAt: daysAgo(4) } },
        { number: 2, submittedAt: daysAgo(0), marking: null },
      ],
    }),
  ] satisfies TrackedDraft[],
};

describe("buildBoard", () => {
  const board = buildBoard(world);
  const cell = (student: string, a: number) => board.rows.find((r) => r.student.id === student)!.cells[a]!;

  it("derives each cell's status, mark and where a click leads", () => {
    expect(cell("amy", 0)).toMatchObject({ status: "returned", mark: 14, latestVersion: 1, href: "/assignments/a1/students/amy/mark?version=1" });
    expect(cell("amy", 1)).toMatchObject({ status: "drafting", mark: null, words: 120, href: "/assignments/a2/students/amy" });
    expect(cell("bo", 0)).toMatchObject({ status: "late", late: true, mark: null, markingStarted: false, href: "/assignments/a1/students/bo/mark" });
    expect(cell("bo", 1)).toMatchObject({ status: "planning", inactive: true, inactiveDays: 7 });
    expect(cell("cat", 0)).toMatchObject({ status: "not-started", overdue: true, inactive: true, lastActivityAt: null });
    // Resubmitted: the version-1 mark still shows until version 2 is marked.
    expect(cell("cat", 1)).toMatchObject({ status: "resubmitted", mark: 9, latestVersion: 2, href: "/assignments/a2/students/cat/mark" });
  });

  it("summarises each column and each student", () => {
    expect(board.columns.map((c) => [c.number, c.counts.returned, c.counts.late, c.counts["not-started"], c.overdue, c.averageMark])).toEqual([
      [1, 1, 1, 1, 1, 14],
      [2, 0, 0, 0, 0, 9],
    ]);
    const amy = board.rows.find((r) => r.student.id === "amy")!;
    expect(amy).toMatchObject({ averagePercent: 70, inactive: false, lastActivityAt: daysAgo(0) });
    expect(board.rows.find((r) => r.student.id === "bo")!.inactive).toBe(true);
  });

  it("does not flag quiet students on a closed assignment", () => {
    const closed = buildBoard({ ...world, assignments: [assignment("a1", -2, "strands-20-four-strands", "CLOSED"), assignment("a2", 5)] });
    expect(closed.rows.find((r) => r.student.id === "cat")!.cells[0]).toMatchObject({ overdue: true, inactive: false });
  });
});

describe("filterBoard", () => {
  const board = buildBoard(world);
  const names = (b: ReturnType<typeof filterBoard>) => b.rows.map((r) => r.student.id);

  it("keeps students with a cell in the chosen status, in any or one assignment", () => {
    expect(names(filterBoard(board, { status: "late" }))).toEqual(["bo"]);
    expect(names(filterBoard(board, { status: "to-mark" }))).toEqual(["bo", "cat"]);
    expect(names(filterBoard(board, { status: "overdue" }))).toEqual(["cat"]);
    expect(names(filterBoard(board, { status: "inactive" }))).toEqual(["bo", "cat"]);
    const second = filterBoard(board, { status: "resubmitted", assignmentId: "a2" });
    expect(names(second)).toEqual(["cat"]);
    expect(second.columns.map((c) => c.number)).toEqual([2]);
    expect(names(filterBoard(board, { status: "late", assignmentId: "a2" }))).toEqual([]);
  });

  it("finds students by part of a name or email, and sorts", () => {
    expect(names(filterBoard(board, { student: "  ZHOU " }))).toEqual(["amy"]);
    expect(names(filterBoard(board, { student: "cat@" }))).toEqual(["cat"]);
    expect(names(filterBoard(board, {}))).toEqual(["amy", "bo", "cat"]);
    // Least recently active first (Bo and Cat both a day ago: by name), the most active last.
    expect(names(filterBoard(board, { sort: "activity" }))).toEqual(["bo", "cat", "amy"]);
    expect(names(filterBoard(board, { sort: "mark" }))).toEqual(["cat", "amy", "bo"]);
  });
});

describe("marks CSV rows", () => {
  const board = buildBoard(world);

  it("lists one assignment's levels per strand and total, blank where unmarked", () => {
    const [header, ...rows] = assignmentMarksRows(board, "a1");
    expect(header).toEqual([
      "Student", "Email", "Status", "Handed in", "Late", "Version",
      "Analysis and explanation level", "Knowledge level", "Evaluation and judgement level", "Organisation and communication level",
      "Total", "Out of", "Returned",
    ]);
    expect(rows[0]).toEqual(["Amy Zhou", "amy@school.test", "Returned", daysAgo(3), "no", 1, 4, 4, 3, 4, 14, 20, daysAgo(1)]);
    expect(rows[1]).toEqual(["Bo Adams", "bo@school.test", "Submitted late", daysAgo(1), "yes", 1, null, null, null, null, null, 20, null]);
    expect(rows[2]!.slice(2, 6)).toEqual(["Not started", null, null, null]);
  });

  it("gives summed tables a level and a mark each", () => {
    const summed = buildBoard({ ...world, assignments: [assignment("a1", -2, "summed-30-two-tables")] });
    expect(assignmentMarksRows(summed, "a1")[0]!.slice(6, 10)).toEqual(["Knowledge and understanding level", "Knowledge and understanding mark", "Analysis and judgement level", "Analysis and judgement mark"]);
  });

  it("lists a class per assignment, with a key, and encodes safely", () => {
    const rows = classMarksRows(board);
    expect(rows[0]!.slice(0, 4)).toEqual(["Student", "Email", "A1 total (out of 20)", "A1 Analysis and explanation level"]);
    expect(rows[1]!.slice(0, 3)).toEqual(["Amy Zhou", "amy@school.test", 14]);
    expect(rows.at(-2)).toEqual(["A1:", "Question a1", expect.stringMatching(/^due \d{4}-\d{2}-\d{2}$/)]);
    const csv = encodeCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"Cat O\'Neill, jr"');
  });
});
