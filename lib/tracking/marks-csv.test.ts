import path from "node:path";
import { describe, expect, it } from "vitest";
import { encodeCsv } from "../csv/encode-csv";
import { loadRubrics } from "../rubrics/load-rubrics";
import { buildBoard, type TrackedAssignment, type TrackedDraft, type TrackedMarking } from "./board";
import { assignmentMarksRows, classMarksRows } from "./marks-csv";

// The marks exports' rows, per rubric shape, and what reaches the file through encodeCsv.

const { rubrics } = loadRubrics(path.resolve(import.meta.dirname, "../../rubrics"));
const rubric = (id: string) => {
  const found = rubrics.find((r) => r.id === id);
  if (!found) throw new Error(`rubrics/${id}.json did not load`);
  return found;
};

const NOW = new Date("2026-03-10T12:00:00Z");
// The school's zone. London is on GMT (= UTC) until 29 March 2026, so the dates that must
// differ from UTC are after it: A3's due date and Zoë's return cross midnight in BST.
const ZONE = "Europe/London";
const at = (iso: string) => new Date(iso);

const assignment = (id: string, rubricId: string, dueAt: string, questionText: string): TrackedAssignment => ({
  id,
  classroomId: "class-1",
  questionText,
  dueAt: at(dueAt),
  createdAt: at("2026-02-01T09:00:00Z"),
  status: "OPEN",
  rubric: rubric(rubricId),
});

const strandsA = assignment("s", "strands-20-four-strands", "2026-03-05T16:00:00Z", "How far was Khrushchev's fall caused by the failure of his agricultural policies?");
const summedA = assignment("m", "summed-30-two-tables", "2026-03-20T16:00:00Z", 'Assess the view that "de-Stalinisation" was a failure.');
const holisticA = assignment("h", "holistic-25-five-levels", "2026-04-30T23:30:00Z", "To what extent did Khrushchev change the USSR?");

const students = [
  { id: "zoe", name: "Zoë Ångström", email: "zoe@school.test" },
  { id: "cat", name: 'O\'Neill, Catherine "Cat"', email: "cat@school.test" },
  { id: "ali", name: "Ali Hassan", email: "ali@school.test" },
];

const handedIn = (assignmentId: string, studentId: string, marking: TrackedMarking | null, over: Partial<TrackedDraft> = {}): TrackedDraft => ({
  assignmentId,
  studentId,
  wordCount: 900,
  submittedAt: at("2026-03-04T18:30:00Z"),
  late: false,
  updatedAt: at("2026-03-04T18:30:00Z"),
  submissions: [{ number: 1, submittedAt: at("2026-03-04T18:30:00Z"), marking }],
  ...over,
});

const RETURNED_AT = at("2026-03-30T23:15:00Z"); // 31 March, 00:15 in London
const strandsAwards = [
  { criterionId: "analysis", level: 3 },
  { criterionId: "knowledge", level: 4 },
  { criterionId: "judgement", level: 2 },
  { criterionId: "organisation", level: 3 },
];
const summedAwards = [
  { criterionId: "knowledge-understanding", level: 4, mark: 11 },
  { criterionId: "analysis-judgement", level: 3, mark: 8 },
];

// Zoë: strands returned 12, summed marked 19. Cat: strands late and unmarked, summed
// part-marked (no total). Ali: nothing at all.
const board = buildBoard({
  now: NOW,
  students,
  assignments: [strandsA, summedA, holisticA],
  plans: [],
  drafts: [
    handedIn("s", "zoe", { status: "RETURNED", total: 12, awards: strandsAwards, returnedAt: RETURNED_AT }),
    handedIn("m", "zoe", { status: "IN_PROGRESS", total: 19, awards: summedAwards, returnedAt: null }),
    handedIn("s", "cat", null, { late: true, submittedAt: at("2026-03-06T08:00:00Z"), submissions: [{ number: 1, submittedAt: at("2026-03-06T08:00:00Z"), marking: null }] }),
    handedIn("m", "cat", { status: "IN_PROGRESS", total: null, awards: summedAwards.slice(0, 1), returnedAt: null }),
  ],
});
const rowFor = (rows: unknown[][], name: string) => rows.find((r) => r[0] === name)!;

describe("assignmentMarksRows", () => {
  it("a strands rubric: a level column per strand, then the total, out of and returned", () => {
    const rows = assignmentMarksRows(board, "s", ZONE);
    expect(rows[0]).toEqual([
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
    expect(rows).toHaveLength(1 + students.length);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    expect(rowFor(rows, "Zoë Ångström")).toEqual(["Zoë Ångström", "zoe@school.test", "Returned", "2026-03-04 18:30", "no", 1, 3, 4, 2, 3, 12, 20, "2026-03-31 00:15"]);
    expect(rowFor(rows, students[1]!.name)).toEqual([students[1]!.name, "cat@school.test", "Submitted late", "2026-03-06 08:00", "yes", 1, null, null, null, null, null, 20, null]);
    // Nothing handed in: no version, so not "late" either way; every mark blank.
    expect(rowFor(rows, "Ali Hassan")).toEqual(["Ali Hassan", "ali@school.test", "Not started", null, null, null, null, null, null, null, null, 20, null]);
  });

  it("a summed rubric: a level and a mark column per table", () => {
    const rows = assignmentMarksRows(board, "m", ZONE);
    expect(rows[0]).toEqual([
      "Student",
      "Email",
      "Status",
      "Handed in (Europe/London)",
      "Late",
      "Version",
      "Knowledge and understanding level",
      "Knowledge and understanding mark",
      "Analysis and judgement level",
      "Analysis and judgement mark",
      "Total",
      "Out of",
      "Returned (Europe/London)",
    ]);
    expect(rowFor(rows, "Zoë Ångström")).toEqual(["Zoë Ångström", "zoe@school.test", "Marked", "2026-03-04 18:30", "no", 1, 4, 11, 3, 8, 19, 30, null]);
    // Part-marked: no total, so no mark to show, not even the one table already marked.
    expect(rowFor(rows, students[1]!.name).slice(2)).toEqual(["Submitted", "2026-03-04 18:30", "no", 1, null, null, null, null, null, 30, null]);
  });

  it("a holistic rubric: one level column", () => {
    const rows = assignmentMarksRows(board, "h", ZONE);
    expect(rows[0]!.slice(6)).toEqual(["Overall quality level", "Total", "Out of", "Returned (Europe/London)"]);
    expect(rows.slice(1).map((r) => r.slice(6))).toEqual(students.map(() => [null, null, 25, null]));
  });

  it("refuses an assignment that is not on the board", () => {
    expect(() => assignmentMarksRows(board, "elsewhere", ZONE)).toThrow(RangeError);
  });
});

describe("classMarksRows", () => {
  const rows = classMarksRows(board, ZONE);

  it("gives each assignment (A1, A2… in board order) its total and a level per criterion, then the average", () => {
    expect(rows[0]).toEqual([
      "Student",
      "Email",
      "A1 total (out of 20)",
      "A1 Analysis and explanation level",
      "A1 Knowledge level",
      "A1 Evaluation and judgement level",
      "A1 Organisation and communication level",
      "A2 total (out of 30)",
      "A2 Knowledge and understanding level",
      "A2 Analysis and judgement level",
      "A3 total (out of 25)",
      "A3 Overall quality level",
      "Average (%)",
    ]);
    // Zoë: 12/20 = 60 %, 19/30 = 63.3 % → 62.
    expect(rowFor(rows, "Zoë Ångström")).toEqual(["Zoë Ångström", "zoe@school.test", 12, 3, 4, 2, 3, 19, 4, 3, null, null, 62]);
    expect(rowFor(rows, students[1]!.name)).toEqual([students[1]!.name, "cat@school.test", null, null, null, null, null, null, null, null, null, null, null]);
    expect(rowFor(rows, "Ali Hassan")).toEqual(["Ali Hassan", "ali@school.test", ...Array<null>(11).fill(null)]);
  });

  it("ends with a blank line and a key of what each A-number is and when it was due, on the school's clock", () => {
    expect(rows).toHaveLength(1 + students.length + 1 + 3);
    expect(rows[1 + students.length]).toEqual([]);
    expect(rows.slice(-3)).toEqual([
      ["A1:", strandsA.questionText, "due 2026-03-05 16:00 (Europe/London)"],
      ["A2:", summedA.questionText, "due 2026-03-20 16:00 (Europe/London)"],
      // 23:30 UTC on 30 April is 00:30 on 1 May in London: the school's calendar day, not UTC's.
      ["A3:", holisticA.questionText, "due 2026-05-01 00:30 (Europe/London)"],
    ]);
    expect(classMarksRows(board, "America/New_York").at(-1)).toEqual(["A3:", holisticA.questionText, "due 2026-04-30 19:30 (America/New_York)"]);
  });

  it("has just the header, a blank line and no key for a class with no assignments", () => {
    const empty = buildBoard({ now: NOW, students, assignments: [], plans: [], drafts: [] });
    expect(classMarksRows(empty, ZONE)).toEqual([["Student", "Email", "Average (%)"], ...students.map((s) => [s.name, s.email, null]), []]);
  });
});

describe("through encodeCsv", () => {
  it("writes a UTF-8 file with a BOM, quoting names with commas and quotes, blanks for missing marks", () => {
    const csv = encodeCsv(assignmentMarksRows(board, "s", ZONE));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(1 + 1 + students.length);
    expect(lines[0]).toBe(
      "Student,Email,Status,Handed in (Europe/London),Late,Version,Analysis and explanation level,Knowledge level,Evaluation and judgement level,Organisation and communication level,Total,Out of,Returned (Europe/London)",
    );
    expect(lines).toContain("Zoë Ångström,zoe@school.test,Returned,2026-03-04 18:30,no,1,3,4,2,3,12,20,2026-03-31 00:15");
    expect(lines).toContain('"O\'Neill, Catherine ""Cat""",cat@school.test,Submitted late,2026-03-06 08:00,yes,1,,,,,,20,');
    expect(lines).toContain("Ali Hassan,ali@school.test,Not started,,,,,,,,,20,");
    // The bytes are UTF-8: ë and Å are two bytes each, and the BOM is EF BB BF.
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from([0x5a, 0x6f, 0xc3, 0xab]))).toBe(true); // "Zoë"
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(csv.replace(/^\uFEFF/, ""));
  });

  it("the class export: quoted question text in the key, blank line before it", () => {
    const csv = encodeCsv(classMarksRows(board, ZONE));
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toContain("Zoë Ångström,zoe@school.test,12,3,4,2,3,19,4,3,,,62");
    expect(lines.slice(-5)).toEqual([
      "",
      "A1:,How far was Khrushchev's fall caused by the failure of his agricultural policies?,due 2026-03-05 16:00 (Europe/London)",
      'A2:,"Assess the view that ""de-Stalinisation"" was a failure.",due 2026-03-20 16:00 (Europe/London)',
      "A3:,To what extent did Khrushchev change the USSR?,due 2026-05-01 00:30 (Europe/London)",
      "",
    ]);
  });
});
