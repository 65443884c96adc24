import { db } from "../db";
import { enqueue } from "../jobs/enqueue";
import { afterMarkingReturned } from "../lti/internal/scores";
import { AppError, notFound } from "../errors";
import { requireOwnWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { annotationRowSelect, viewAnnotations, type AnnotationRow } from "./annotation-view";
import { markingSelect, toMarkingView } from "./markings";
import { forStudent, type StudentMarkingView } from "./marks-release";
import { RespondSchema } from "./schemas";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import { readWholeClassContent } from "../whole-class-feedback/read-content";
import { recordMarkingAudit } from "../audit/scoped";

// The student's side of marking. Feedback exists for them only once it is returned: a
// marking in progress, and its annotations, are never sent to the student's browser. On a
// feedback-before-marks assignment the levels and mark of a returned marking are held back
// here, in the data, until the student has responded (decision 031); nothing reaches a page
// or a client component's props before that.

export type ReturnedVersion = {
  number: number;
  text: string;
  wordCount: number;
  submittedAt: Date;
  late: boolean;
  marking: StudentMarkingView | null;
};

/**
 * The student's handed-in versions and the feedback returned on them. `annotations` are the
 * returned ones, with `placeIn(text)` to place them in any version or in the current draft.
 */
export async function getOwnFeedback(user: SessionUser, assignmentId: string) {
  const assignment = await requireOwnWork(user, assignmentId);
  const [settings, draft] = await Promise.all([
    db().assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { feedbackBeforeMarks: true, rubricVersion: { select: { content: true } }, wholeClassFeedback: { select: { content: true, publishedAt: true } } },
    }),
    db().draft.findUnique({
    where: { assignmentId_studentId: { assignmentId, studentId: user.id } },
    select: {
      text: true,
      submittedAt: true,
      submissions: {
        orderBy: { number: "asc" },
        select: { number: true, text: true, wordCount: true, submittedAt: true, late: true, marking: { select: markingSelect } },
      },
    },
  }),
  ]);
  const rows: AnnotationRow[] = draft
    ? await db().annotation.findMany({
        where: { submission: { draft: { assignmentId, studentId: user.id }, marking: { status: "RETURNED" } } },
        orderBy: { createdAt: "asc" },
        select: annotationRowSelect,
      })
    : [];
  const versions: ReturnedVersion[] = (draft?.submissions ?? []).map(({ marking, ...v }) => ({
    ...v,
    marking: marking?.status === "RETURNED" ? forStudent(toMarkingView(marking), settings.feedbackBeforeMarks) : null,
  }));
  const latest = versions.at(-1);
  const latestReturned = [...versions].reverse().find((v) => v.marking) ?? null;
  // The class's feedback comes with the student's own: once published, and once theirs is returned.
  const wcf = settings.wholeClassFeedback;
  const wholeClass =
    latestReturned && wcf?.publishedAt ? { content: readWholeClassContent(wcf.content, rubricFromSnapshot(settings.rubricVersion.content)), publishedAt: wcf.publishedAt } : null;
  return {
    versions,
    wholeClass,
    latestReturned,
    /** Returned with a redraft allowed, and not redrafting already. */
    canRedraft: !!(assignment.status === "OPEN" && draft?.submittedAt && latest?.marking?.allowRedraft),
    redrafting: !!(draft && !draft.submittedAt && versions.length > 0),
    /** Annotations made on versions up to `number`, placed in `text`. */
    annotationsFor: (text: string, number = Infinity) => viewAnnotations(rows.filter((r) => r.submission.number <= number), text),
  };
}

export type OwnFeedback = Awaited<ReturnType<typeof getOwnFeedback>>;

/**
 * The student's reply to returned feedback; it can be revised. The first reply releases marks
 * held on a feedback-before-marks assignment (the time is kept); later edits change nothing there.
 */
export async function respondToFeedback(user: SessionUser, raw: { assignmentId: string; submissionNumber: number; response: string }) {
  const input = RespondSchema.parse(raw);
  await requireOwnWork(user, input.assignmentId);
  const where = { status: "RETURNED" as const, submission: { number: input.submissionNumber, draft: { assignmentId: input.assignmentId, studentId: user.id } } };
  const now = new Date();
  const [{ count }, released] = await db().$transaction(async (tx) => {
    const first = await tx.marking.updateMany({ where: { ...where, respondedAt: null }, data: { response: input.response, respondedAt: now } });
    const responded = first.count ? first : await tx.marking.updateMany({ where, data: { response: input.response, respondedAt: now } });
    const freed = await tx.marking.updateMany({ where: { ...where, marksReleasedAt: null }, data: { marksReleasedAt: now } });
    const submission = freed.count || first.count ? await tx.submission.findFirst({ where: where.submission, select: { id: true } }) : null;
    if (submission && freed.count) await recordMarkingAudit(tx, submission.id, { action: "MARKS_RELEASED", actorId: user.id, detail: { reason: "student responded" } });
    // The marker hears of the first response, not of each later edit (decision 047).
    if (submission && first.count) await enqueue(tx, "notify", { type: "student-responded", submissionId: submission.id });
    return [responded, freed.count ? submission : null] as const;
  });
  if (!count) throw notFound("Returned feedback on that version");
  // Marks released now reach an LMS gradebook now (decision 036).
  if (released) await afterMarkingReturned(released.id);
}

/** Unlocks the draft for a redraft, if the teacher allowed one when returning the marking. */
export async function startRedraft(user: SessionUser, assignmentId: string) {
  const assignment = await requireOwnWork(user, assignmentId);
  if (assignment.status === "CLOSED") throw new AppError("Your teacher has closed this assignment, so it cannot be redrafted now.", 423);
  const draft = await db().draft.findUnique({
    where: { assignmentId_studentId: { assignmentId, studentId: user.id } },
    select: { id: true, submittedAt: true, submissions: { orderBy: { number: "desc" }, take: 1, select: { marking: { select: { status: true, allowRedraft: true } } } } },
  });
  const marking = draft?.submissions[0]?.marking;
  if (marking?.status !== "RETURNED" || !marking.allowRedraft) throw new AppError("Your teacher has not asked for a redraft of this essay.", 403);
  if (!draft?.submittedAt) throw new AppError("You are already redrafting this essay.", 409);
  const { count } = await db().draft.updateMany({ where: { id: draft.id, submittedAt: { not: null } }, data: { submittedAt: null, revision: { increment: 1 } } });
  if (!count) throw new AppError("You are already redrafting this essay.", 409);
}
