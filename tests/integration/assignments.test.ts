import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import {
  getAssignmentOverview,
  listClassAssignments,
  listStudentAssignments,
  setAssignment,
  setAssignmentOpen,
  updateAssignment,
} from "@/lib/assignments/assignments";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { importNotes } from "@/lib/notes/import-notes";
import { savePlan } from "@/lib/planner/plans";
import { rubricFingerprint } from "@/lib/rubrics/load-rubrics";
import { listRubrics } from "@/lib/rubrics/rubric-catalogue";
import { RubricSchema } from "@/lib/rubrics/rubric-schema";
import {
  RUBRIC_ID,
  assignmentInput,
  daysFromNow,
  makeAssignedClass,
  makeClassWithTopic,
  makeOutsiders,
  notes,
  planOf,
  draftOf,
} from "./work-fixtures";

const rubricFile = (id: string) => RubricSchema.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../rubrics/${id}.json`), "utf8")));

async function zodFieldErrors(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => expect.fail("expected the input to be refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(z.ZodError);
  return z.flattenError(error as z.ZodError).fieldErrors as Record<string, string[] | undefined>;
}

const assignmentRow = (id: string) => db().assignment.findUniqueOrThrow({ where: { id } });

describe("setting an assignment", () => {
  it("pins the rubric as a snapshot of the file, shared by assignments set with the same rubric", async () => {
    const world = await makeClassWithTopic();
    const first = await setAssignment(world.teacher, assignmentInput(world));
    const second = await setAssignment(world.teacher, assignmentInput(world, { questionId: world.toWhatExtent.id, wordLimit: "2000" }));

    const versions = await db().rubricVersion.findMany();
    expect(versions).toHaveLength(1);
    const snapshot = versions[0]!;
    const fromFile = rubricFile(RUBRIC_ID);
    expect(snapshot).toMatchObject({ rubricId: RUBRIC_ID, version: fromFile.version, title: fromFile.title, fingerprint: rubricFingerprint(fromFile) });
    expect(snapshot.content).toEqual(fromFile);
    expect((await assignmentRow(first.id)).rubricVersionId).toBe(snapshot.id);
    expect(await assignmentRow(second.id)).toMatchObject({ rubricVersionId: snapshot.id, wordLimit: 2000, status: "OPEN", setById: world.teacher.id });

    const listed = await listClassAssignments(world.teacher, world.classroom.id);
    expect(listed.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect(listed[0]).toMatchObject({ enrolled: 2, submitted: 0, rubricVersion: { title: fromFile.title } });

    // A different rubric is a different snapshot.
    await setAssignment(world.teacher, assignmentInput(world, { rubricId: "strands-20-four-strands" }));
    expect(await db().rubricVersion.count()).toBe(2);
  });

  it("two assignments set at the same moment with a rubric not yet pinned still share one snapshot", async () => {
    const world = await makeClassWithTopic();
    // Each rubric is a fresh first pin, so each is another chance for the two to collide.
    const rubricIds = listRubrics().rubrics.map((r) => r.id);
    expect(rubricIds.length).toBeGreaterThanOrEqual(4);
    for (const rubricId of rubricIds) {
      const set = await Promise.all([setAssignment(world.teacher, assignmentInput(world, { rubricId })), setAssignment(world.teacher, assignmentInput(world, { rubricId }))]);
      const rows = await db().assignment.findMany({ where: { id: { in: set.map((a) => a.id) } }, select: { rubricVersion: { select: { rubricId: true } }, rubricVersionId: true } });
      expect(rows.map((r) => r.rubricVersion.rubricId)).toEqual([rubricId, rubricId]);
      expect(rows[0]!.rubricVersionId).toBe(rows[1]!.rubricVersionId);
    }
    expect(await db().rubricVersion.count()).toBe(rubricIds.length);
  });

  it("refuses a due date in the past with a field error, and saves nothing", async () => {
    const world = await makeClassWithTopic();
    await expect(setAssignment(world.teacher, assignmentInput(world, { dueAt: daysFromNow(-1) }))).rejects.toMatchObject({
      status: 422,
      fieldErrors: { dueAt: [expect.stringMatching(/future/)] },
    });
    expect(await zodFieldErrors(setAssignment(world.teacher, assignmentInput(world, { dueAt: "not a date" })))).toMatchObject({ dueAt: [expect.stringMatching(/could not be read/)] });
    expect(await db().assignment.count()).toBe(0);
    expect(await db().rubricVersion.count()).toBe(0);
  });

  it.each([["50"], [99], [10_001], [1500.5], ["lots"]])("refuses the word limit %j and saves nothing", async (wordLimit) => {
    const world = await makeClassWithTopic();
    const errors = await zodFieldErrors(setAssignment(world.teacher, assignmentInput(world, { wordLimit })));
    expect(errors.wordLimit).toEqual([expect.stringMatching(/100 to 10,000/)]);
    expect(await db().assignment.count()).toBe(0);
  });

  it("accepts no word limit", async () => {
    const world = await makeClassWithTopic();
    const { id } = await setAssignment(world.teacher, assignmentInput(world, { wordLimit: "" }));
    expect((await assignmentRow(id)).wordLimit).toBeNull();
  });

  it("an unknown rubric is not found", async () => {
    const world = await makeClassWithTopic();
    await expect(setAssignment(world.teacher, assignmentInput(world, { rubricId: "no-such-rubric" }))).rejects.toMatchObject({ status: 404 });
    expect(await db().assignment.count()).toBe(0);
    expect(await db().rubricVersion.count()).toBe(0);
  });

  it("refuses a question from another teacher's topic, and setting work in another teacher's class", async () => {
    const world = await makeClassWithTopic();
    const other = await makeOutsiders();
    const theirTopic = await importNotes(other.teacher, { text: notes, title: "Their Khrushchev" });
    const theirQuestion = await db().question.findFirstOrThrow({ where: { topicId: theirTopic.id } });
    await expect(setAssignment(world.teacher, assignmentInput(world, { questionId: theirQuestion.id }))).rejects.toMatchObject({ status: 404 });
    await expect(setAssignment(other.teacher, assignmentInput(world, { questionId: theirQuestion.id }))).rejects.toMatchObject({ status: 404 });
    expect(await db().assignment.count()).toBe(0);
  });
});

describe("changing an assignment", () => {
  it("updates the due date, word limit and instructions, keeping the pinned rubric", async () => {
    const { teacher, assignmentId } = await makeAssignedClass();
    const before = await assignmentRow(assignmentId);
    const dueAt = daysFromNow(14);
    await updateAssignment(teacher, { assignmentId, dueAt: dueAt.toISOString(), wordLimit: "", instructions: "  Use at least three factors.  " });
    expect(await assignmentRow(assignmentId)).toMatchObject({ dueAt, wordLimit: null, instructions: "Use at least three factors.", rubricVersionId: before.rubricVersionId, questionId: before.questionId });

    const after = await assignmentRow(assignmentId);
    expect(await zodFieldErrors(updateAssignment(teacher, { assignmentId, dueAt, wordLimit: 20 }))).toHaveProperty("wordLimit");
    expect(await assignmentRow(assignmentId)).toEqual(after);
  });

  it("closes and reopens; students see the status", async () => {
    const { teacher, amira, assignmentId } = await makeAssignedClass();
    await setAssignmentOpen(teacher, assignmentId, false);
    const closed = await assignmentRow(assignmentId);
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await listStudentAssignments(amira))[0]).toMatchObject({ id: assignmentId, status: "CLOSED" });

    await setAssignmentOpen(teacher, assignmentId, true);
    expect(await assignmentRow(assignmentId)).toMatchObject({ status: "OPEN", closedAt: null });
    expect((await listStudentAssignments(amira))[0]).toMatchObject({ status: "OPEN" });
  });
});

describe("where students stand", () => {
  it("moves from not started to planning, drafting and submitted, for the student and in the teacher's overview", async () => {
    const { teacher, classroom, amira, ben, assignmentId } = await makeAssignedClass();
    const statusOf = async () => (await listStudentAssignments(amira)).map((a) => a.workStatus);
    const overviewStatuses = async () => (await getAssignmentOverview(teacher, assignmentId)).students.map((s) => [s.name, s.workStatus]);

    expect(await listStudentAssignments(amira)).toEqual([
      expect.objectContaining({ id: assignmentId, workStatus: "not-started", late: false, classroom: { name: "12H History" }, question: expect.objectContaining({ text: expect.stringMatching(/^How far was de-Stalinisation/) }) }),
    ]);
    // Opening the assignment creates an empty draft; that is not a start.
    const workspace = await getOwnWorkspace(amira, assignmentId);
    expect(await statusOf()).toEqual(["not-started"]);

    await savePlan(amira, { assignmentId, baseRevision: 0, plan: workspace.plan.content });
    expect(await statusOf()).toEqual(["planning"]);
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: "   \n" });
    expect(await statusOf()).toEqual(["planning"]);
    const saved = await saveDraft(amira, { assignmentId, baseRevision: 1, text: "De-Stalinisation weakened Khrushchev’s standing with the Presidium." });
    expect(await statusOf()).toEqual(["drafting"]);
    expect(await overviewStatuses()).toEqual([
      ["Amira Khan", "drafting"],
      ["Ben Carter", "not-started"],
    ]);

    await submitDraft(amira, { assignmentId, baseRevision: saved.ok ? saved.draft.revision : -1 });
    expect(await statusOf()).toEqual(["submitted"]);
    expect(await listStudentAssignments(ben)).toEqual([expect.objectContaining({ workStatus: "not-started" })]);

    const overview = await getAssignmentOverview(teacher, assignmentId);
    expect(overview).toMatchObject({ id: assignmentId, classroom: { id: classroom.id, name: "12H History" } });
    expect(overview.students).toEqual([
      expect.objectContaining({ id: amira.id, workStatus: "submitted", words: 7, late: false, submittedAt: expect.any(Date), lastActivity: expect.any(Date) }),
      expect.objectContaining({ id: ben.id, workStatus: "not-started", words: 0, submittedAt: null, lastActivity: null }),
    ]);
    expect((await listClassAssignments(teacher, classroom.id))[0]).toMatchObject({ submitted: 1, enrolled: 2 });
  });
});

describe("assignments: who may do what", () => {
  it("a student of another class neither sees the assignment nor can work on it", async () => {
    const { assignmentId } = await makeAssignedClass();
    const { student } = await makeOutsiders();
    expect(await listStudentAssignments(student)).toEqual([]);
    await expect(getOwnWorkspace(student, assignmentId)).rejects.toMatchObject({ status: 404 });
    await expect(saveDraft(student, { assignmentId, baseRevision: 0, text: "Mine" })).rejects.toMatchObject({ status: 404 });
    const plan = { factors: [], criteria: [], customCriteria: [], judgement: { position: null, argument: "" } };
    await expect(savePlan(student, { assignmentId, baseRevision: 0, plan })).rejects.toMatchObject({ status: 404 });
    expect(await draftOf(assignmentId, student.id)).toBeNull();
    expect(await planOf(assignmentId, student.id)).toBeNull();
  });

  it("another teacher cannot see, change, close or list the assignment", async () => {
    const { classroom, assignmentId } = await makeAssignedClass();
    const { teacher: other } = await makeOutsiders();
    const before = await assignmentRow(assignmentId);
    await expect(getAssignmentOverview(other, assignmentId)).rejects.toMatchObject({ status: 404 });
    await expect(listClassAssignments(other, classroom.id)).rejects.toMatchObject({ status: 404 });
    await expect(updateAssignment(other, { assignmentId, dueAt: daysFromNow(30), wordLimit: 100 })).rejects.toMatchObject({ status: 404 });
    await expect(setAssignmentOpen(other, assignmentId, false)).rejects.toMatchObject({ status: 404 });
    expect(await assignmentRow(assignmentId)).toEqual(before);
  });

  it("a student of the class cannot use the teacher's functions", async () => {
    const world = await makeAssignedClass();
    const { amira, classroom, assignmentId } = world;
    const before = await assignmentRow(assignmentId);
    await expect(setAssignment(amira, assignmentInput(world))).rejects.toMatchObject({ status: 403 });
    // One guard for "teacher of this assignment" (policy.requireTeacherOfAssignment): to anyone
    // else the assignment is not found, as for a teacher of another class.
    await expect(updateAssignment(amira, { assignmentId, dueAt: daysFromNow(30), wordLimit: 100 })).rejects.toMatchObject({ status: 404 });
    await expect(setAssignmentOpen(amira, assignmentId, false)).rejects.toMatchObject({ status: 404 });
    await expect(getAssignmentOverview(amira, assignmentId)).rejects.toMatchObject({ status: 404 });
    await expect(listClassAssignments(amira, classroom.id)).rejects.toMatchObject({ status: 403 });
    await expect(listStudentAssignments(world.teacher)).rejects.toMatchObject({ status: 403 });
    expect(await assignmentRow(assignmentId)).toEqual(before);
    expect(await db().assignment.count()).toBe(1);
  });
});
