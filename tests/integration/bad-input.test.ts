import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/auth/accounts";
import { createClassroom, updateClassroom } from "@/lib/classes/classrooms";
import { saveDraft } from "@/lib/drafts/drafts";
import { addAnnotation, updateAnnotation } from "@/lib/marking/annotations";
import { saveMarking } from "@/lib/marking/markings";
import { emptyPlan } from "@/lib/planner/initial-plan";
import { savePlan } from "@/lib/planner/plans";
import { addQuestion } from "@/lib/questions/questions";
import { makeTeacher } from "../factories";
import { annotate, ESSAY, makeMarkedClass } from "./marking-fixtures";
import { draftOf, makeAssignedClass, planOf } from "./work-fixtures";
import { statusOf } from "./refusal-status";

// Finding 7 of issue 10: U+0000 (which PostgreSQL refuses in text and jsonb) and numbers past
// int4 used to reach the database and come back as a 500; the editor then retried for ever.
// Now prose drops the forbidden characters, names refuse them, and both refusals are a 4xx
// before anything is written. The status is the one json-route.ts / safe-action.ts would use.

const NUL = "\u0000";


describe("an essay draft", () => {
  it("with NUL and other non-characters pasted in: saved without them, in the draft and its history", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const result = await saveDraft(amira, { assignmentId, baseRevision: 0, text: `Khrushchev${NUL} rose\uFFFE to power\uD800 in 1953.` });
    expect(result.ok).toBe(true);
    expect((await draftOf(assignmentId, amira.id))?.text).toBe("Khrushchev rose to power in 1953.");
    const history = await db().draftRevision.findMany({ where: { draft: { assignmentId, studentId: amira.id } }, select: { text: true } });
    expect(history.map((h) => h.text)).toEqual(["Khrushchev rose to power in 1953."]);
  });

  it("based on a revision past int4: a 400, and nothing is written", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: "First words." });
    for (const baseRevision of [2 ** 31, 2 ** 53, -1, 1.5]) {
      expect(await statusOf(saveDraft(amira, { assignmentId, baseRevision, text: "Replaced?" }))).toBe(400);
    }
    expect(await draftOf(assignmentId, amira.id)).toMatchObject({ text: "First words.", revision: 1 });
  });

  it("for an assignment id holding NUL: a 400, not a database error", async () => {
    const { amira } = await makeAssignedClass();
    expect(await statusOf(saveDraft(amira, { assignmentId: NUL, baseRevision: 0, text: "x" }))).toBe(400);
    expect(await statusOf(saveDraft(amira, { assignmentId: `a${NUL}b`, baseRevision: 0, text: "x" }))).toBe(400);
    expect(await db().draft.count()).toBe(0);
  });
});

describe("a plan (stored as jsonb, where \\u0000 is refused too)", () => {
  it("with NUL in its text: saved without it", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const plan = emptyPlan();
    plan.judgement.argument = `Largely${NUL} yes`;
    plan.customCriteria = [`Dur${NUL}ation`];
    plan.factors = [
      {
        id: "f1",
        name: `Pol${NUL}itics`,
        kind: "other",
        evidence: [{ id: "e1", text: `Secret${NUL} Speech`, source: { kind: "bank", pointId: "p1", path: [`Head${NUL}ing`] } }],
        argumentFor: NUL,
        argumentAgainst: "",
        weight: 3,
        miniJudgement: "",
      },
    ];
    expect((await savePlan(amira, { assignmentId, baseRevision: 0, plan })).ok).toBe(true);
    const stored = JSON.stringify((await planOf(assignmentId, amira.id))?.content);
    expect(stored).not.toContain("\\u0000");
    expect(stored).toContain("Largely yes");
    expect(stored).toContain("Secret Speech");
  });

  it("based on a revision past int4: a 400", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    expect(await statusOf(savePlan(amira, { assignmentId, baseRevision: 2 ** 31, plan: emptyPlan() }))).toBe(400);
    expect(await planOf(assignmentId, amira.id)).toBeNull();
  });
});

describe("marking", () => {
  it("an annotation's comment with NUL: saved without it, on add and on edit", async () => {
    const world = await makeMarkedClass();
    const added = await annotate(world.teacher, world.work, ESSAY, "Secret Speech", { comment: `Good${NUL} use of evidence.` });
    expect(added.comment).toBe("Good use of evidence.");
    await updateAnnotation(world.teacher, { annotationId: added.id, comment: `Better${NUL}.`, criterionId: "overall", kind: "STRENGTH" });
    expect((await db().annotation.findUniqueOrThrow({ where: { id: added.id } })).comment).toBe("Better.");
  });

  it("an annotation with a criterion id holding NUL, or offsets past int4: a 4xx and no annotation", async () => {
    const world = await makeMarkedClass();
    const work = { ...world.work, comment: "Fine.", kind: "STRENGTH" as const };
    expect(await statusOf(addAnnotation(world.teacher, { ...work, start: 0, end: 5, criterionId: `overall${NUL}` }))).toBe(400);
    expect(await statusOf(addAnnotation(world.teacher, { ...work, start: 0, end: 2 ** 31, criterionId: "overall" }))).toBe(400);
    expect(await db().annotation.count()).toBe(0);
  });

  it("a marking summary with NUL: saved without it; a revision past int4 is a 400", async () => {
    const world = await makeMarkedClass();
    const work = world.work;
    const saved = await saveMarking(world.teacher, { ...work, baseRevision: 0, awards: [], wentWell: `Clear${NUL} line.`, evenBetterIf: "" });
    expect(saved.ok).toBe(true);
    expect((await db().marking.findFirstOrThrow()).wentWell).toBe("Clear line.");
    expect(await statusOf(saveMarking(world.teacher, { ...work, baseRevision: 2 ** 31, awards: [], wentWell: "", evenBetterIf: "" }))).toBe(400);
  });
});

describe("names and other single lines", () => {
  it("a class name with NUL or a line break: refused with a message, nothing written", async () => {
    const teacher = await makeTeacher();
    for (const name of [`12H${NUL}`, "12H\nHistory"]) {
      expect(await statusOf(createClassroom(teacher, { name, subject: "History", yearGroup: "Year 12" }))).toBe(400);
    }
    expect(await db().classroom.count()).toBe(0);
    const { id } = await createClassroom(teacher, { name: "12H", subject: "History", yearGroup: "Year 12" });
    expect(await statusOf(updateClassroom(teacher, id, { name: "12H", subject: `Hist${NUL}ory`, yearGroup: "Year 12" }))).toBe(400);
    expect((await db().classroom.findUniqueOrThrow({ where: { id } })).subject).toBe("History");
  });

  it("a person's name with NUL at sign-up: refused, no account", async () => {
    expect(await statusOf(signUp({ name: `Amira${NUL}`, email: "amira@example.test", password: "a long enough password", role: "STUDENT" }, "192.0.2.1"))).toBe(400);
    expect(await db().user.count()).toBe(0);
  });

  it("a question with NUL pasted in: saved without it", async () => {
    const { teacher, topic } = await makeAssignedClass();
    const { id } = await addQuestion(teacher, { topicId: topic.id, text: `How far${NUL} was Khrushchev a reformer?` });
    expect((await db().question.findUniqueOrThrow({ where: { id } })).text).toBe("How far was Khrushchev a reformer?");
  });
});

describe("the database's own refusal of NUL or an out-of-range number, should anything get past a schema", () => {
  it("is a 400, not a 500 (either database's error shape)", async () => {
    const teacher = await makeTeacher();
    expect(await statusOf(db().classroom.create({ data: { name: NUL, subject: "History", yearGroup: "12", joinCode: "NULNUL", teacherId: teacher.id } }))).toBe(400);
    const { amira, assignmentId } = await makeAssignedClass();
    expect(await statusOf(db().plan.create({ data: { assignmentId, studentId: amira.id, content: { text: NUL }, revision: 1 } }))).toBe(400);
    expect(await statusOf(db().plan.create({ data: { assignmentId, studentId: amira.id, content: {}, revision: 2 ** 31 } }))).toBe(400);
  });
});
