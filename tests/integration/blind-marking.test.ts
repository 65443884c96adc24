import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAssignmentOverview, setAssignment } from "@/lib/assignments/assignments";
import { getStudentWorkspace } from "@/lib/assignments/workspace";
import { hideNames, revealNames, setBlindMarking } from "@/lib/marking/blind-settings";
import { getMarkingDesk } from "@/lib/marking/desk";
import { getMarkingQueue, nextToMark } from "@/lib/marking/queue";
import { getAssignmentMarksCsv, getClassMarksCsv } from "@/lib/tracking/exports";
import { getAssignmentAnalytics, getBoardPage } from "@/lib/tracking/tracking-data";
import { addCoTeacher, enrol, makeStudent, makeTeacher } from "../factories";
import { ESSAY, returnMarking, submitEssay } from "./marking-fixtures";
import { statusOf } from "./refusal-status";
import { assignmentInput, daysFromNow, makeClassWithTopic } from "./work-fixtures";

// Blind marking (docs/decisions/029): while an assignment's names are hidden, every data
// function a marker's screen is built from carries candidate numbers and no name or email;
// after the recorded reveal they carry names again. "No name" is checked on everything the
// function returns (as JSON, what a client component would receive), not only one field.

const NAMES = ["Amira", "Khan", "Ben Carter"];
const CANDIDATE = /^Candidate \d{4}$/;

function expectNoNames(data: unknown, emails: string[]) {
  const text = JSON.stringify(data);
  for (const name of [...NAMES, ...emails]) expect(text, `"${name}" should not be in ${text.slice(0, 200)}…`).not.toContain(name);
}

/** A blind assignment with Amira's work returned (marked 13) and Ben's handed in, late. */
async function blindClass() {
  const world = await makeClassWithTopic();
  const { id: assignmentId } = await setAssignment(world.teacher, { ...assignmentInput(world), blindMarking: true });
  await submitEssay(world.amira, assignmentId, ESSAY, daysFromNow(1));
  await submitEssay(world.ben, assignmentId, ESSAY, daysFromNow(8));
  await returnMarking(world.teacher, { assignmentId, studentId: world.amira.id, submissionNumber: 1 });
  const emails = await db().user.findMany({ where: { id: { in: [world.amira.id, world.ben.id] } }, select: { email: true } });
  return { ...world, assignmentId, emails: emails.map((e) => e.email) };
}

const numbersOf = async (assignmentId: string) =>
  new Map((await db().candidateNumber.findMany({ where: { assignmentId }, select: { studentId: true, number: true } })).map((r) => [r.studentId, r.number]));

describe("blind marking while the names are hidden", () => {
  it("shows candidate numbers, the same on every screen, and no name, on the desk, queue, board, analytics and assignment page", async () => {
    const w = await blindClass();
    const desk = await getMarkingDesk(w.teacher, w.assignmentId, w.ben.id);
    expect(desk.student.name).toMatch(CANDIDATE);
    expectNoNames(desk, w.emails);
    // Numbers are drawn as screens need them: the desk drew Ben's, Amira's work view draws hers.
    const workspace = await getStudentWorkspace(w.teacher, w.assignmentId, w.amira.id);
    const numbers = await numbersOf(w.assignmentId);
    expect(new Set(numbers.values()).size).toBe(2);
    const label = (id: string) => `Candidate ${numbers.get(id)}`;
    expect(desk.student.name).toBe(label(w.ben.id));
    expect(workspace.student.name).toBe(label(w.amira.id));

    const queue = await getMarkingQueue(w.teacher);
    expect(queue.items.map((i) => i.student)).toEqual([label(w.ben.id)]);
    expectNoNames(queue, w.emails);
    expect((await nextToMark(w.teacher))?.student).toBe(label(w.ben.id));

    // The column view: candidate numbers in number order; a name search finds nothing by name.
    const column = await getBoardPage(w.teacher, w.classroom.id, { assignmentId: w.assignmentId, student: "Amira" });
    expect(column.candidateView).toBe(true);
    const inOrder = [w.amira.id, w.ben.id].sort((a, b) => numbers.get(a)! - numbers.get(b)!);
    expect(column.board.rows.map((r) => r.student.name)).toEqual(inOrder.map(label));
    expect(column.board.rows.map((r) => r.cells[0]!.status)).toEqual(inOrder.map((id) => (id === w.amira.id ? "returned" : "late")));
    expectNoNames(column.board, w.emails);

    const analytics = await getAssignmentAnalytics(w.teacher, w.assignmentId);
    expect(analytics.heatmap.rows.map((r) => r.name)).toEqual([label(w.amira.id)]);
    expectNoNames(analytics, w.emails);

    const overview = await getAssignmentOverview(w.teacher, w.assignmentId);
    expect(overview.blind).toMatchObject({ blindMarking: true, hidden: true, revealedAt: null });
    expect(overview.students.map((s) => s.name)).toEqual(inOrder.map(label));
    expectNoNames(overview.students, w.emails);

    // The same numbers every time.
    expect(await numbersOf(w.assignmentId)).toEqual(numbers);
  });

  it("blanks the blind column on the whole board and in the class export, and leaves out its marks", async () => {
    const w = await blindClass();
    const board = await getBoardPage(w.teacher, w.classroom.id, {});
    expect(board.candidateView).toBe(false);
    expect(board.board.rows.map((r) => r.student.name)).toEqual(["Amira Khan", "Ben Carter"]);
    for (const row of board.board.rows) {
      expect(row.cells[0]).toMatchObject({ blind: true, mark: null, awards: null, words: 0, submittedAt: null, href: `/classes/${w.classroom.id}/board?assignment=${w.assignmentId}` });
      expect(row.averagePercent).toBeNull();
    }
    // A status filter does not pick students out by their blind work.
    expect((await getBoardPage(w.teacher, w.classroom.id, { status: "late" })).board.rows).toEqual([]);

    const csv = await getClassMarksCsv(w.teacher, w.classroom.id);
    const amira = csv.rows.find((r) => r[0] === "Amira Khan")!;
    expect(amira.slice(2)).toEqual(amira.slice(2).map(() => null));
    expect(csv.rows.at(-1)).toContain("Marked blind, names hidden: marks left out until revealed");
  });

  it("exports candidate numbers without names or emails, and says the names were hidden", async () => {
    const w = await blindClass();
    const { rows } = await getAssignmentMarksCsv(w.teacher, w.assignmentId);
    expect(rows[0]!.slice(0, 2)).toEqual(["Candidate", "Email"]);
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(expect.arrayContaining([expect.stringMatching(CANDIDATE), expect.stringMatching(CANDIDATE)]));
    expect(rows.slice(1, 3).map((r) => r[1])).toEqual([null, null]);
    expect(rows.at(-1)).toEqual(["Names hidden:", "yes (marked blind)"]);
    expectNoNames(rows, w.emails);
  });

  it("keeps every number as students join, and gives the newcomer an unused one", async () => {
    const w = await blindClass();
    await getBoardPage(w.teacher, w.classroom.id, { assignmentId: w.assignmentId });
    const before = await numbersOf(w.assignmentId);
    const cara = await makeStudent({ name: "Cara Diaz" });
    await enrol(w.classroom.id, cara);
    const column = await getBoardPage(w.teacher, w.classroom.id, { assignmentId: w.assignmentId });
    const after = await numbersOf(w.assignmentId);
    expect(after.size).toBe(3);
    for (const [id, n] of before) expect(after.get(id)).toBe(n);
    expect(new Set(after.values()).size).toBe(3);
    expect(column.board.rows.map((r) => r.student.name)).toContain(`Candidate ${after.get(cara.id)}`);
  });
});

describe("revealing the names", () => {
  it("is any class teacher's recorded act; names then show everywhere, and can be hidden again with the same numbers", async () => {
    const w = await blindClass();
    const numbers = await getBoardPage(w.teacher, w.classroom.id, { assignmentId: w.assignmentId }).then(() => numbersOf(w.assignmentId));
    const colleague = await makeTeacher({ name: "Mr Tom Price" });
    await addCoTeacher(w.classroom.id, colleague);

    await revealNames(colleague, w.assignmentId);
    const row = await db().assignment.findUniqueOrThrow({ where: { id: w.assignmentId }, select: { namesRevealedAt: true, namesRevealedById: true } });
    expect(row.namesRevealedById).toBe(colleague.id);
    expect(row.namesRevealedAt).toBeInstanceOf(Date);
    expect((await getAssignmentOverview(w.teacher, w.assignmentId)).blind).toMatchObject({ hidden: false, revealedBy: "Mr Tom Price" });

    expect((await getMarkingDesk(w.teacher, w.assignmentId, w.ben.id)).student.name).toBe("Ben Carter");
    expect((await getMarkingQueue(w.teacher)).items.map((i) => i.student)).toEqual(["Ben Carter"]);
    const column = await getBoardPage(w.teacher, w.classroom.id, { assignmentId: w.assignmentId });
    expect(column.candidateView).toBe(false);
    expect(column.board.rows.map((r) => r.student.name)).toEqual(["Amira Khan", "Ben Carter"]);
    expect((await getBoardPage(w.teacher, w.classroom.id, {})).board.rows[0]!.cells[0]).toMatchObject({ mark: 13, status: "returned" });
    expect((await getAssignmentAnalytics(w.teacher, w.assignmentId)).heatmap.rows.map((r) => r.name)).toEqual(["Amira Khan"]);
    const csv = await getAssignmentMarksCsv(w.teacher, w.assignmentId);
    expect(csv.rows[0]![0]).toBe("Student");
    expect(csv.rows.at(-1)![0]).toBe("Names hidden:");
    expect(csv.rows.at(-1)![1]).toMatch(/^no \(marked blind; names revealed /);

    // A second reveal is refused (409) and changes nothing.
    expect(await statusOf(revealNames(w.teacher, w.assignmentId))).toBe(409);
    expect((await db().assignment.findUniqueOrThrow({ where: { id: w.assignmentId }, select: { namesRevealedById: true } })).namesRevealedById).toBe(colleague.id);

    await hideNames(w.teacher, w.assignmentId);
    expect((await getMarkingDesk(w.teacher, w.assignmentId, w.ben.id)).student.name).toBe(`Candidate ${numbers.get(w.ben.id)}`);
    expect(await numbersOf(w.assignmentId)).toEqual(numbers);
  });

  it("is refused to students and to teachers of other classes, writing nothing", async () => {
    const w = await blindClass();
    const stranger = await makeTeacher({ name: "Ms Other" });
    // A student is told it does not exist (policy's answer to anyone outside the class's teachers).
    expect(await statusOf(revealNames(w.amira, w.assignmentId))).toBe(404);
    expect(await statusOf(revealNames(stranger, w.assignmentId))).toBe(404);
    expect(await statusOf(setBlindMarking(stranger, w.assignmentId, false))).toBe(404);
    expect(await statusOf(hideNames(w.ben, w.assignmentId))).toBe(404);
    const row = await db().assignment.findUniqueOrThrow({ where: { id: w.assignmentId }, select: { blindMarking: true, namesRevealedAt: true } });
    expect(row).toEqual({ blindMarking: true, namesRevealedAt: null });
  });

  it("cannot be done by switching blind marking off while the names are hidden", async () => {
    const w = await blindClass();
    expect(await statusOf(setBlindMarking(w.teacher, w.assignmentId, false))).toBe(409);
    expect((await getMarkingDesk(w.teacher, w.assignmentId, w.ben.id)).student.name).toMatch(CANDIDATE);
    await revealNames(w.teacher, w.assignmentId);
    await setBlindMarking(w.teacher, w.assignmentId, false);
    expect((await getMarkingDesk(w.teacher, w.assignmentId, w.ben.id)).student.name).toBe("Ben Carter");
    // On again: hidden again, with numbers for the whole class drawn at once.
    await setBlindMarking(w.teacher, w.assignmentId, true);
    expect((await getMarkingQueue(w.teacher)).items[0]!.student).toMatch(CANDIDATE);
    expect((await numbersOf(w.assignmentId)).size).toBe(2);
  });

  it("leaves an assignment that is not blind exactly as before", async () => {
    const world = await makeClassWithTopic();
    const { id } = await setAssignment(world.teacher, assignmentInput(world));
    await submitEssay(world.amira, id, ESSAY, daysFromNow(1));
    expect((await getMarkingDesk(world.teacher, id, world.amira.id)).student.name).toBe("Amira Khan");
    const csv = (await getAssignmentMarksCsv(world.teacher, id)).rows;
    expect(csv[0]![0]).toBe("Student");
    expect(csv.map((r) => r[0])).toEqual(["Student", "Amira Khan", "Ben Carter"]);
    expect(await numbersOf(id)).toEqual(new Map());
  });
});
