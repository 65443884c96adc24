"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { idText } from "@/lib/validation/text";
import { addQuestion, deleteQuestion, updateQuestionAnalysis } from "@/lib/questions/questions";
import { NewQuestionSchema, QuestionAnalysisSchema } from "@/lib/questions/schemas";

export const addQuestionAction = safeAction("TEACHER", NewQuestionSchema, async (input, user) => {
  const q = await addQuestion(user, input);
  redirect(`/questions/${q.id}?added=1`);
});

export const updateQuestionAction = safeAction("TEACHER", QuestionAnalysisSchema, async (input, user) => {
  await updateQuestionAnalysis(user, input);
  revalidatePath("/questions");
  return undefined;
});

export const deleteQuestionAction = safeAction("TEACHER", z.object({ questionId: idText() }), async ({ questionId }, user) => {
  await deleteQuestion(user, questionId);
  redirect("/questions");
});
