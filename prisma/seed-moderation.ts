import type { SessionUser } from "../lib/auth/sessions";
import { db } from "../lib/db";
import { setDepartmentMember } from "../lib/moderation/internal/departments";
import { agreeMark, saveSecondMarking } from "../lib/moderation/item";
import { readAwards } from "../lib/moderation/marks";
import { chooseSample } from "../lib/moderation/moderation";
import { rubricFromSnapshot } from "../lib/rubrics/rubric-catalogue";

// Demo moderation (decision 030): a History department headed by Mr Okoro, with Ms Hughes as
// a member. On 12H's how-far assignment every marked essay is sampled (Dev's), Mr Okoro has
// second-marked it blind a level lower and they have agreed a mark; on 13B's first
// assignment a random 20% is sampled and part-way through moderation. Made through lib/, as
// the two teachers would, so the demo never holds data the app refuses.

export const DEMO_HEAD = { name: "Mr Samuel Okoro", email: "hod@extent.demo" };
export const DEMO_DEPARTMENT = "History";

/** The first marking's levels for each sampled essay, moved by `shift` (clamped to the rubric), as a second marker's. */
async function sampledEssays(assignmentId: string) {
  const assignment = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { rubricVersion: { select: { content: true } } } });
  const rubric = rubricFromSnapshot(assignment.rubricVersion.content);
  const items = await db().moderationItem.findMany({
    where: { sample: { assignmentId } },
    orderBy: { submission: { draft: { student: { name: "asc" } } } },
    select: { submission: { select: { draft: { select: { studentId: true } }, marking: { select: { awards: true } } } } },
  });
  return items.map((item) => {
    const awards = readAwards(item.submission.marking?.awards);
    const shifted = (shift: number) =>
      Object.fromEntries(
        rubric.criteria.map((c) => {
          const level = awards.find((a) => a.criterionId === c.id)?.level ?? 1;
          return [c.id, Math.min(c.levels.length, Math.max(1, level + shift))];
        }),
      );
    return { studentId: item.submission.draft.studentId, shifted };
  });
}

export async function seedModeration(teacher: SessionUser, head: SessionUser, demoAssignmentId: string, bigClassroomId: string) {
  await setDepartmentMember(DEMO_DEPARTMENT, teacher.email, "MEMBER");
  await setDepartmentMember(DEMO_DEPARTMENT, head.email, "HEAD");

  // 12H: Dev's essay (Level 2, 9 marks) second-marked at Level 1, agreed at Level 2, 8 marks.
  await chooseSample(teacher, { assignmentId: demoAssignmentId, method: "ALL" });
  for (const essay of await sampledEssays(demoAssignmentId)) {
    await saveSecondMarking(head, { assignmentId: demoAssignmentId, studentId: essay.studentId, levels: essay.shifted(-1) });
    await agreeMark(teacher, {
      assignmentId: demoAssignmentId,
      studentId: essay.studentId,
      levels: essay.shifted(0),
      total: 8,
      reason: "Level 2: the factors are described more than explained, but each is linked to the fall in 1964; low in the band, as the judgement is asserted.",
    });
  }

  // 13B: the earliest assignment, a random 20% chosen by the head; most second-marked, some agreed.
  const first = await db().assignment.findFirstOrThrow({ where: { classroomId: bigClassroomId }, orderBy: { dueAt: "asc" }, select: { id: true } });
  await chooseSample(head, { assignmentId: first.id, method: "RANDOM", percent: 20 });
  const essays = await sampledEssays(first.id);
  for (const [i, essay] of essays.entries()) {
    if (i === essays.length - 1) break; // one left awaiting its second marking
    // Mostly the same levels, one essay a level higher.
    await saveSecondMarking(head, { assignmentId: first.id, studentId: essay.studentId, levels: essay.shifted(i === 1 ? 1 : 0) });
    if (i < 2) await agreeMark(head, { assignmentId: first.id, studentId: essay.studentId, levels: essay.shifted(0), reason: "The first marking stands: the evidence is accurate but the judgement is not sustained." });
  }
}
