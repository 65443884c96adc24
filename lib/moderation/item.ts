import { db } from "../db";
import { AppError, notFound } from "../errors";
import { requireModerationAccess } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { displayName } from "../marking/display-name";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import type { Rubric } from "../rubrics/rubric-schema";
import { readAwards, settleLevels } from "./marks";
import { AgreeMarkSchema, SecondMarkingSchema, type AgreeMarkInput, type SecondMarkingInput } from "./schemas";
import { compareLevels } from "./stats";
import { markSnapshot, recordMarkingAudit } from "../audit/scoped";

// One sampled essay. Until it is second-marked, what leaves this file carries no first mark,
// annotation or summary (the blind desk); afterwards both markings are compared side by side
// and a mark can be agreed, which replaces the Marking's awards and total (so the student is
// returned the agreed mark) while the first marking is kept on the item.

/** What an item and a report row both read: the second, agreed and original marks, whose essay and its first marking. */
export const moderationRecordSelect = {
  secondMarkedAt: true,
  secondAwards: true,
  secondTotal: true,
  secondMarker: { select: { id: true, name: true } },
  agreedAwards: true,
  agreedTotal: true,
  agreedReason: true,
  agreedAt: true,
  originalAwards: true,
  originalTotal: true,
  originalMarker: { select: { id: true, name: true } },
  submission: {
    select: {
      draft: { select: { student: { select: { id: true, name: true } } } },
      marking: { select: { awards: true, total: true, status: true, marker: { select: { id: true, name: true } } } },
    },
  },
} as const;

const itemSelect = {
  ...moderationRecordSelect,
  id: true,
  agreedBy: { select: { name: true } },
  submission: { select: { ...moderationRecordSelect.submission.select, id: true, number: true, text: true, wordCount: true } },
} as const;

async function loadItem(user: SessionUser, assignmentId: string, studentId: string) {
  await requireModerationAccess(user, assignmentId);
  const [item, assignment] = await Promise.all([
    db().moderationItem.findFirst({ where: { sample: { assignmentId }, submission: { draft: { assignmentId, studentId } } }, select: itemSelect }),
    db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { id: true, question: { select: { text: true } }, rubricVersion: { select: { content: true } } } }),
  ]);
  if (!item) throw notFound("That essay in the moderation sample");
  return { item, rubric: rubricFromSnapshot(assignment.rubricVersion.content), assignment: { id: assignment.id, question: assignment.question.text } };
}

type Item = Awaited<ReturnType<typeof loadItem>>["item"];

/** The first marking as it stood before any agreement: the kept original once agreed, the Marking until then. */
export function firstMarking(item: {
  agreedAt: Date | null;
  originalAwards: unknown;
  originalTotal: number | null;
  originalMarker: { id: string; name: string } | null;
  submission: { marking: { awards: unknown; total: number | null; marker: { id: string; name: string } | null } | null };
}) {
  if (item.agreedAt) return { awards: readAwards(item.originalAwards), total: item.originalTotal, marker: item.originalMarker };
  const m = item.submission.marking;
  return { awards: readAwards(m?.awards), total: m?.total ?? null, marker: m?.marker ?? null };
}

const isFirstMarker = (user: SessionUser, item: Item) => firstMarking(item).marker?.id === user.id;

function criteriaOf(rubric: Rubric) {
  return rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
}

/**
 * What the moderation page shows for one sampled essay. Blind until second-marked: the
 * essay and the rubric, and nothing of the first marking but that it exists.
 */
export async function getModerationItem(user: SessionUser, assignmentId: string, studentId: string) {
  const { item, rubric, assignment } = await loadItem(user, assignmentId, studentId);
  const student = { id: item.submission.draft.student.id, name: displayName(item.submission.draft.student) };
  const essay = { number: item.submission.number, text: item.submission.text, wordCount: item.submission.wordCount };
  if (!item.secondMarkedAt) {
    return { stage: "blind" as const, assignment, rubric, student, essay, markedFirstByYou: isFirstMarker(user, item) };
  }
  const first = firstMarking(item);
  const second = { awards: readAwards(item.secondAwards), total: item.secondTotal, marker: item.secondMarker };
  const agreed = item.agreedAt
    ? { awards: readAwards(item.agreedAwards), total: item.agreedTotal, reason: item.agreedReason ?? "", by: item.agreedBy?.name ?? null, at: item.agreedAt }
    : null;
  return {
    stage: "compare" as const,
    assignment,
    rubric,
    student,
    essay,
    first: { total: first.total, markerName: first.marker?.name ?? "A former teacher" },
    second: { total: second.total, markerName: second.marker?.name ?? "A former teacher" },
    rows: compareLevels(criteriaOf(rubric), first, second),
    secondAwards: second.awards,
    agreed,
    returned: item.submission.marking?.status === "RETURNED",
  };
}

export type ModerationItemView = Awaited<ReturnType<typeof getModerationItem>>;

/** The blind second marking, once per essay, by anyone who may moderate it except its first marker. */
export async function saveSecondMarking(user: SessionUser, raw: SecondMarkingInput) {
  const input = SecondMarkingSchema.parse(raw);
  const { item, rubric } = await loadItem(user, input.assignmentId, input.studentId);
  if (item.secondMarkedAt) throw new AppError("This essay has already been second-marked.", 409);
  if (isFirstMarker(user, item)) throw new AppError("You marked this essay first, so someone else second-marks it.", 409);
  const { awards, total } = settleLevels(rubric, input.levels, input.total);
  const { count } = await db().moderationItem.updateMany({
    where: { id: item.id, secondMarkedAt: null },
    data: { secondAwards: awards, secondTotal: total, secondMarkerId: user.id, secondMarkedAt: new Date() },
  });
  if (!count) throw new AppError("This essay has already been second-marked.", 409);
}

/**
 * The agreed mark, with the reason, once both markings are in. In one transaction the first
 * marking is copied onto the item and the Marking takes the agreed awards and total (its
 * revision moves on, so a desk open on the old marks is told it changed rather than
 * overwriting them); a returned marking stays returned, now with the agreed mark.
 */
export async function agreeMark(user: SessionUser, raw: AgreeMarkInput) {
  const input = AgreeMarkSchema.parse(raw);
  const { item, rubric } = await loadItem(user, input.assignmentId, input.studentId);
  if (!item.secondMarkedAt) throw new AppError("The essay must be second-marked before a mark is agreed.", 409);
  if (item.agreedAt) throw new AppError("A mark has already been agreed for this essay.", 409);
  const { awards, total } = settleLevels(rubric, input.levels, input.total);
  await db().$transaction(async (tx) => {
    const marking = await tx.marking.findUnique({ where: { submissionId: item.submission.id }, select: { awards: true, total: true, markerId: true, status: true } });
    if (!marking) throw new AppError("The first marking of this essay has gone, so no mark can be agreed.", 409);
    const { count } = await tx.moderationItem.updateMany({
      where: { id: item.id, agreedAt: null },
      data: {
        agreedAwards: awards,
        agreedTotal: total,
        agreedReason: input.reason,
        agreedById: user.id,
        agreedAt: new Date(),
        originalAwards: marking.awards ?? [],
        originalTotal: marking.total,
        originalMarkerId: marking.markerId,
      },
    });
    if (!count) throw new AppError("A mark has already been agreed for this essay.", 409);
    await tx.marking.update({ where: { submissionId: item.submission.id }, data: { awards, total, revision: { increment: 1 } } });
    await recordMarkingAudit(tx, item.submission.id, { action: "MARK_CHANGED", actorId: user.id, before: markSnapshot(marking), after: markSnapshot({ awards, total, status: marking.status }), detail: { via: "moderation" } });
  });
}
