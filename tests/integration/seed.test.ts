import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/accounts";
import { DEMO_JOIN_CODE, DEMO_PASSWORD, DEMO_STUDENTS, DEMO_TEACHER, seed } from "@/prisma/seed";

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
  expect(topic.questions.map((q) => q.stem).sort()).toEqual(["HOW_FAR", "TO_WHAT_EXTENT"]);
  expect(await db().user.count()).toBe(1 + DEMO_STUDENTS.length);
});

it("seeds an essay waiting to be marked and one marked and returned for its student to read", async () => {
  await seed();
  const submissions = await db().submission.findMany({ include: { draft: { include: { student: true } }, marking: true, _count: { select: { annotations: true } } } });
  const byStudent = new Map(submissions.map((s) => [s.draft.student.email, s]));
  expect(byStudent.get("chloe@extent.demo")?.marking).toBeNull();
  const returned = byStudent.get("dev@extent.demo");
  expect(returned?.marking).toMatchObject({ status: "RETURNED", total: 9, allowRedraft: true });
  expect(returned?._count.annotations).toBeGreaterThanOrEqual(4);
  const teacher = await db().user.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email } });
  expect(await db().commentBankEntry.count({ where: { teacherId: teacher.id, criterionId: "overall" } })).toBeGreaterThanOrEqual(3);
  // Amira and Ben are left to start from scratch (the planning journey's browser test uses them).
  expect(byStudent.has("amira@extent.demo") || byStudent.has("ben@extent.demo")).toBe(false);
});
