import { describe, expect, it } from "vitest";
import { setAssignment } from "@/lib/assignments/assignments";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { savePlan } from "@/lib/planner/plans";
import { saveMarking } from "@/lib/marking/markings";
import { getAssignmentAnalytics, getClassBoard, getDepartmentOverview } from "@/lib/tracking/tracking-data";
import { getAssignmentMarksCsv, getClassMarksCsv } from "@/lib/tracking/exports";
import { enrol, makeStudent } from "../factories";
import { ESSAY, REDRAFT, STRANDS, redraftAndResubmit, returnMarking, savedMarking, submitEssay } from "./marking-fixtures";
import { assignmentInput, daysFromNow, makeAssignedClass, makeOutsiders } from "./work-fixtures";

const strands = (a: number, k: number, j: number, o: number) => [
  { criterionId: "analysis", level: a },
  { criterionId: "knowledge", level: k },
  { criterionId: "judgement", level: j },
  { criterionId: "organisation", level: o },
];

/**
 * 12H with four students and two assignments, driven through the app's own functions:
 * A1 (holistic, due in a week): Amira returned then resubmitted, Ben handed in late, Cara
 * planning, Dan nothing. A2 (strands): Amira returned, Ben marked not returned, Cara and
 * Dan handed in.
 */
async function trackedClass() {
  const world = await makeAssignedClass();
  const cara = await makeStudent({ name: "Cara Diaz" });
  const dan = await makeStudent({ name: "Dan Evans" });
  await enrol(world.classroom.id, cara);
  await enrol(world.classroom.id, dan);
  const a1 = world.assignmentId;
  const { id: a2 } = await setAssignment(world.teacher, assignmentInput(world, { rubricId: STRANDS, dueAt: daysFromNow(14) }));

  await submitEssay(world.amira, a1, ESSAY);
  await returnMarking(world.teacher, { assignmentId: a1, studentId: world.amira.id, submissionNumber: 1 }, { allowRedraft: true });
  await redraftAndResubmit(world.amira, a1, REDRAFT);
  await submitEssay(world.ben, a1, ESSAY, daysFromNow(8));
  const { plan } = await getOwnWorkspace(cara, a1);
  await savePlan(cara, { assignmentId: a1, baseRevision: 0, plan: plan.content });

  for (const s of [world.amira, world.ben, cara, dan]) await submitEssay(s, a2, ESSAY);
  const mark = (studentId: string, levels: number[], returning: boolean) =>
    saveMarking(world.teacher, { assignmentId: a2, studentId, submissionNumber: 1, baseRevision: 0, awards: strands(...(levels as [number, number, number, number])), wentWell: "Good.", evenBetterIf: "Judge." }, { returning });
  savedMarking(await mark(world.amira.id, [4, 4, 2, 4], true));
  savedMarking(await mark(world.ben.id, [3, 4, 1, 3], false));
  return { ...world, cara, dan, a1, a2 };
}

describe("the class board", () => {
  it("shows every student's status and mark on every assignment", async () => {
    const w = await trackedClass();
    const { classroom, board } = await getClassBoard(w.teacher, w.classroom.id);
    expect(classroom.name).toBe("12H History");
    expect(board.columns.map((c) => c.id)).toEqual([w.a1, w.a2]);
    const statuses = Object.fromEntries(board.rows.map((r) => [r.student.name, r.cells.map((c) => c.status)]));
    expect(statuses).toEqual({
      "Amira Khan": ["resubmitted", "returned"],
      "Ben Carter": ["late", "marked"],
      "Cara Diaz": ["planning", "submitted"],
      "Dan Evans": ["not-started", "submitted"],
    });
    const amira = board.rows[0]!;
    expect(amira.cells[0]).toMatchObject({ mark: 13, latestVersion: 2, href: `/assignments/${w.a1}/students/${w.amira.id}/mark` });
    expect(amira.cells[1]).toMatchObject({ href: `/assignments/${w.a2}/students/${w.amira.id}/mark?version=1` });
    // Strands best fit: Ben's 3,4,1,3 sits in Level 3 (8–12), pulled down one step to 11.
    expect(board.rows[1]!.cells[1]!.mark).toBe(11);
    expect(board.columns[1]!.counts).toMatchObject({ returned: 1, marked: 1, submitted: 2 });
  });

  it("is the class's teacher's alone", async () => {
    const w = await makeAssignedClass();
    const outsiders = await makeOutsiders();
    await expect(getClassBoard(outsiders.teacher, w.classroom.id)).rejects.toMatchObject({ status: 404 });
    await expect(getClassBoard(w.amira, w.classroom.id)).rejects.toMatchObject({ status: 403 });
    await expect(getDepartmentOverview(w.amira)).rejects.toMatchObject({ status: 403 });
    expect((await getDepartmentOverview(outsiders.teacher)).map((c) => c.classroom.id)).toEqual([outsiders.classroom.id]);
  });
});

describe("assignment analytics", () => {
  it("gives the funnel, the distribution of totals and the level heatmap with the weakest criterion", async () => {
    const w = await trackedClass();
    const a = await getAssignmentAnalytics(w.teacher, w.a2);
    expect(a.funnel.find((s) => s.status === "returned")).toMatchObject({ count: 1, reached: 1 });
    expect(a.funnel.find((s) => s.status === "submitted")).toMatchObject({ count: 2, reached: 4 });
    expect(a.marked).toBe(2);
    expect(a.distribution.reduce((s, b) => s + b.count, 0)).toBe(2);
    expect(a.heatmap.rows.find((r) => r.studentId === w.amira.id)!.levels).toEqual([4, 4, 2, 4]);
    expect(a.heatmap.criteria.find((c) => c.id === "judgement")!.average).toBe(1.5);
    expect(a.heatmap.weakest).toMatchObject({ id: "judgement" });
  });

  it("refuses anyone but the class's teacher", async () => {
    const w = await makeAssignedClass();
    const outsiders = await makeOutsiders();
    await expect(getAssignmentAnalytics(outsiders.teacher, w.assignmentId)).rejects.toMatchObject({ status: 404 });
    await expect(getAssignmentAnalytics(w.amira, w.assignmentId)).rejects.toMatchObject({ status: 404 });
  });
});

describe("marks exports", () => {
  it("export an assignment's levels and totals, and the class's per assignment", async () => {
    const w = await trackedClass();
    const { rows, classroomName, questionText } = await getAssignmentMarksCsv(w.teacher, w.a2);
    expect(classroomName).toBe("12H History");
    expect(questionText).toMatch(/^How far/);
    const amira = rows.find((r) => r[0] === "Amira Khan")!;
    // 4,4,2,4: Level 4 (13–16), pulled down by the judgement strand to 15.
    expect(amira.slice(2, 12)).toEqual(["Returned", expect.any(Date), "no", 1, 4, 4, 2, 4, 15, 20]);
    expect(rows.find((r) => r[0] === "Dan Evans")!.slice(6, 11)).toEqual([null, null, null, null, null]);

    const cls = await getClassMarksCsv(w.teacher, w.classroom.id);
    expect(cls.rows[0]!.slice(0, 3)).toEqual(["Student", "Email", "A1 total (out of 25)"]);
    expect(cls.rows.find((r) => r[0] === "Amira Khan")![2]).toBe(13);
  });

  it("are the class's teacher's alone", async () => {
    const w = await makeAssignedClass();
    const outsiders = await makeOutsiders();
    await expect(getAssignmentMarksCsv(outsiders.teacher, w.assignmentId)).rejects.toMatchObject({ status: 404 });
    await expect(getClassMarksCsv(outsiders.teacher, w.classroom.id)).rejects.toMatchObject({ status: 404 });
    await expect(getAssignmentMarksCsv(w.amira, w.assignmentId)).rejects.toMatchObject({ status: 404 });
    await expect(getClassMarksCsv(w.amira, w.classroom.id)).rejects.toMatchObject({ status: 403 });
  });
});
