import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { errorResult } from "@/lib/actions/safe-action";
import { setAssignment } from "@/lib/assignments/assignments";
import { joinClassroom, removeStudent } from "@/lib/classes/classrooms";
import { ALREADY_EXISTS, JUST_REMOVED, REFERENCE_GONE, refusalForDbError, STILL_IN_USE } from "@/lib/db-errors";
import { isAppError } from "@/lib/errors";
import { deleteAnnotation } from "@/lib/marking/annotations";
import { addToCommentBank, deleteFromCommentBank } from "@/lib/marking/comment-bank";
import { deleteQuestion } from "@/lib/questions/questions";
import { pinRubric } from "@/lib/rubrics/internal/pin-rubric";
import { makeClassroom } from "../factories";
import { annotate, ESSAY, makeMarkedClass } from "./marking-fixtures";
import { assignmentInput, daysFromNow, makeAssignedClass, makeClassWithTopic, RUBRIC_ID } from "./work-fixtures";

// Expected refusals must read as refusals: a clear message and a 4xx, never "something went
// wrong on our side". Each attempt's error is handed to errorResult, which is what safeAction
// returns to the form; the setup fails any test that logs an unexpected console.error, which
// is what errorResult does for an error it does not recognise.

const GENERIC = /went wrong on our side/;

/** The refusal an action would return for `attempt`, and the HTTP status a route would use. */
async function refusalOf(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  const status = isAppError(error) ? error.status : refusalForDbError(error)?.status;
  const result = errorResult(error);
  if (result.ok) expect.fail("errorResult returned ok");
  expect(result.formError).not.toMatch(GENERIC);
  return { message: result.formError, status };
}

describe("deleting a question", () => {
  it("set as an assignment: says which class it is set in, and keeps it", async () => {
    const { teacher, howFar } = await makeAssignedClass();
    expect(await refusalOf(deleteQuestion(teacher, howFar.id))).toEqual({ message: "This question is set in 12H History, so it can't be deleted.", status: 409 });
    expect(await db().question.count({ where: { id: howFar.id } })).toBe(1);
  });

  it("set in several classes (twice in one): names each class once", async () => {
    const world = await makeAssignedClass();
    const other = await makeClassroom(world.teacher, { name: "13B History" });
    await setAssignment(world.teacher, assignmentInput(world, { classroomId: other.id }));
    await setAssignment(world.teacher, assignmentInput(world, { dueAt: daysFromNow(14) }));
    expect((await refusalOf(deleteQuestion(world.teacher, world.howFar.id))).message).toBe(
      "This question is set in 12H History and 13B History, so it can't be deleted.",
    );
  });

  it("not set anywhere: is deleted", async () => {
    const { teacher, toWhatExtent } = await makeAssignedClass();
    await deleteQuestion(teacher, toWhatExtent.id);
    expect(await db().question.count({ where: { id: toWhatExtent.id } })).toBe(0);
  });

  it("the database's own refusal (on either database's error shape) reads as 'still in use'", async () => {
    const { howFar } = await makeAssignedClass();
    expect(await refusalOf(db().question.delete({ where: { id: howFar.id } }))).toEqual({ message: STILL_IN_USE, status: 409 });
  });

  // Only a PostgreSQL server runs two transactions at once (the embedded one has one connection).
  it.runIf(!inject("embeddedDatabase"))("set in the moment it is deleted: the foreign key refuses, and the class is still named", async () => {
    const { teacher, classroom, howFar } = await makeClassWithTopic();
    const rubric = await pinRubric(RUBRIC_ID);
    let inserted!: () => void;
    let release!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    // Setting the assignment in a transaction still open when the delete checks (and finds nothing).
    const setting = db().$transaction(
      async (tx) => {
        await tx.assignment.create({ data: { classroomId: classroom.id, questionId: howFar.id, rubricVersionId: rubric.id, setById: teacher.id, dueAt: daysFromNow(7) } });
        inserted();
        await held;
      },
      { timeout: 20_000 },
    );
    await insertedYet;
    const deleting = refusalOf(deleteQuestion(teacher, howFar.id));
    // Wait until the delete is blocked on the new assignment's lock, then commit it.
    let blocked = false;
    for (let i = 0; i < 100 && !blocked; i++) {
      const [row] = await db().$queryRaw<{ waiting: number }[]>`select count(*)::int as waiting from pg_locks where not granted`;
      blocked = row!.waiting > 0;
      if (!blocked) await new Promise((r) => setTimeout(r, 50));
    }
    expect(blocked, "the delete should wait on the uncommitted assignment").toBe(true);
    release();
    await setting;
    expect(await deleting).toEqual({ message: "This question is set in 12H History, so it can't be deleted.", status: 409 });
    expect(await db().question.count({ where: { id: howFar.id } })).toBe(1);
  });
});

describe("refusals on other deletes and unique keys", () => {
  it("two tabs deleting one annotation: one deletes it, the other is told it is gone", async () => {
    const { teacher, work } = await makeMarkedClass();
    const annotation = await annotate(teacher, work, ESSAY, "Secret Speech");
    const results = await Promise.allSettled([deleteAnnotation(teacher, { annotationId: annotation.id }), deleteAnnotation(teacher, { annotationId: annotation.id })]);
    for (const r of results) if (r.status === "rejected") expect(await refusalOf(Promise.reject(r.reason))).toEqual({ message: "That annotation could not be found.", status: 404 });
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await db().annotation.count()).toBe(0);
  });

  it("a saved comment deleted twice, a student removed twice: told it is gone", async () => {
    const { teacher, classroom, amira } = await makeAssignedClass();
    const entry = await addToCommentBank(teacher, { text: "Link back to the question.", criterionId: "overall", kind: "TARGET" });
    await deleteFromCommentBank(teacher, { entryId: entry.id });
    expect(await refusalOf(deleteFromCommentBank(teacher, { entryId: entry.id }))).toEqual({ message: "That saved comment could not be found.", status: 404 });
    await removeStudent(teacher, classroom.id, amira.id);
    expect(await refusalOf(removeStudent(teacher, classroom.id, amira.id))).toEqual({ message: "That student in this class could not be found.", status: 404 });
  });

  it("joining a class twice says so", async () => {
    const { classroom, amira } = await makeAssignedClass();
    expect(await refusalOf(joinClassroom(amira, { code: classroom.joinCode }, "192.0.2.1"))).toEqual({ message: "You are already in 12H History.", status: 409 });
  });

  it("any constraint no lib function names is still a clear 4xx: already exists, reference gone, just removed", async () => {
    const { classroom, amira } = await makeAssignedClass();
    expect(await refusalOf(db().enrolment.create({ data: { classroomId: classroom.id, studentId: amira.id } }))).toEqual({ message: ALREADY_EXISTS, status: 409 });
    expect(await refusalOf(db().enrolment.create({ data: { classroomId: "gone", studentId: amira.id } }))).toEqual({ message: REFERENCE_GONE, status: 409 });
    expect(await refusalOf(db().annotation.update({ where: { id: "gone" }, data: { comment: "x" } }))).toEqual({ message: JUST_REMOVED, status: 404 });
    // Inside an interactive transaction the errors keep their shape.
    const inTx = db().$transaction((tx) => tx.enrolment.create({ data: { classroomId: classroom.id, studentId: amira.id } }));
    expect(await refusalOf(inTx)).toEqual({ message: ALREADY_EXISTS, status: 409 });
  });
});
