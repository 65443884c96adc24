import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/prisma/seed";
import { BIG_CLASS } from "@/prisma/seed-class";
import { getOwnFeedback } from "@/lib/marking/feedback";
import { WholeClassContentSchema } from "@/lib/whole-class-feedback/schemas";

// The demo shows decisions 031 and 032 on 13B: whole-class feedback published on the latest
// closed assignment, and feedback before marks on the one just past its deadline.

const student = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, email: true, role: true } });

it("publishes whole-class feedback on 13B's latest closed assignment, seen by its students with their feedback", async () => {
  await seed();
  const classroom = await db().classroom.findFirstOrThrow({ where: { name: BIG_CLASS.name }, select: { id: true } });
  const wcf = await db().wholeClassFeedback.findFirstOrThrow({ where: { assignment: { classroomId: classroom.id } }, select: { assignmentId: true, content: true, publishedAt: true } });
  expect(wcf.publishedAt).not.toBeNull();
  const content = WholeClassContentSchema.parse(wcf.content);
  expect(content.intro).toContain("essays");
  expect(content.criteria.some((c) => c.targets.includes("- "))).toBe(true);
  const returned = await db().marking.findFirstOrThrow({ where: { status: "RETURNED", submission: { draft: { assignmentId: wcf.assignmentId } } }, select: { submission: { select: { draft: { select: { studentId: true } } } } } });
  const feedback = await getOwnFeedback(await student(returned.submission.draft.studentId), wcf.assignmentId);
  expect(feedback.wholeClass?.content.intro).toBe(content.intro);
});

it("holds the marks of 13B's just-past assignment for students who have not responded, and shows them to those who have", async () => {
  await seed();
  const assignment = await db().assignment.findFirstOrThrow({ where: { feedbackBeforeMarks: true }, select: { id: true } });
  const rows = await db().marking.findMany({
    where: { status: "RETURNED", submission: { draft: { assignmentId: assignment.id } } },
    select: { respondedAt: true, marksReleasedAt: true, submission: { select: { draft: { select: { studentId: true } } } } },
  });
  const held = rows.find((r) => !r.respondedAt);
  expect(held?.marksReleasedAt).toBeNull();
  expect((await getOwnFeedback(await student(held!.submission.draft.studentId), assignment.id)).latestReturned?.marking).toMatchObject({ marksHeld: true, total: null });
  for (const r of rows.filter((x) => x.respondedAt)) expect(r.marksReleasedAt).toEqual(r.respondedAt);
});
