import { db } from "../db";
import { moderatedBy, requireHeadOfDepartment, requireModerationAccess } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { displayName } from "../marking/display-name";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import { firstMarking, moderationRecordSelect } from "./item";
import { readAwards } from "./marks";
import { agreementReport, type ModeratedEssay } from "./stats";

// Moderation reports: one assignment's, and a head of department's across every assignment
// in their department's classes. An essay still awaiting its second marking shows no first
// mark here either, so the report is never a way round the blind desk.

type ReportItem = {
  secondMarkedAt: Date | null;
  secondAwards: unknown;
  secondTotal: number | null;
  secondMarker: { id: string; name: string } | null;
  agreedAwards: unknown;
  agreedTotal: number | null;
  agreedReason: string | null;
  agreedAt: Date | null;
  originalAwards: unknown;
  originalTotal: number | null;
  originalMarker: { id: string; name: string } | null;
  submission: {
    draft: { student: { id: string; name: string } };
    marking: { awards: unknown; total: number | null; status: "IN_PROGRESS" | "RETURNED"; marker: { id: string; name: string } | null } | null;
  };
};

const former = "A former teacher";

function toEssay(criteria: { id: string; name: string }[], item: ReportItem): ModeratedEssay {
  const first = firstMarking(item);
  return {
    criteria,
    first: { awards: first.awards, total: first.total, marker: { id: first.marker?.id ?? null, name: first.marker?.name ?? former } },
    second: item.secondMarkedAt
      ? { awards: readAwards(item.secondAwards), total: item.secondTotal, marker: { id: item.secondMarker?.id ?? null, name: item.secondMarker?.name ?? former } }
      : null,
    agreed: item.agreedAt ? { awards: readAwards(item.agreedAwards), total: item.agreedTotal } : null,
  };
}

/** One row per sampled essay; the marks only once it is second-marked. */
function essayRows(items: ReportItem[], essays: ModeratedEssay[]) {
  return items
    .map((item, i) => {
      const essay = essays[i]!;
      const student = item.submission.draft.student;
      const base = { studentId: student.id, studentName: displayName(student) };
      if (!essay.second) return { ...base, stage: "awaiting second marking" as const, first: null, second: null, agreed: null };
      return {
        ...base,
        stage: essay.agreed ? ("agreed" as const) : ("second-marked" as const),
        first: { total: essay.first.total, marker: essay.first.marker.name },
        second: { total: essay.second.total, marker: essay.second.marker.name },
        agreed: essay.agreed ? { total: essay.agreed.total, reason: item.agreedReason ?? "" } : null,
      };
    })
    .sort((a, b) => a.studentName.localeCompare(b.studentName));
}

export async function getAssignmentModerationReport(user: SessionUser, assignmentId: string) {
  await requireModerationAccess(user, assignmentId);
  const assignment = await db().assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      id: true,
      question: { select: { text: true } },
      classroom: { select: { name: true } },
      rubricVersion: { select: { content: true } },
      moderationSample: { select: { method: true, percent: true, seed: true, perGroup: true, candidates: true, items: { select: moderationRecordSelect } } },
    },
  });
  const rubric = rubricFromSnapshot(assignment.rubricVersion.content);
  const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
  const items = assignment.moderationSample?.items ?? [];
  const essays = items.map((item) => toEssay(criteria, item));
  const { items: _items, ...sample } = assignment.moderationSample ?? { items: [] };
  return {
    assignment: { id: assignment.id, question: assignment.question.text, classroom: assignment.classroom.name, rubricTitle: rubric.title, totalMarks: rubric.totalMarks },
    sample: assignment.moderationSample ? sample : null,
    report: agreementReport(essays),
    essays: essayRows(items, essays),
  };
}

export type AssignmentModerationReport = Awaited<ReturnType<typeof getAssignmentModerationReport>>;

/**
 * A head of department's view: every assignment in a class taught by a member of a
 * department they head (the 200 due most recently), whether it has a sample, its agreement,
 * and the whole department's agreement and markers.
 */
export async function getDepartmentModerationReport(user: SessionUser) {
  const departments = await requireHeadOfDepartment(user);
  const assignments = await db().assignment.findMany({
    where: { classroom: moderatedBy(user.id) },
    orderBy: { dueAt: "desc" },
    take: 200,
    select: {
      id: true,
      dueAt: true,
      question: { select: { text: true } },
      classroom: { select: { id: true, name: true, teacher: { select: { name: true } } } },
      rubricVersion: { select: { content: true } },
      moderationSample: { select: { items: { select: moderationRecordSelect } } },
    },
  });
  const all: ModeratedEssay[] = [];
  const rows = assignments.map((a) => {
    const rubric = rubricFromSnapshot(a.rubricVersion.content);
    const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
    const essays = (a.moderationSample?.items ?? []).map((item) => toEssay(criteria, item));
    all.push(...essays);
    const report = agreementReport(essays);
    return {
      id: a.id,
      question: a.question.text,
      dueAt: a.dueAt,
      classroom: { name: a.classroom.name, teacher: a.classroom.teacher.name },
      sampled: a.moderationSample !== null,
      counts: { sampled: report.sampled, secondMarked: report.secondMarked, agreed: report.agreed },
      overall: report.overall,
    };
  });
  return { departments, assignments: rows, report: agreementReport(all) };
}

export type DepartmentModerationReport = Awaited<ReturnType<typeof getDepartmentModerationReport>>;
