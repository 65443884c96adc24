"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { agreeMark, saveSecondMarking } from "@/lib/moderation/item";
import { chooseSample } from "@/lib/moderation/moderation";
import { AgreeMarkSchema, ChooseSampleSchema, SecondMarkingSchema } from "@/lib/moderation/schemas";

// Moderation (decision 030). Each action authorizes in lib/moderation (requireModerationAccess).

export const chooseSampleAction = safeAction("TEACHER", ChooseSampleSchema, async (input, user) => {
  const result = await chooseSample(user, input);
  revalidatePath(`/assignments/${input.assignmentId}/moderation`);
  return result;
});

export const saveSecondMarkingAction = safeAction("TEACHER", SecondMarkingSchema, async (input, user) => {
  await saveSecondMarking(user, input);
  revalidatePath(`/assignments/${input.assignmentId}/moderation`, "layout");
});

export const agreeMarkAction = safeAction("TEACHER", AgreeMarkSchema, async (input, user) => {
  await agreeMark(user, input);
  revalidatePath(`/assignments/${input.assignmentId}/moderation`, "layout");
});
