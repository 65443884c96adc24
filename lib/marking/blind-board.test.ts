import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRubrics } from "../rubrics/load-rubrics";
import { buildBoard, type TrackedAssignment } from "../tracking/board";
import { candidateRows, maskBlindColumns } from "./blind-board";

// The board's rules for a blind column whose names are hidden (decision 029): plain rows in,
// a board out. Names and marks are looked for in the whole board as JSON, as a page would
// receive it.

const { rubrics } = loadRubrics(path.resolve(import.meta.dirname, "../../rubrics"));
const HOLISTIC = rubrics.find((r) => r.id === "holistic-25-five-levels")!;
const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

const assignment = (id: string, namesHidden: boolean): TrackedAssignment => ({
  id,
  classroomId: "class-1",
  questionText: `Question ${id}`,
  dueAt: new Date(NOW.getTime() - DAY),
  createdAt: new Date(NOW.getTime() - 20 * DAY),
  status: "OPEN",
  rubric: HOLISTIC,
  namesHidden,
});

const students = [
  { id: "s-ada", name: "Ada Byron", email: "ada@school.test" },
  { id: "s-zed", name: "Zed Young", email: "zed@school.test" },
];
const handedIn = (assignmentId: string, studentId: string, total: number) => ({
  assignmentId,
  studentId,
  wordCount: 900,
  submittedAt: new Date(NOW.getTime() - 2 * DAY),
  late: false,
  updatedAt: new Date(NOW.getTime() - 2 * DAY),
  submissions: [{ number: 1, submittedAt: new Date(NOW.getTime() - 2 * DAY), marking: { status: "RETURNED" as const, total, awards: [{ criterionId: "overall", level: 3, mark: total }], returnedAt: new Date(NOW.getTime() - DAY) } }],
});

// A1 open-named (Ada 20, Zed 10), A2 blind and hidden (Ada 5, Zed 25).
const board = buildBoard({
  assignments: [assignment("a1", false), assignment("a2", true)],
  students,
  plans: [],
  drafts: [handedIn("a1", "s-ada", 20), handedIn("a1", "s-zed", 10), handedIn("a2", "s-ada", 5), handedIn("a2", "s-zed", 25)],
  now: NOW,
});

describe("maskBlindColumns", () => {
  it("blanks the hidden column's cells, leaving only a link to its own view", () => {
    const masked = maskBlindColumns(board);
    for (const row of masked.rows) {
      expect(row.cells[1]).toMatchObject({ blind: true, mark: null, awards: null, words: 0, submittedAt: null, returnedAt: null, latestVersion: null, href: "/classes/class-1/board?assignment=a2" });
      expect(row.cells[0]).toEqual(board.rows.find((r) => r.student.id === row.student.id)!.cells[0]);
    }
  });

  it("leaves the hidden column out of each row's average and activity", () => {
    const masked = maskBlindColumns(board);
    expect(masked.rows.map((r) => r.averagePercent)).toEqual([80, 40]);
    expect(board.rows.map((r) => r.averagePercent)).toEqual([50, 70]);
  });

  it("changes nothing on a board with no hidden column", () => {
    const open = buildBoard({ assignments: [assignment("a1", false)], students, plans: [], drafts: [handedIn("a1", "s-ada", 20)], now: NOW });
    expect(maskBlindColumns(open)).toBe(open);
  });
});

describe("candidateRows", () => {
  const column = { columns: [board.columns[1]!], rows: board.rows.map((r) => ({ ...r, cells: [r.cells[1]!] })) };
  const numbers = new Map([
    ["s-ada", 7315],
    ["s-zed", 2048],
  ]);

  it("names each row by candidate number, in number order, with no name or email anywhere", () => {
    const shown = candidateRows(column, numbers);
    expect(shown.rows.map((r) => r.student.name)).toEqual(["Candidate 2048", "Candidate 7315"]);
    const json = JSON.stringify(shown);
    for (const leak of ["Ada", "Byron", "Zed Young", "school.test"]) expect(json).not.toContain(leak);
  });

  it("takes each row's figures from that column alone", () => {
    const shown = candidateRows(column, numbers);
    expect(shown.rows.map((r) => [r.cells[0]!.mark, r.averagePercent])).toEqual([
      [25, 100],
      [5, 20],
    ]);
  });

  it("refuses a board of more than one column", () => {
    expect(() => candidateRows(board, numbers)).toThrow(RangeError);
  });
});
