import { db } from "../db";
import { AppError } from "../errors";
import { requireAnnotationForStudent, requireAnnotationForTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { anchorFor } from "../annotations/anchor";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import type { Rubric } from "../rubrics/rubric-schema";
import { addToCommentBank } from "./comment-bank";
import { recordBankUse } from "./internal/record-bank-use";
import { annotationRowSelect, viewAnnotations, type AnnotationView } from "./annotation-view";
import { AddAnnotationSchema, AddressTargetSchema, AnnotationIdSchema, UpdateAnnotationSchema, type AddAnnotationInput } from "./schemas";
import { assertStillMarking, requireSubmissionToMark } from "./submissions";

function assertCriterion(rubric: Rubric, criterionId: string) {
  if (!rubric.criteria.some((c) => c.id === criterionId)) {
    const message = `This assignment's mark scheme has no criterion "${criterionId}".`;
    throw new AppError(message, 422, { criterionId: [message] });
  }
}

/** Annotates a passage of a submitted version; the anchor is computed here from the stored text. */
export async function addAnnotation(user: SessionUser, raw: AddAnnotationInput): Promise<AnnotationView> {
  const input = AddAnnotationSchema.parse(raw);
  const submission = await requireSubmissionToMark(user, input);
  assertStillMarking(submission.marking);
  assertCriterion(submission.rubric, input.criterionId);
  let anchor;
  try {
    anchor = anchorFor(submission.text, input.start, input.end);
  } catch {
    throw new AppError("That selection is not a passage of this essay. Select some of the essay's text and try again.", 422);
  }
  if (!anchor.exact.trim()) throw new AppError("Select some words, not just spaces.", 422);
  const row = await db().annotation.create({
    data: { submissionId: submission.id, authorId: user.id, criterionId: input.criterionId, kind: input.kind, comment: input.comment, ...anchor },
    select: annotationRowSelect,
  });
  if (input.saveToBank) await addToCommentBank(user, { text: input.comment, criterionId: input.criterionId, kind: input.kind });
  // A comment used from the bank (or just saved to it) counts as a use, so the most used rise.
  await recordBankUse(user.id, input.criterionId, input.comment);
  return viewAnnotations([row], submission.text)[0]!;
}

async function requireEditable(user: SessionUser, annotationId: string) {
  const found = await requireAnnotationForTeacher(user, annotationId);
  assertStillMarking(found.submission.marking);
  return found;
}

export async function updateAnnotation(user: SessionUser, raw: { annotationId: string; comment: string; criterionId: string; kind: "STRENGTH" | "TARGET" }) {
  const input = UpdateAnnotationSchema.parse(raw);
  const found = await requireEditable(user, input.annotationId);
  assertCriterion(rubricFromSnapshot(found.submission.draft.assignment.rubricVersion.content), input.criterionId);
  const row = await db().annotation.update({
    where: { id: input.annotationId },
    data: { comment: input.comment, criterionId: input.criterionId, kind: input.kind },
    select: annotationRowSelect,
  });
  return viewAnnotations([row], found.submission.text)[0]!;
}

export async function deleteAnnotation(user: SessionUser, raw: { annotationId: string }): Promise<void> {
  const { annotationId } = AnnotationIdSchema.parse(raw);
  await requireEditable(user, annotationId);
  // deleteMany, not delete: if another tab removed it a moment ago, the outcome asked for
  // already holds, rather than a "record not found" error.
  await db().annotation.deleteMany({ where: { id: annotationId } });
}

/** The student says how they acted on a target (or takes that back). */
export async function setTargetAddressed(user: SessionUser, raw: { annotationId: string; addressed: boolean; note?: string }) {
  const input = AddressTargetSchema.parse(raw);
  const found = await requireAnnotationForStudent(user, input.annotationId);
  if (found.kind !== "TARGET") throw new AppError("Only targets are marked as addressed; this comment is a strength.", 422);
  return db().annotation.update({
    where: { id: input.annotationId },
    data: input.addressed ? { status: "ADDRESSED", addressedNote: input.note, addressedAt: new Date() } : { status: "OPEN", addressedNote: "", addressedAt: null },
    select: { id: true, status: true, addressedNote: true, addressedAt: true },
  });
}
