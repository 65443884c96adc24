import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setAssignment } from "@/lib/assignments/assignments";
import { getMarkingDesk } from "@/lib/marking/desk";
import { respondToFeedback } from "@/lib/marking/feedback";
import { saveMarking } from "@/lib/marking/markings";
import { getMarkingQueue, nextToMark, QUEUE_PAGE_SIZE } from "@/lib/marking/queue";
import type { SessionUser } from "@/lib/auth/sessions";
import { enrol, makeClassroom, makeQuestion, makeStudent, makeTeacher } from "../factories";
import { ESSAY, REDRAFT, redraftAndResubmit, returnMarking, savedMarking, submitEssay } from "./marking-fixtures";
import { assignmentInput, daysFromNow, makeAssignedClass, makeOutsiders } from "./work-fixtures";
import { statementsOf } from "./statements";

const DAY = 24 * 60 * 60 * 1000;

const queueOf = async (user: SessionUser) => (await getMarkingQueue(user)).items;
const names = (items: { student: string }[]) => items.map((i) => i.student);

/** The class of marking-fixtures: Amira on time, Ben a day late (due in 7 days; "now" moved on). */
async function twoHandedIn() {
  const world = await makeAssignedClass();
  await submitEssay(world.amira, world.assignmentId, ESSAY, daysFromNow(1));
  await submitEssay(world.ben, world.assignmentId, ESSAY, daysFromNow(8));
  return world;
}

describe("the marking queue", () => {
  it("lists handed-in work oldest first, flags late work and says how far marking has gone", async () => {
    const w = await twoHandedIn();
    let items = await queueOf(w.teacher);
    expect(names(items)).toEqual(["Amira Khan", "Ben Carter"]);
    expect(items.map((i) => i.late)).toEqual([false, true]);
    expect(items[0]).toMatchObject({ classroom: "12H History", question: w.howFar.text, version: 1, state: "new", markerName: null, href: `/assignments/${w.assignmentId}/students/${w.amira.id}/mark` });

    const work = { assignmentId: w.assignmentId, studentId: w.amira.id, submissionNumber: 1 };
    const begun = savedMarking(await saveMarking(w.teacher, { ...work, baseRevision: 0, awards: [], wentWell: "A start." }));
    items = await queueOf(w.teacher);
    expect(items[0]).toMatchObject({ student: "Amira Khan", state: "begun", markerName: "Ms Rosa Hughes" });
    savedMarking(await saveMarking(w.teacher, { ...work, baseRevision: begun.revision, awards: [{ criterionId: "overall", level: 3, mark: 13 }] }));
    expect((await queueOf(w.teacher))[0]).toMatchObject({ student: "Amira Khan", state: "marked" });
  });

  it("drops returned work and brings a redraft back as its new version, in hand-in order", async () => {
    const w = await twoHandedIn();
    const work = { assignmentId: w.assignmentId, studentId: w.amira.id, submissionNumber: 1 };
    await returnMarking(w.teacher, work, { allowRedraft: true });
    expect(names(await queueOf(w.teacher))).toEqual(["Ben Carter"]);

    await respondToFeedback(w.amira, { assignmentId: w.assignmentId, submissionNumber: 1, response: "I will weigh the factors." });
    await redraftAndResubmit(w.amira, w.assignmentId, REDRAFT, new Date(daysFromNow(9).getTime() + DAY));
    const items = await queueOf(w.teacher);
    expect(items.map((i) => [i.student, i.version, i.late])).toEqual([
      ["Ben Carter", 1, true],
      // A redraft answers feedback, not the deadline: never late.
      ["Amira Khan", 2, false],
    ]);

    // The desk for the redraft carries the last version's marks and Amira's answer to them.
    const desk = await getMarkingDesk(w.teacher, w.assignmentId, w.amira.id);
    expect(desk.submission.number).toBe(2);
    expect(desk.previous).toMatchObject({ number: 1, marking: { awards: [{ criterionId: "overall", level: 3, mark: 13 }], total: 13, response: "I will weigh the factors." } });
    expect((await getMarkingDesk(w.teacher, w.assignmentId, w.amira.id, 1)).previous).toBeNull();
  });

  it("covers every class the teacher teaches and nobody else's, and leaves out students who left", async () => {
    const w = await twoHandedIn();
    const other = await makeClassroom(w.teacher, { name: "13B History" });
    const cara = await makeStudent({ name: "Cara Diaz" });
    await enrol(other.id, cara);
    const { id: second } = await setAssignment(w.teacher, assignmentInput(w, { classroomId: other.id }));
    await submitEssay(cara, second, ESSAY, daysFromNow(0));
    const outsiders = await makeOutsiders();
    const { id: theirs } = await setAssignment(outsiders.teacher, assignmentInput(w, { classroomId: outsiders.classroom.id, questionId: await makeQuestion(outsiders.teacher) }));
    await submitEssay(outsiders.student, theirs, ESSAY, daysFromNow(-1));

    const items = await queueOf(w.teacher);
    expect(items.map((i) => [i.student, i.classroom])).toEqual([
      ["Cara Diaz", "13B History"],
      ["Amira Khan", "12H History"],
      ["Ben Carter", "12H History"],
    ]);
    expect(names(await queueOf(outsiders.teacher))).toEqual(["Zed Outsider"]);
    expect(await nextToMark(outsiders.teacher)).toMatchObject({ student: "Zed Outsider" });

    await db().enrolment.deleteMany({ where: { classroomId: w.classroom.id, studentId: w.ben.id } });
    expect(names(await queueOf(w.teacher))).toEqual(["Cara Diaz", "Amira Khan"]);
    await expect(getMarkingQueue(w.amira)).rejects.toMatchObject({ status: 403 });
    await expect(nextToMark(w.amira)).rejects.toMatchObject({ status: 403 });
  });

  it("a co-teacher's queue holds the shared class's work, until they leave it", async () => {
    const w = await twoHandedIn();
    const colleague = await makeTeacher({ name: "Mr Co Teacher" });
    expect(await queueOf(colleague)).toEqual([]);
    await db().classTeacher.create({ data: { classroomId: w.classroom.id, teacherId: colleague.id, role: "CO_TEACHER" } });
    expect(names(await queueOf(colleague))).toEqual(["Amira Khan", "Ben Carter"]);
    await db().classTeacher.deleteMany({ where: { classroomId: w.classroom.id, teacherId: colleague.id } });
    expect(await queueOf(colleague)).toEqual([]);
    expect(await nextToMark(colleague)).toBeNull();
  });

  it("Mark next goes on through the queue, wraps round, and never offers the same essay", async () => {
    const w = await twoHandedIn();
    const [amira, ben] = await queueOf(w.teacher);
    expect((await nextToMark(w.teacher))?.student).toBe("Amira Khan");
    expect((await nextToMark(w.teacher, amira!.submissionId))?.student).toBe("Ben Carter");
    expect((await nextToMark(w.teacher, ben!.submissionId))?.student).toBe("Amira Khan");
    // Once Amira's marking is returned, Ben is next after her, and nothing after him.
    await returnMarking(w.teacher, { assignmentId: w.assignmentId, studentId: w.amira.id, submissionNumber: 1 });
    expect((await nextToMark(w.teacher, amira!.submissionId))?.student).toBe("Ben Carter");
    expect(await nextToMark(w.teacher, ben!.submissionId)).toBeNull();
    // Another teacher's submission as the cursor tells them nothing: the oldest of their own.
    const outsiders = await makeOutsiders();
    expect(await nextToMark(outsiders.teacher, ben!.submissionId)).toBeNull();
    expect((await nextToMark(w.teacher, "not-an-id"))?.student).toBe("Ben Carter");
  });
});

/** A teacher with one class of `size` students who have all handed in; every third marking begun. */
async function bulkQueue(size: number) {
  const teacher = await makeTeacher({ name: `Teacher of ${size}` });
  const classroom = await makeClassroom(teacher, { name: `Class of ${size}` });
  const { id: assignmentId } = await setAssignment(teacher, {
    classroomId: classroom.id,
    questionId: await makeQuestion(teacher),
    rubricId: "holistic-25-five-levels",
    dueAt: daysFromNow(7),
    wordLimit: 1500,
    instructions: "",
  });
  const students = await db().user.createManyAndReturn({
    data: Array.from({ length: size }, (_, i) => ({ name: `Student ${i} of ${size}`, email: `q${i}-${size}-${classroom.id}@example.test`, role: "STUDENT" as const, passwordHash: "x" })),
    select: { id: true },
  });
  await db().enrolment.createMany({ data: students.map((s) => ({ classroomId: classroom.id, studentId: s.id })) });
  const start = Date.now() - 10 * DAY;
  const drafts = await db().draft.createManyAndReturn({
    data: students.map((s, i) => ({ assignmentId, studentId: s.id, text: ESSAY, wordCount: 60, submittedAt: new Date(start + i * 60_000) })),
    select: { id: true, submittedAt: true },
  });
  const subs = await db().submission.createManyAndReturn({
    data: drafts.map((d, i) => ({ draftId: d.id, number: 1, text: ESSAY, wordCount: 60, submittedAt: d.submittedAt!, late: i % 4 === 0 })),
    select: { id: true },
  });
  await db().marking.createMany({ data: subs.filter((_, i) => i % 3 === 0).map((s) => ({ submissionId: s.id, markerId: teacher.id, revision: 1 })) });
  return teacher;
}


describe("the marking queue's cost", () => {
  it("is one statement a page, and one for Mark next, for 5 students as for 60", async () => {
    const small = await bulkQueue(5);
    const large = await bulkQueue(60);
    await getMarkingQueue(small); // warm the pool

    const first = await getMarkingQueue(large);
    expect(first.total).toBe(60);
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.pages).toBe(2);
    expect(first.items[0]).toMatchObject({ student: "Student 0 of 60", late: true, state: "begun" });
    const second = await getMarkingQueue(large, 2);
    expect(second.items.map((i) => i.student)).toEqual(Array.from({ length: 10 }, (_, i) => `Student ${50 + i} of 60`));
    expect(await getMarkingQueue(large, 9)).toMatchObject({ items: [], total: 60 });

    for (const teacher of [small, large]) {
      expect(await statementsOf(() => getMarkingQueue(teacher))).toHaveLength(1);
      expect(await statementsOf(() => getMarkingQueue(teacher, 2))).toHaveLength(1);
      expect(await statementsOf(() => nextToMark(teacher, first.items[3]!.submissionId))).toHaveLength(1);
    }
  });
});
