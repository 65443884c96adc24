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
