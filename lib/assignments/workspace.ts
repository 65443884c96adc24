import { db } from "../db";
import { requireOwnWork, requireTeacherOfStudentWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { ensureDraft } from "../drafts/internal/ensure-draft";
import { initialPlan } from "../planner/initial-plan";
import { PlanSchema, type Plan } from "../planner/plan-schema";
import { analysisColumnsSelect, columnsToAnalysis } from "../questions/question-record";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import { markerStudent } from "../marking/internal/marker-student";

// Everything the planner-and-draft screen needs, in a fixed handful of queries.
async function loadWorkspace(assignmentId: string, studentId: string) {
  const [assignment, plan, draft] = await Promise.all([
    db().assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: {
        id: true,
        dueAt: true,
        wordLimit: true,
        status: true,
        instructions: true,
        classroom: { select: { id: true, name: true } },
        rubricVersion: { select: { content: true } },
        question: {
          select: {
            id: true,
            text: true,
            ...analysisColumnsSelect,
            topic: { select: { id: true, title: true } },
          },
        },
      },
    }),
    db().plan.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId } }, select: { content: true, revision: true, updatedAt: true } }),
    db().draft.findUnique({
      where: { assignmentId_studentId: { assignmentId, studentId } },
      select: { text: true, revision: true, updatedAt: true, wordCount: true, submittedAt: true, late: true, paragraphLinks: true },
    }),
  ]);
  const evidenceBank = await db().point.findMany({
    where: { topicId: assignment.question.topic.id },
    orderBy: { position: "asc" },
    select: { id: true, text: true, subpoints: true, path: true },
  });
  const analysis = columnsToAnalysis(assignment.question);
  // A stored plan that no longer parses (it never should) falls back to a fresh one rather than breaking the page.
  const stored = plan ? PlanSchema.safeParse(plan.content) : null;
  const planContent: Plan = stored?.success ? stored.data : initialPlan(analysis).plan;
  return {
    assignment: { ...assignment, rubric: rubricFromSnapshot(assignment.rubricVersion.content), rubricVersion: undefined },
    analysis,
    evidenceBank,
    suggestedAreas: initialPlan(analysis).suggestedAreas,
    plan: { content: planContent, revision: plan?.revision ?? 0, savedAt: plan?.updatedAt ?? null },
    draft: draft ?? { text: "", revision: 0, updatedAt: null, wordCount: 0, submittedAt: null, late: false, paragraphLinks: {} },
  };
}

export type Workspace = Awaited<ReturnType<typeof loadWorkspace>>;

export async function getOwnWorkspace(user: SessionUser, assignmentId: string): Promise<Workspace> {
  await requireOwnWork(user, assignmentId);
  await ensureDraft(user.id, assignmentId);
  return loadWorkspace(assignmentId, user.id);
}

export async function getStudentWorkspace(user: SessionUser, assignmentId: string, studentId: string) {
  await requireTeacherOfStudentWork(user, assignmentId, studentId);
  const [workspace, student, submissions] = await Promise.all([
    loadWorkspace(assignmentId, studentId),
    markerStudent(assignmentId, studentId),
    db().submission.findMany({
      where: { draft: { assignmentId, studentId } },
      orderBy: { number: "asc" },
      select: { number: true, marking: { select: { status: true } } },
    }),
  ]);
  const versions = submissions.map((s) => ({ number: s.number, markingStatus: s.marking?.status ?? null }));
  return { ...workspace, student, versions };
}
