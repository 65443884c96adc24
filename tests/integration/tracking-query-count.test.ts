import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/sessions";
import { setAssignment } from "@/lib/assignments/assignments";
import { getAssignmentAnalytics, getClassBoard, getDepartmentOverview } from "@/lib/tracking/tracking-data";
import { makeClassroom, makeStudent } from "../factories";
import { assignmentInput, makeClassWithTopic } from "./work-fixtures";

// The board, the analytics and the department view must cost the same number of SQL
// statements for a class of 5 as for a class of 60: no query per student or per cell.
// Statements are counted where they leave for the server: every one the pg adapter sends
// goes through pg.Client.prototype.query (pool queries included).

let spy: ReturnType<typeof vi.spyOn> | undefined;
afterEach(() => spy?.mockRestore());

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
    spy = undefined;
  }
}

/** A class of `size` students with three assignments' worth of work in every state, written in bulk. */
async function classOf(world: Awaited<ReturnType<typeof makeClassWithTopic>>, size: number) {
  const classroom = await makeClassroom(world.teacher, { name: `Class of ${size}` });
  const students: SessionUser[] = [];
  for (let i = 0; i < size; i++) students.push(await makeStudent({ name: `Student ${size}-${String(i).padStart(2, "0")}` }));
  await db().enrolment.createMany({ data: students.map((s) => ({ classroomId: classroom.id, studentId: s.id })) });
  const assignments = [];
  for (const rubricId of ["strands-20-four-strands", "summed-30-two-tables", "holistic-25-five-levels"]) {
    const { id } = await setAssignment(world.teacher, assignmentInput(world, { classroomId: classroom.id, rubricId}));
    assignments.push(id);
  }
  const now = Date.now();
  for (const assignmentId of assignments) {
    // Everyone has a plan; two in three have a draft; half have handed in; a quarter are marked.
    await db().plan.createMany({ data: students.map((s) => ({ assignmentId, studentId: s.id, content: {}, revision: 2 })) });
    const drafts = await db().draft.createManyAndReturn({
      data: students.flatMap((s, i) => (i % 3 === 2 ? [] : [{ assignmentId, studentId: s.id, text: "An essay.", wordCount: 2, revision: 3, submittedAt: i % 2 === 0 ? new Date(now) : null, late: i % 4 === 0 }])),
      select: { id: true, submittedAt: true },
    });
    const submissions = await db().submission.createManyAndReturn({
      data: drafts.filter((d) => d.submittedAt).map((d) => ({ draftId: d.id, number: 1, text: "An essay.", wordCount: 2, submittedAt: d.submittedAt!, late: false })),
      select: { id: true },
    });
    await db().marking.createMany({
      data: submissions.filter((_, i) => i % 2 === 0).map((s) => ({ submissionId: s.id, awards: [], total: 10, status: "RETURNED" as const, revision: 1 })),
    });
  }
  return { classroom, assignments, students };
}

describe("tracking loads in a fixed number of queries", () => {
  it("costs the same for a class of 5 as for a class of 60: board, analytics and department view", async () => {
    const world = await makeClassWithTopic();
    const small = await classOf(world, 5);
    const large = await classOf(world, 60);

    const board = { small: await countQueries(() => getClassBoard(world.teacher, small.classroom.id)), large: await countQueries(() => getClassBoard(world.teacher, large.classroom.id)) };
    const analytics = {
      small: await countQueries(() => getAssignmentAnalytics(world.teacher, small.assignments[0]!)),
      large: await countQueries(() => getAssignmentAnalytics(world.teacher, large.assignments[0]!)),
    };
    const department = await countQueries(() => getDepartmentOverview(world.teacher));

    // The data really is there (so a zero count could not pass by accident).
    const { board: big } = await getClassBoard(world.teacher, large.classroom.id);
    expect(big.rows).toHaveLength(60);
    expect(big.columns.map((c) => c.counts.returned)).toEqual([10, 10, 10]);

    expect(board.small).toBeGreaterThan(0);
    expect(board.large).toBe(board.small);
    expect(analytics.large).toBe(analytics.small);
    // Three classes (12H's fixture class, 5 and 60) cost what one does.
    expect(department).toBeLessThanOrEqual(board.small + 1);
    expect(board.small).toBeLessThanOrEqual(12);
  });

  it("counts every statement, so a query per student would be caught", async () => {
    const world = await makeClassWithTopic();
    const { students } = await classOf(world, 5);
    const perStudent = await countQueries(async () => {
      for (const s of students) await db().user.findFirst({ where: { id: s.id } });
    });
    expect(perStudent).toBeGreaterThanOrEqual(students.length);
  });
});
