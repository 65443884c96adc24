import { db } from "../db";
import { notFound } from "../errors";
import { requireTeacherOfStudentWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import { listCommentBank } from "./comment-bank";
import { annotationRowSelect, viewAnnotations } from "./annotation-view";
import { markingSelect, toMarkingView } from "./markings";
import { computeCoverage } from "../coverage/coverage";
import { readLinks } from "../coverage/links";
import { initialPlan } from "../planner/initial-plan";
import { PlanSchema } from "../planner/plan-schema";
import { analysisColumnsSelect, columnsToAnalysis } from "../questions/question-record";
import { markerStudent } from "./internal/marker-student";

/**
 * Everything the marking screen needs for one student's essay, in a fixed handful of
 * queries: the chosen version (latest by default), its marking, every annotation made on
 * it or an earlier version (placed in this version's text), the rubric, the comment bank.
 */
export async function getMarkingDesk(user: SessionUser, assignmentId: string, studentId: string, version?: number) {
  await requireTeacherOfStudentWork(user, assignmentId, studentId);
  const [assignment, student, draft, bank, planRow] = await Promise.all([
    db().assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: {
        id: true,
        dueAt: true,
        wordLimit: true,
        question: { select: { text: true, ...analysisColumnsSelect } },
        classroom: { select: { id: true, name: true } },
        rubricVersion: { select: { content: true } },
      },
    }),
    // The name, or the candidate number while the assignment's names are hidden (decision 029).
    markerStudent(assignmentId, studentId),
    db().draft.findUnique({
      where: { assignmentId_studentId: { assignmentId, studentId } },
      select: {
        id: true,
        submittedAt: true,
        paragraphLinks: true,
        submissions: {
          orderBy: { number: "asc" },
          select: { number: true, submittedAt: true, late: true, wordCount: true, marking: { select: { status: true } } },
        },
      },
    }),
    listCommentBank(user),
    db().plan.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId } }, select: { content: true } }),
  ]);
  const versions = draft?.submissions ?? [];
  const number = version ?? versions.at(-1)?.number;
  if (!draft || number === undefined || !versions.some((v) => v.number === number)) {
    throw notFound(versions.length ? "That version of the essay" : `${student.name}'s submitted essay`);
  }
  const [submission, annotationRows, previousRow] = await Promise.all([
    db().submission.findUniqueOrThrow({
      where: { draftId_number: { draftId: draft.id, number } },
      select: { id: true, number: true, text: true, wordCount: true, submittedAt: true, late: true, paragraphLinks: true, marking: { select: markingSelect } },
    }),
    db().annotation.findMany({
      where: { submission: { draftId: draft.id, number: { lte: number } } },
      orderBy: { createdAt: "asc" },
      select: annotationRowSelect,
    }),
    // On a redraft, the marks the last version was given and the student's answer to them.
    number > 1
      ? db().submission.findUnique({ where: { draftId_number: { draftId: draft.id, number: number - 1 } }, select: { number: true, marking: { select: markingSelect } } })
      : null,
  ]);
  const { rubricVersion, question, ...rest } = assignment;
  // The plan as the student left it, and how far this version carries it out, with the links
  // the student set by hand as they stood at hand-in (the draft's own for older versions).
  const analysis = columnsToAnalysis(question);
  const stored = planRow ? PlanSchema.safeParse(planRow.content) : null;
  const plan = stored?.success ? stored.data : initialPlan(analysis).plan;
  const links = readLinks(submission.paragraphLinks ?? draft.paragraphLinks);
  const coverage = computeCoverage({ text: submission.text, plan, analysis, question: question.text, links, final: true });
  return {
    assignment: { ...rest, question: { text: question.text }, rubric: rubricFromSnapshot(rubricVersion.content) },
    plan: { content: plan, saved: planRow !== null },
    coverage,
    student,
    versions: versions.map((v) => ({ number: v.number, submittedAt: v.submittedAt, late: v.late, wordCount: v.wordCount, markingStatus: v.marking?.status ?? null })),
    // The student is redrafting: their newer text is not handed in yet.
    redrafting: draft.submittedAt === null,
    previous: previousRow?.marking ? { number: previousRow.number, marking: toMarkingView(previousRow.marking) } : null,
    submission: { id: submission.id, number: submission.number, text: submission.text, wordCount: submission.wordCount, submittedAt: submission.submittedAt, late: submission.late },
    marking: toMarkingView(submission.marking),
    annotations: viewAnnotations(annotationRows, submission.text),
    bank,
  };
}

export type MarkingDesk = Awaited<ReturnType<typeof getMarkingDesk>>;
