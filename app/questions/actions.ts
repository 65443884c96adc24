"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
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

export const deleteQuestionAction = safeAction("TEACHER", z.object({ questionId: z.string().min(1) }), async ({ questionId }, user) => {
  await deleteQuestion(user, questionId);
  redirect("/questions");
});
