"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { FeedbackBeforeMarksSchema } from "@/lib/assignments/schemas";
import { setFeedbackBeforeMarks } from "@/lib/marking/feedback-release";
import { publishWholeClassFeedback, saveWholeClassFeedback } from "@/lib/whole-class-feedback/whole-class";
import { PublishWholeClassSchema, SaveWholeClassSchema } from "@/lib/whole-class-feedback/schemas";

// Feedback before marks (decision 031) and whole-class feedback (decision 032): teacher actions.
// Who may do each is decided in lib/ through lib/auth/policy.

export const setFeedbackBeforeMarksAction = safeAction("TEACHER", FeedbackBeforeMarksSchema, async (input, user) => {
  await setFeedbackBeforeMarks(user, input.assignmentId, input.feedbackBeforeMarks);
  revalidatePath(`/assignments/${input.assignmentId}`);
});

export const saveWholeClassFeedbackAction = safeAction("TEACHER", SaveWholeClassSchema, async (input, user) => saveWholeClassFeedback(user, input));

export const publishWholeClassFeedbackAction = safeAction("TEACHER", PublishWholeClassSchema, async (input, user) => {
  const result = await publishWholeClassFeedback(user, input);
  revalidatePath(`/assignments/${input.assignmentId}`);
  return result;
});
