import { db } from "../lib/db";
import { Prisma } from "../lib/generated/prisma/client";
import type { SessionUser } from "../lib/auth/sessions";
import { getWholeClassFeedback, publishWholeClassFeedback, saveWholeClassFeedback } from "../lib/whole-class-feedback/whole-class";

// Demo of decisions 031 and 032 on 13B's term of work: whole-class feedback published on the
// latest closed assignment (drafted from its marks through lib/, as the teacher would, with a
// note added), and feedback before marks on the assignment just past its deadline, so its
// returned essays whose students have not yet responded show comments before the mark.

export async function seedFeedbackDemo(teacher: SessionUser, classroomId: string) {
  const now = new Date();
  const assignments = await db().assignment.findMany({ where: { classroomId }, orderBy: { dueAt: "asc" }, select: { id: true, status: true, dueAt: true } });

  const closed = assignments.filter((a) => a.status === "CLOSED").at(-1);
  if (closed) {
    const { draft } = await getWholeClassFeedback(teacher, closed.id);
    const intro = `${draft.intro} Read your own feedback first, then this: the targets below came up in many essays, so they are worth everyone's attention before the next essay.`.trim();
    const saved = await saveWholeClassFeedback(teacher, { assignmentId: closed.id, baseRevision: 0, content: { ...draft, intro } });
    if (!saved.ok) throw new Error("seed: whole-class feedback conflicted");
    const published = await publishWholeClassFeedback(teacher, { assignmentId: closed.id, baseRevision: saved.feedback.revision, publish: true });
    if (!published.ok) throw new Error("seed: whole-class feedback could not be published");
  }

  const justPast = assignments.find((a) => a.status === "OPEN" && a.dueAt < now);
  if (justPast) {
    await db().assignment.update({ where: { id: justPast.id }, data: { feedbackBeforeMarks: true } });
    // Released when the student responded; held where they have not yet.
    await db().$executeRaw(Prisma.sql`
      UPDATE "Marking" m SET "marksReleasedAt" = m."respondedAt"
      FROM "Submission" s JOIN "Draft" d ON d.id = s."draftId"
      WHERE m."submissionId" = s.id AND d."assignmentId" = ${justPast.id} AND m.status = 'RETURNED'`);
  }
}
