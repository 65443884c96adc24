import { execFile } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/accounts";
import { needsRehash } from "@/lib/auth/password";
import { DEMO_JOIN_CODE, DEMO_KEY, DEMO_PASSWORD, DEMO_STUDENTS, DEMO_TEACHER, seed, seedOnStart } from "@/prisma/seed";
import { DEMO_HEAD } from "@/prisma/seed-moderation";
import { getDepartmentModerationReport } from "@/lib/moderation/report";
import { BIG_CLASS, BIG_CLASS_STUDENTS } from "@/prisma/seed-class";
import { CELL_STATUS_ORDER, deriveCell, isInactive, type CellStatus } from "@/lib/tracking/cell-status";
import { levelHeatmap } from "@/lib/tracking/analytics";
import { rubricFromSnapshot } from "@/lib/rubrics/rubric-catalogue";
import { checkPartialMarking, validateMarking } from "@/lib/rubrics/marks";
import { SaveMarkingSchema } from "@/lib/marking/schemas";
import { PlanSchema } from "@/lib/planner/plan-schema";
import { countWords } from "@/lib/drafts/word-count";
import { makeClassroom, makeTeacher } from "@/tests/factories";

it("seeds the demo teacher, class, students and the analysed Khrushchev topic, once", async () => {
  expect(await seed()).toBe("seeded");
  expect(await seed()).toBe("already seeded");

  const { user } = await signIn({ email: DEMO_TEACHER.email, password: DEMO_PASSWORD }, "seed-test");
  expect(user.role).toBe("TEACHER");
  const classroom = await db().classroom.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE }, include: { enrolments: true } });
  expect(classroom.enrolments).toHaveLength(DEMO_STUDENTS.length);
  const topic = await db().topic.findFirstOrThrow({ where: { ownerId: user.id }, include: { questions: true, _count: { select: { points: true } } } });
  expect(topic.title).toBe("Khrushchev and the USSR, 1953–1964");
  expect(topic._count.points).toBeGreaterThan(40);
  expect(topic.questions.filter((q) => q.source === "IMPORTED").map((q) => q.stem).sort()).toEqual(["HOW_FAR", "TO_WHAT_EXTENT"]);
  expect(await db().user.count()).toBe(2 + DEMO_STUDENTS.length + BIG_CLASS_STUDENTS.length);
});

it("seeds an essay waiting to be marked and one marked and returned for its student to read", async () => {
  await seed();
  const submissions = await db().submission.findMany({ include: { draft: { include: { student: true } }, marking: true, _count: { select: { annotations: true } } } });
  const byStudent = new Map(submissions.map((s) => [s.draft.student.email, s]));
  expect(byStudent.get("chloe@extent.demo")?.marking).toBeNull();
  const returned = byStudent.get("dev@extent.demo");
  // Marked 9 by Ms Hughes; the mark agreed with the head of department in moderation is 8.
  expect(returned?.marking).toMatchObject({ status: "RETURNED", total: 8, allowRedraft: true });
  expect(returned?._count.annotations).toBeGreaterThanOrEqual(4);
  const teacher = await db().user.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email } });
  expect(await db().commentBankEntry.count({ where: { teacherId: teacher.id, criterionId: "overall" } })).toBeGreaterThanOrEqual(3);
  // Amira and Ben are left to start from scratch (the planning journey's browser test uses them).
  expect(byStudent.has("amira@extent.demo") || byStudent.has("ben@extent.demo")).toBe(false);
});

it("seeds a head of department with a moderated sample on the demo assignment and one part-way on 13B", async () => {
  await seed();
  const { user: head } = await signIn({ email: DEMO_HEAD.email, password: DEMO_PASSWORD }, "seed-test");
  const { departments, assignments, report } = await getDepartmentModerationReport(head);
  expect(departments.map((d) => d.name)).toEqual(["History"]);
  const sampled = assignments.filter((a) => a.sampled);
  expect(sampled).toHaveLength(2);
  expect(sampled.find((a) => a.classroom.name === "12H History")?.counts).toEqual({ sampled: 1, secondMarked: 1, agreed: 1 });
  const big = sampled.find((a) => a.classroom.name !== "12H History")!;
  expect(big.counts.sampled).toBeGreaterThanOrEqual(3);
  expect(big.counts.secondMarked).toBe(big.counts.sampled - 1);
  expect(big.counts.agreed).toBe(2);
  expect(report.markers.map((m) => m.marker.name).sort()).toEqual([DEMO_HEAD.name, DEMO_TEACHER.name]);
  const original = await db().moderationItem.findFirstOrThrow({ where: { submission: { draft: { student: { email: "dev@extent.demo" } } } }, select: { originalTotal: true, agreedTotal: true } });
  expect(original).toEqual({ originalTotal: 9, agreedTotal: 8 });
});

// Where the demo goes (docs/decisions/013-demo-data-and-local-services.md): its accounts share
// a published password, so a database given by DATABASE_URL gets them only when asked.

const demoUsers = () => db().user.count({ where: { email: { endsWith: "@extent.demo" } } });
const everything = async () => [await db().user.count(), await db().classroom.count(), await db().assignment.count(), await db().submission.count()];

it("seeds nothing into a DATABASE_URL database started without --demo, and says how to add it", async () => {
  const line = await seedOnStart({ embedded: false, demo: false });
  expect(line).toMatch(/--demo/);
  expect(line).toMatch(/SEED_DEMO=1/);
  expect(await db().user.count()).toBe(0);
  expect(await db().demoSeed.count()).toBe(0);
});

it("runs from npm start's command line without --demo and leaves the database empty", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const stdout = await new Promise<string>((resolve, reject) =>
    // As scripts/start.ts runs it: lib/db.ts is server-only, resolved under react-server.
    execFile("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts", "--on-start"], { cwd: root, env: process.env }, (err, out, errOut) => (err ? reject(new Error(errOut)) : resolve(out))),
  );
  expect(stdout).toMatch(/No demo data in the database at DATABASE_URL.*npm start -- --demo/);
  expect(await db().user.count()).toBe(0);
});

it("seeds the demo into a DATABASE_URL database with --demo, and into the embedded one by default", async () => {
  expect(await seedOnStart({ embedded: false, demo: true })).toMatch(/seeded/);
  expect(await demoUsers()).toBe(2 + DEMO_STUDENTS.length + BIG_CLASS_STUDENTS.length);
  await db().$executeRawUnsafe(`TRUNCATE "User", "DemoSeed" CASCADE`);
  expect(await seedOnStart({ embedded: true, demo: false })).toMatch(/seeded/);
  expect(await demoUsers()).toBe(2 + DEMO_STUDENTS.length + BIG_CLASS_STUDENTS.length);
});

it("records the rows it made, and gives every demo account one hash at the real cost", async () => {
  await seed();
  const record = await db().demoSeed.findUniqueOrThrow({ where: { key: DEMO_KEY } });
  expect(record).toMatchObject({ found: false, finishedAt: expect.any(Date) });
  const demo = await db().user.findMany({ where: { email: { endsWith: "@extent.demo" } }, select: { id: true, passwordHash: true } });
  expect(new Set(record.userIds)).toEqual(new Set(demo.map((u) => u.id)));
  expect(record.classroomIds).toHaveLength(2);
  // One hash made by the normal hash function: a demo sign-in costs what anyone's does.
  expect(new Set(demo.map((u) => u.passwordHash)).size).toBe(1);
  expect(needsRehash(demo[0]!.passwordHash ?? "")).toBe(false);
});

it("never re-creates a renamed or deleted demo account, and restarts cleanly after it", async () => {
  expect(await seed()).toBe("seeded");
  await db().user.update({ where: { email: DEMO_TEACHER.email }, data: { email: "rosa.hughes@school.example", name: "Rosa Hughes" } });
  await db().user.delete({ where: { email: "amira@extent.demo" } });
  const before = await everything();
  expect(await seed()).toBe("already seeded");
  expect(await seedOnStart({ embedded: true, demo: false })).toMatch(/already seeded/);
  expect(await everything()).toEqual(before);
  expect(await db().user.count({ where: { email: { in: [DEMO_TEACHER.email, "amira@extent.demo"] } } })).toBe(0);
  expect(await db().user.count({ where: { role: "TEACHER" } })).toBe(2);
});

it("adds nothing to a database that already holds demo rows but no record of them (seeded before the record, or a clash)", async () => {
  // Seeded by the earlier script, which kept no record; then the teacher was renamed (that
  // restart used to crash on the join code, and the one after re-created the teacher).
  await seed();
  await db().demoSeed.deleteMany();
  await db().user.update({ where: { email: DEMO_TEACHER.email }, data: { email: "rosa.hughes@school.example" } });
  const before = await everything();
  expect(await seed()).toBe("found");
  expect(await everything()).toEqual(before);
  expect(await seed()).toBe("already seeded");
  expect(await db().demoSeed.findUniqueOrThrow({ where: { key: DEMO_KEY } })).toMatchObject({ found: true, finishedAt: expect.any(Date) });

  // A real class that happens to have a demo join code: no crash, no demo accounts.
  await db().$executeRawUnsafe(`TRUNCATE "User", "DemoSeed" CASCADE`);
  const teacher = await makeTeacher();
  await makeClassroom(teacher, { joinCode: DEMO_JOIN_CODE });
  expect(await seed()).toBe("found");
  expect(await demoUsers()).toBe(0);
});

it("does not retry a seed that was interrupted", async () => {
  await db().demoSeed.create({ data: { key: DEMO_KEY } });
  expect(await seed()).toBe("interrupted");
  expect(await seedOnStart({ embedded: true, demo: false })).toMatch(/interrupted/);
  expect(await db().user.count()).toBe(0);
});

// The 13B class (prisma/seed-class.ts): a term of work for the board, the charts and the heatmap.

const DAY = 24 * 60 * 60 * 1000;

/** Every 13B assignment with each enrolled student's board cell, derived from the seeded rows. */
async function bigClassBoard(now = new Date()) {
  const classroom = await db().classroom.findUniqueOrThrow({ where: { joinCode: BIG_CLASS.joinCode }, select: { id: true, enrolments: { select: { studentId: true } } } });
  const assignments = await db().assignment.findMany({
    where: { classroomId: classroom.id },
    orderBy: { dueAt: "asc" },
    select: {
      id: true,
      dueAt: true,
      status: true,
      question: { select: { text: true } },
      rubricVersion: { select: { rubricId: true, content: true } },
      plans: { select: { studentId: true, revision: true, updatedAt: true } },
      drafts: {
        select: {
          studentId: true,
          wordCount: true,
          submittedAt: true,
          late: true,
          updatedAt: true,
          submissions: { orderBy: { number: "asc" }, select: { number: true, marking: { select: { status: true, total: true } } } },
        },
      },
    },
  });
  return {
    classroom,
    assignments: assignments.map((a) => ({
      ...a,
      cells: classroom.enrolments.map(({ studentId }) => {
        const plan = a.plans.find((p) => p.studentId === studentId);
        const draft = a.drafts.find((d) => d.studentId === studentId);
        const submissions = draft?.submissions ?? [];
        const marked = submissions.findLast((s) => s.marking);
        const activity = [plan?.updatedAt, draft?.updatedAt].filter((d): d is Date => !!d).map((d) => d.getTime());
        return deriveCell({
          planRevision: plan?.revision ?? null,
          draftWords: draft?.wordCount ?? null,
          submittedAt: draft?.submittedAt ?? null,
          late: draft?.late ?? false,
          submissionCount: submissions.length,
          latestMarking: marked?.marking ? { status: marked.marking.status, complete: marked.marking.total !== null, submissionNumber: marked.number } : null,
          dueAt: a.dueAt,
          lastActivityAt: activity.length ? new Date(Math.max(...activity)) : null,
          now,
        });
      }),
    })),
  };
}

it("seeds 13B: thirty students who can sign in, and six assignments over the term on four added questions", async () => {
  await seed();
  const classroom = await db().classroom.findUniqueOrThrow({
    where: { joinCode: BIG_CLASS.joinCode },
    include: { teacher: true, enrolments: { include: { student: true } }, assignments: { include: { question: true, rubricVersion: true } } },
  });
  expect(classroom).toMatchObject({ name: "13B History", teacher: { email: DEMO_TEACHER.email } });
  expect(classroom.enrolments).toHaveLength(30);
  const names = classroom.enrolments.map((e) => e.student.name);
  expect(names).toEqual(expect.arrayContaining(["Zoë Armstrong", "Łukasz Nowak", "Siobhán O'Connor"]));
  for (const { student } of classroom.enrolments) expect(student.email).toMatch(/^[a-z]+\.[a-z-]+@extent\.demo$/);
  const { user } = await signIn({ email: "lukasz.nowak@extent.demo", password: DEMO_PASSWORD }, "seed-test");
  expect(user).toMatchObject({ name: "Łukasz Nowak", role: "STUDENT" });

  const assignments = classroom.assignments.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  expect(assignments).toHaveLength(6);
  const days = assignments.map((a) => Math.round((a.dueAt.getTime() - Date.now()) / DAY));
  expect(days[0]).toBeLessThanOrEqual(-34);
  expect(days[2]).toBeLessThanOrEqual(-6);
  expect(days.slice(3).every((d) => d > 0)).toBe(true);
  expect(assignments.map((a) => a.status)).toEqual(["CLOSED", "CLOSED", "OPEN", "OPEN", "OPEN", "OPEN"]);
  expect(assignments.map((a) => a.rubricVersion.rubricId).sort()).toEqual([
    "holistic-25-five-levels",
    ...Array(4).fill("strands-20-four-strands"),
    "summed-30-two-tables",
  ]);
  // One set today; the others before they fell due.
  expect(Date.now() - assignments[5]!.createdAt.getTime()).toBeLessThan(DAY);
  for (const a of assignments) expect(a.createdAt.getTime()).toBeLessThan(a.dueAt.getTime());

  // The questions added by hand went through the analyser.
  const manual = await db().question.findMany({ where: { source: "MANUAL" } });
  expect(manual.map((q) => q.stem).sort()).toEqual(["ASSESS", "HOW_FAR", "HOW_SIGNIFICANT", "TO_WHAT_EXTENT"]);
  expect(manual.find((q) => q.stem === "HOW_SIGNIFICANT")).toMatchObject({ focus: "STATED_FACTOR", statedFactor: "the Secret Speech of 1956" });
  expect(manual.find((q) => q.text.includes("Virgin Lands"))).toMatchObject({ focus: "CLAIM", claim: "The Virgin Lands Scheme was a success" });
});

it("puts every board status in 13B, with overdue and quiet students among them", async () => {
  await seed();
  const { assignments } = await bigClassBoard();
  const count = (cells: { status: CellStatus }[]) => Object.fromEntries(CELL_STATUS_ORDER.map((s) => [s, cells.filter((c) => c.status === s).length]));
  const all = assignments.flatMap((a) => a.cells);
  for (const status of CELL_STATUS_ORDER) expect(all.some((c) => c.status === status), status).toBe(true);

  const [first, second, lastWeek, soon, later, today] = assignments.map((a) => count(a.cells));
  // Long past: nearly all returned, a couple marked but not returned, one or two never handed in.
  for (const closed of [first!, second!]) {
    expect(closed.returned).toBeGreaterThanOrEqual(25);
    expect(closed.marked).toBe(2);
    expect(closed["not-started"]! + closed.planning! + closed.drafting!).toBeGreaterThanOrEqual(1);
  }
  // Due a week ago: the whole pipeline.
  expect(lastWeek).toMatchObject({ resubmitted: 1, late: 3, marked: 5 });
  for (const s of ["not-started", "planning", "drafting", "submitted", "returned"] as const) expect(lastWeek![s]).toBeGreaterThan(0);
  // Due in two days: mostly at work on it; in ten days: a few planning; set today: not started.
  expect(soon!.drafting! + soon!.planning!).toBeGreaterThan(15);
  expect(soon!.submitted).toBeGreaterThan(0);
  expect(later!.planning).toBeGreaterThan(0);
  expect(later!["not-started"]).toBeGreaterThan(20);
  expect(today!["not-started"]).toBe(30);

  expect(assignments[2]!.cells.filter((c) => c.overdue).length).toBeGreaterThanOrEqual(5);
  // Quiet for six days or more with the essay unfinished.
  expect(assignments[3]!.cells.some((c) => isInactive(c) && c.inactiveDays! >= 6)).toBe(true);
});

it("spreads 13B's marks across the levels, with judgement the weakest strand and knowledge the strongest", async () => {
  await seed();
  const markings = await db().marking.findMany({
    where: { total: { not: null }, submission: { draft: { assignment: { classroom: { joinCode: BIG_CLASS.joinCode }, rubricVersion: { rubricId: "strands-20-four-strands" } } } } },
    select: { awards: true },
  });
  expect(markings.length).toBeGreaterThanOrEqual(30);
  const levels = markings.flatMap((m) => SaveMarkingSchema.shape.awards.parse(m.awards));
  const average = (id: string) => {
    const own = levels.filter((a) => a.criterionId === id).map((a) => a.level);
    return own.reduce((a, b) => a + b, 0) / own.length;
  };
  const strands = ["analysis", "knowledge", "judgement", "organisation"];
  const byAverage = [...strands].sort((a, b) => average(a) - average(b));
  expect(byAverage[0]).toBe("judgement");
  expect(byAverage[3]).toBe("knowledge");
  expect(average("knowledge") - average("judgement")).toBeGreaterThan(0.5);
  // Every level is used, and most work sits in the middle.
  const histogram = [1, 2, 3, 4, 5].map((l) => levels.filter((a) => a.level === l).length);
  expect(histogram.every((n) => n > 0)).toBe(true);
  expect(histogram[1]! + histogram[2]! + histogram[3]!).toBeGreaterThan(histogram[0]! + histogram[4]!);

  // The heatmap of each marked strands assignment picks out judgement too.
  const { assignments } = await bigClassBoard();
  for (const a of assignments.filter((x) => x.rubricVersion.rubricId === "strands-20-four-strands")) {
    const rubric = rubricFromSnapshot(a.rubricVersion.content);
    const rows = await db().marking.findMany({ where: { total: { not: null }, submission: { draft: { assignmentId: a.id } } }, select: { id: true, awards: true } });
    if (!rows.length) continue;
    const heatmap = levelHeatmap({
      criteria: rubric.criteria.map((c) => ({ id: c.id, name: c.name, levelCount: c.levels.length })),
      students: rows.map((r) => ({ id: r.id, name: r.id, awards: SaveMarkingSchema.shape.awards.parse(r.awards) })),
    });
    expect(heatmap.weakest?.id, a.question.text).toBe("judgement");
  }
});

it("stores only 13B work the app would accept: valid markings, plans, anchors and essays", async () => {
  await seed();
  const markings = await db().marking.findMany({
    select: { awards: true, total: true, status: true, wentWell: true, evenBetterIf: true, returnedAt: true, createdAt: true, submission: { select: { submittedAt: true, draft: { select: { assignment: { select: { rubricVersion: { select: { content: true } } } } } } } } },
  });
  expect(markings.length).toBeGreaterThan(60);
  for (const m of markings) {
    const rubric = rubricFromSnapshot(m.submission.draft.assignment.rubricVersion.content);
    const awards = SaveMarkingSchema.shape.awards.parse(m.awards);
    if (m.total === null) {
      expect(m.status).toBe("IN_PROGRESS");
      expect(checkPartialMarking(rubric, { awards })).toEqual([]);
    } else {
      expect(validateMarking(rubric, { awards, total: m.total })).toMatchObject({ ok: true, total: m.total });
    }
    if (m.status === "RETURNED") {
      expect(m.wentWell || m.evenBetterIf).not.toBe("");
      expect(m.returnedAt!.getTime()).toBeGreaterThan(m.submission.submittedAt.getTime());
    }
    expect(m.createdAt.getTime()).toBeGreaterThan(m.submission.submittedAt.getTime());
  }

  const annotations = await db().annotation.findMany({ select: { exact: true, prefix: true, suffix: true, start: true, end: true, submission: { select: { text: true } } } });
  expect(annotations.length).toBeGreaterThan(20);
  for (const a of annotations) {
    const { text } = a.submission;
    expect(text.slice(a.start, a.end)).toBe(a.exact);
    expect(text.slice(0, a.start).endsWith(a.prefix)).toBe(true);
    expect(text.slice(a.end).startsWith(a.suffix)).toBe(true);
  }

  for (const plan of await db().plan.findMany({ select: { content: true } })) expect(PlanSchema.safeParse(plan.content).success).toBe(true);

  const submissions = await db().submission.findMany({
    where: { draft: { assignment: { classroom: { joinCode: BIG_CLASS.joinCode } } } },
    select: { text: true, wordCount: true },
  });
  for (const s of submissions) {
    expect(s.wordCount).toBe(countWords(s.text));
    expect(s.wordCount).toBeGreaterThanOrEqual(150);
    expect(s.wordCount).toBeLessThanOrEqual(400);
  }
  // Nothing is dated in the future.
  const now = Date.now();
  const latest = await db().draft.aggregate({ _max: { updatedAt: true, submittedAt: true } });
  expect(latest._max.updatedAt!.getTime()).toBeLessThanOrEqual(now);
  expect(latest._max.submittedAt!.getTime()).toBeLessThanOrEqual(now);
});

it("leaves the seeded data alone when run again", async () => {
  expect(await seed()).toBe("seeded");
  const count = async () => [await db().user.count(), await db().assignment.count(), await db().submission.count(), await db().marking.count()];
  const before = await count();
  expect(await seed()).toBe("already seeded");
  expect(await count()).toEqual(before);
  expect(await db().classroom.count({ where: { joinCode: BIG_CLASS.joinCode } })).toBe(1);
});
