import { db } from "../db";
import { enqueue } from "../jobs/enqueue";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import type { SessionUser } from "../auth/sessions";
import { checkPartialMarking, validateMarking, type Award, type MarkingError } from "../rubrics/marks";
import type { Rubric } from "../rubrics/rubric-schema";
import { SaveMarkingSchema, type SaveMarkingInput } from "./schemas";
import { requireSubmissionToMark } from "./submissions";
import { afterMarkingReturned } from "../lti/internal/scores";
import { markSnapshot, recordMarkingAudit, type MarkSnapshot } from "../audit/scoped";

export type MarkingView = {
  revision: number;
  status: "IN_PROGRESS" | "RETURNED";
  awards: Award[];
  total: number | null;
  wentWell: string;
  evenBetterIf: string;
  allowRedraft: boolean;
  returnedAt: Date | null;
  updatedAt: Date | null;
  markerName: string | null;
  response: string;
  respondedAt: Date | null;
  /** Null while a feedback-before-marks marking holds its levels and mark (decision 031). */
  marksReleasedAt: Date | null;
};

export const EMPTY_MARKING: MarkingView = {
  revision: 0,
  status: "IN_PROGRESS",
  awards: [],
  total: null,
  wentWell: "",
  evenBetterIf: "",
  allowRedraft: false,
  returnedAt: null,
  updatedAt: null,
  markerName: null,
  response: "",
  respondedAt: null,
  marksReleasedAt: null,
};

export const markingSelect = {
  revision: true,
  status: true,
  awards: true,
  total: true,
  wentWell: true,
  evenBetterIf: true,
  allowRedraft: true,
  returnedAt: true,
  updatedAt: true,
  response: true,
  respondedAt: true,
  marksReleasedAt: true,
  marker: { select: { name: true } },
} as const;

type MarkingRow = Omit<MarkingView, "awards" | "markerName"> & { awards: unknown; marker: { name: string } | null };

export function toMarkingView(row: MarkingRow | null): MarkingView {
  if (!row) return EMPTY_MARKING;
  const { marker, awards, ...rest } = row;
  // Awards were validated against the rubric when saved; anything unreadable shows as unmarked.
  const parsed = SaveMarkingSchema.shape.awards.safeParse(awards);
  return { ...rest, awards: parsed.success ? parsed.data : [], markerName: marker?.name ?? null };
}

export type SaveMarkingResult = { ok: true; marking: MarkingView } | { ok: false; conflict: MarkingView };

function refuse(errors: MarkingError[]): never {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of errors) (fieldErrors[e.criterionId ? `award.${e.criterionId}` : "total"] ??= []).push(e.message);
  throw new AppError(errors.map((e) => e.message).join(" "), 422, fieldErrors);
}

// What is stored: the awards as given (holistic: the mark is the total), and the total once
// every criterion has a level. Returning requires a complete marking.
function settle(rubric: Rubric, awards: Award[], total: number | null | undefined, returning: boolean): { awards: Award[]; total: number | null } {
  const given = { awards, total: total ?? undefined };
  const complete = rubric.criteria.every((c) => awards.some((a) => a.criterionId === c.id));
  if (!complete && !returning) {
    const problems = checkPartialMarking(rubric, given);
    if (problems.length) refuse(problems);
    return { awards, total: null };
  }
  const result = validateMarking(rubric, given);
  if (!result.ok) refuse(result.errors);
  const settled = result.perCriterion.map((c) => (c.mark === undefined ? { criterionId: c.criterionId, level: c.level } : { criterionId: c.criterionId, level: c.level, mark: c.mark }));
  return { awards: settled, total: result.total };
}

/**
 * Saves a marking part-way (or, with `returning`, complete and returned to the student).
 * Compare-and-swap on `revision`: a save based on an older revision is refused and gets
 * the newer marking back, so two tabs or two teachers never silently overwrite each other.
 */
export async function saveMarking(user: SessionUser, raw: SaveMarkingInput, { returning = false } = {}): Promise<SaveMarkingResult> {
  const input = SaveMarkingSchema.parse(raw);
  const submission = await requireSubmissionToMark(user, input);
  const { awards, total } = settle(submission.rubric, input.awards, input.total, returning);
  const now = new Date();
  const data = {
    awards,
    total,
    wentWell: input.wentWell,
    evenBetterIf: input.evenBetterIf,
    allowRedraft: input.allowRedraft,
    markerId: user.id,
    // On a feedback-before-marks assignment the marks wait for the student's response (decision 031).
    ...(returning ? { status: "RETURNED" as const, returnedAt: now, marksReleasedAt: submission.feedbackBeforeMarks ? null : now } : {}),
  };
  if (returning && !input.wentWell && !input.evenBetterIf) {
    throw new AppError("Write the summary (what went well, even better if) before returning the marking.", 422, {
      wentWell: ["Say what went well, or what would make it even better."],
    });
  }

  const current = () => db().marking.findUnique({ where: { submissionId: submission.id }, select: markingSelect });
  // The audit trail's before and after (decision 039): awards, total and status only.
  const audit = (tx: Prisma.TransactionClient, before: MarkSnapshot | null, after: MarkSnapshot | null) =>
    recordMarkingAudit(tx, submission.id, {
      action: returning ? "MARKING_RETURNED" : "MARK_CHANGED",
      actorId: user.id,
      before,
      after,
      ...(returning ? { detail: { marksReleased: !submission.feedbackBeforeMarks } } : {}),
    });
  const saved = markSnapshot({ awards, total, status: returning ? "RETURNED" : "IN_PROGRESS" });
  // The student hears of the return with it or not at all (decision 047).
  const notifyReturned = (tx: Prisma.TransactionClient) => enqueue(tx, "notify", { type: "marking-returned", submissionId: submission.id });
  if (!submission.marking) {
    if (input.baseRevision !== 0) return { ok: false, conflict: toMarkingView(await current()) };
    try {
      const created = await db().$transaction(async (tx) => {
        const row = await tx.marking.create({ data: { ...data, submissionId: submission.id, revision: 1 }, select: markingSelect });
        await audit(tx, null, saved);
        if (returning) await notifyReturned(tx);
        return row;
      });
      if (returning) await afterMarkingReturned(submission.id);
      return { ok: true, marking: toMarkingView(created) };
    } catch (e) {
      // Another tab saved the first marking a moment earlier.
      if (!isUniqueViolation(e)) throw e;
      return { ok: false, conflict: toMarkingView(await current()) };
    }
  }
  const count = await db().$transaction(async (tx) => {
    const before = await tx.marking.findUnique({ where: { submissionId: submission.id }, select: { awards: true, total: true, status: true } });
    const { count } = await tx.marking.updateMany({
      where: { submissionId: submission.id, revision: input.baseRevision, status: "IN_PROGRESS" },
      data: { ...data, revision: { increment: 1 } },
    });
    if (count) await audit(tx, markSnapshot(before), saved);
    if (count && returning) await notifyReturned(tx);
    return count;
  });
  // An assignment set through an LMS sends the mark to its gradebook (decision 036).
  if (count && returning) await afterMarkingReturned(submission.id);
  const after = toMarkingView(await current());
  return count ? { ok: true, marking: after } : { ok: false, conflict: after };
}
