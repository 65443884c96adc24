"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { addAnnotation, deleteAnnotation, setTargetAddressed, updateAnnotation } from "@/lib/marking/annotations";
import { addToCommentBank, deleteFromCommentBank, listCommentBank } from "@/lib/marking/comment-bank";
import { respondToFeedback, startRedraft } from "@/lib/marking/feedback";
import { saveMarking } from "@/lib/marking/markings";
import { replyToResponse } from "@/lib/marking/reply";
import {
  AddAnnotationSchema,
  AddressTargetSchema,
  AnnotationIdSchema,
  BankEntryIdSchema,
  BankEntrySchema,
  ReplySchema,
  RespondSchema,
  SaveMarkingSchema,
  StartRedraftSchema,
  UpdateAnnotationSchema,
} from "@/lib/marking/schemas";

// Marking (teacher) and feedback (student) actions. Each validates with the shared schema in
// safeAction; who may do it is decided in lib/ through lib/auth/policy.

// Returns the bank too, since "also save to my comment bank" may have added to it.
export const addAnnotationAction = safeAction("TEACHER", AddAnnotationSchema, async (input, user) => ({
  annotation: await addAnnotation(user, input),
  bank: await listCommentBank(user),
}));
export const updateAnnotationAction = safeAction("TEACHER", UpdateAnnotationSchema, async (input, user) => updateAnnotation(user, input));
export const deleteAnnotationAction = safeAction("TEACHER", AnnotationIdSchema, async (input, user) => deleteAnnotation(user, input));

export const saveMarkingAction = safeAction("TEACHER", SaveMarkingSchema, async (input, user) => saveMarking(user, input));

export const returnMarkingAction = safeAction("TEACHER", SaveMarkingSchema, async (input, user) => {
  const result = await saveMarking(user, input, { returning: true });
  revalidatePath(`/assignments/${input.assignmentId}`);
  return result;
});

export const addToBankAction = safeAction("TEACHER", BankEntrySchema, async (input, user) => addToCommentBank(user, input));
export const deleteFromBankAction = safeAction("TEACHER", BankEntryIdSchema, async (input, user) => deleteFromCommentBank(user, input));

export const respondToFeedbackAction = safeAction("STUDENT", RespondSchema, async (input, user) => respondToFeedback(user, input));
export const setTargetAddressedAction = safeAction("STUDENT", AddressTargetSchema, async (input, user) => setTargetAddressed(user, input));

// The teacher's reply to the student's response; the student's feedback page shows it.
export const replyToResponseAction = safeAction("TEACHER", ReplySchema, async (input, user) => {
  const result = await replyToResponse(user, input);
  if (result.ok) revalidatePath(`/assignments/${input.assignmentId}`);
  return result;
});

export const startRedraftAction = safeAction("STUDENT", StartRedraftSchema, async ({ assignmentId }, user) => {
  await startRedraft(user, assignmentId);
  revalidatePath(`/assignments/${assignmentId}`);
});
