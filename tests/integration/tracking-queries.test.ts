import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { setAssignment } from "@/lib/assignments/assignments";
import { getAssignmentAnalytics, getBoardPage, getClassBoard, getDepartmentOverview } from "@/lib/tracking/tracking-data";
import { makeClassroom, makeQuestion, makeTeacher } from "../factories";
import { daysFromNow } from "./work-fixtures";
import { statementsOf } from "./statements";

// The board, the analytics and the department view load in a fixed number of SQL
// statements whatever the class size (counted by ./statements.ts).


const RUBRICS = ["strands-20-four-strands", "summed-30-two-tables", "holistic-25-five-levels"] as const;

// A complete marking per rubric (totals as the marking desk would store them).
const MARKING: Record<(typeof RUBRICS)[number], { awards: Prisma.InputJsonValue[]; total: number }> = {
  "strands-20-four-strands": {
    awards: ["analysis", "knowledge", "judgement", "organisation"].map((criterionId, i) => ({ criterionId, level: i === 2 ? 2 : 3 })),
    total: 11,
  },
  "summed-30-two-tables": {
    awards: [
      { criterionId: "knowledge-understanding", level: 4, mark: 11 },
      { criterionId: "analysis-judgement", level: 3, mark: 8 },
    ],
    total: 19,
  },
  "holistic-25-five-levels": { awards: [{ criterionId: "overall", level: 3, mark: 13 }], total: 13 },
};

// Every kind of work, ordered so that any five students in a row include handed-in,
// marked and returned work: the loader's follow-up queries (submissions, markings) then
// have rows to fetch in the small class as well as the large one.
const STATES = ["resubmitted", "marked", "late", "nothing", "planning", "drafting", "submitted", "returned", "empty-draft", "part-marked"] as const;
type State = (typeof STATES)[number];

/** A teacher with one class of `size` students and three assignments of varied work, written in bulk. */
async function bulkClass(size: number) {
  const teacher = await makeTeacher({ name: `Teacher of ${size}` });
  const classroom = await makeClassroom(teacher, { name: `Class of ${size}` });
  const questionId = await makeQuestion(teacher);

  const students = await db().user.createManyAndReturn({
    data: Array.from({ length: size }, (_, i) => ({
      name: `Student ${String(i).padStart(2, "0")} of ${size}`,
      email: `s${i}-of-${size}-${classroom.id}@example.test`,
      role: "STUDENT" as const,
      passwordHash: "not-for-signing-in",
    })),
    select: { id: true },
  });
  await db().enrolment.createMany({ data: students.map((s) => ({ classroomId: classroom.id, studentId: s.id })) });

  const assignments: string[] = [];
  for (const [k, rubricId] of RUBRICS.entries()) {
    const { id } = await setAssignment(teacher, { classroomId: classroom.id, questionId, rubricId, dueAt: daysFromNow(2 + k), wordLimit: 1500, instructions: "" });
    assignments.push(id);
  }

  const handedIn = new Date(Date.now() - 60_000);
  const work = assignments.flatMap((assignmentId, k) => students.map((s, i) => ({ assignmentId, rubricId: RUBRICS[k]!, studentId: s.id, state: STATES[(i + k) % STATES.length]! as State })));
  const has = (w: (typeof work)[number], ...states: State[]) => states.includes(w.state);

  await db().plan.createMany({ data: work.filter((w) => !has(w, "nothing", "empty-draft")).map((w) => ({ assignmentId: w.assignmentId, studentId: w.studentId, content: {}, revision: 2 })) });
  const drafted = work.filter((w) => !has(w, "nothing", "planning"));
  const drafts = await db().draft.createManyAndReturn({
    data: drafted.map((w) => ({
      assignmentId: w.assignmentId,
      studentId: w.studentId,
      text: has(w, "empty-draft") ? "" : "An essay about Khrushchev.",
      wordCount: has(w, "empty-draft") ? 0 : 4,
      revision: 3,
      submittedAt: has(w, "nothing", "planning", "drafting", "empty-draft") ? null : handedIn,
      late: has(w, "late"),
    })),
    select: { id: true, assignmentId: true, studentId: true },
  });
  const workOf = new Map(drafted.map((w) => [`${w.assignmentId} ${w.studentId}`, w]));
  const handed = drafts.flatMap((d) => {
    const w = workOf.get(`${d.assignmentId} ${d.studentId}`)!;
    return has(w, "drafting", "empty-draft") ? [] : [{ draftId: d.id, w }];
  });
  const versions = handed.flatMap(({ draftId, w }) => (has(w, "resubmitted") ? [1, 2] : [1]).map((number) => ({ draftId, number, w })));
  const submissions = await db().submission.createManyAndReturn({
    data: versions.map(({ draftId, number, w }) => ({ draftId, number, text: "An essay about Khrushchev.", wordCount: 4, submittedAt: handedIn, late: number === 1 && has(w, "late") })),
    select: { id: true, draftId: true, number: true },
  });
  const versionOf = new Map(versions.map((v) => [`${v.draftId} ${v.number}`, v]));
  await db().marking.createMany({
    data: submissions.flatMap((s): Prisma.MarkingCreateManyInput[] => {
      const { w } = versionOf.get(`${s.draftId} ${s.number}`)!;
      const complete = MARKING[w.rubricId];
      const returned = { ...complete, status: "RETURNED" as const, returnedAt: handedIn, revision: 2, allowRedraft: true };
      if (has(w, "marked")) return [{ submissionId: s.id, ...complete, status: "IN_PROGRESS" as const, revision: 1 }];
      if (has(w, "returned") || (has(w, "resubmitted") && s.number === 1)) return [{ submissionId: s.id, ...returned }];
      if (has(w, "part-marked")) return [{ submissionId: s.id, awards: complete.awards.slice(0, 1), total: null, status: "IN_PROGRESS" as const, revision: 1 }];
      return [];
    }),
  });
  return { teacher, classroomId: classroom.id, assignments, size };
}

/** A statement with its parameter numbers and IN lists blanked out. */
const shape = (sql: string) => sql.replace(/IN \(\$\d+(?:,\$\d+)*\)/g, "IN (…)").replace(/\$\d+/g, "$?");

type BulkClass = Awaited<ReturnType<typeof bulkClass>>;

/** The statements each view costs for one class, after a warm-up call (so the pool is open). */
async function costs(c: BulkClass) {
  const board = () => getBoardPage(c.teacher, c.classroomId, {}, 1);
  const filtered = () => getBoardPage(c.teacher, c.classroomId, { status: "to-mark", sort: "mark", student: "student" }, 1);
  const whole = () => getClassBoard(c.teacher, c.classroomId);
  const analytics = () => getAssignmentAnalytics(c.teacher, c.assignments[0]!);
  const department = () => getDepartmentOverview(c.teacher);
  for (const warm of [board, filtered, whole, analytics, department]) await warm();
  return {
    board: await statementsOf(board),
    filtered: await statementsOf(filtered),
    whole: await statementsOf(whole),
    analytics: await statementsOf(analytics),
    department: await statementsOf(department),
  };
}

describe("tracking loads in a fixed number of statements", () => {
  it("the counter sees every statement Prisma sends", async () => {
    const teacher = await makeTeacher();
    expect(await statementsOf(() => db().user.count())).toHaveLength(1);
    const two = await statementsOf(() => Promise.all([db().user.count(), db().classroom.findMany({ where: { teacherId: teacher.id } })]));
    expect(two).toHaveLength(2);
    expect(two.join("\n")).toMatch(/"User"/);
    expect(two.join("\n")).toMatch(/"Classroom"/);
  });

  it("costs the same for a class of 5 as for a class of 60: board, analytics and department view", async () => {
    const small = await bulkClass(5);
    const large = await bulkClass(60);

    // The data really is there, in every state, in both classes.
    const largeBoard = (await getClassBoard(large.teacher, large.classroomId)).board;
    expect(largeBoard.rows).toHaveLength(60);
    expect(largeBoard.columns).toHaveLength(3);
    const statuses = new Set(largeBoard.rows.flatMap((r) => r.cells.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(["drafting", "late", "marked", "not-started", "planning", "resubmitted", "returned", "submitted"]);
    const smallAnalytics = await getAssignmentAnalytics(small.teacher, small.assignments[0]!);
    expect(smallAnalytics.funnel.map((s) => s.count)).toEqual([1, 1, 0, 0, 1, 1, 1, 0]);
    expect(smallAnalytics.marked).toBe(2);
    expect((await getAssignmentAnalytics(large.teacher, large.assignments[0]!)).marked).toBe(18);

    const five = await costs(small);
    const sixty = await costs(large);
    const counts = (c: typeof five) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.length]));
    expect(counts(sixty)).toEqual(counts(five));
    // Not only as many: the same statements, but for the length of their lists of ids
    // (Prisma fetches nested relations with one "IN ($1,…,$n)" per relation). Sorted,
    // because on PostgreSQL the loader's parallel queries finish in any order.
    const shapes = (c: typeof five) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map(shape).sort()]));
    expect(shapes(sixty)).toEqual(shapes(five));
    // And few (issue 11; raw SQL in place of Prisma's nested findMany, decision 019 amended):
    // a page of the board 4 (access 1, the assignments with their rubrics 1, one SQL
    // statement for the summaries, the class size and the page's ids, then the page's 50
    // students' work 1), the whole board for the CSV 3, analytics 8, the department view 3
    // (its classes, their assignments, one SQL statement for all its summaries and class
    // sizes). Change these on purpose if a view needs one more statement; never let the
    // count depend on the class.
    expect(counts(five)).toEqual({ board: 4, filtered: 4, whole: 3, analytics: 8, department: 3 });

    // More classes for the department view do not add statements either.
    const second = await makeClassroom(small.teacher, { name: "A second class" });
    await db().enrolment.createMany({ data: (await db().user.findMany({ where: { role: "STUDENT" }, take: 7, select: { id: true } })).map((s) => ({ classroomId: second.id, studentId: s.id })) });
    expect((await getDepartmentOverview(small.teacher)).map((c) => c.students)).toEqual([7, 5]);
    expect(await statementsOf(() => getDepartmentOverview(small.teacher))).toHaveLength(five.department.length);
  });
});
