import { db } from "../db";
import { isForeignKeyViolation } from "../db-errors";
import { AppError } from "../errors";
import { assertTeacher, requireQuestionOwner, requireTopicOwner } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { analyseQuestion } from "./analyse-question";
import { analysisColumnsSelect, analysisToColumns } from "./question-record";
import { NewQuestionSchema, QuestionAnalysisSchema, type QuestionAnalysisInput } from "./schemas";

const questionSelect = {
  id: true,
  text: true,
  modelAnswer: true,
  source: true,
  ...analysisColumnsSelect,
  analysisEdited: true,
  topicId: true,
} as const;

/** The question bank: the teacher's topics, each with its questions. */
export async function getQuestionBank(user: SessionUser) {
  assertTeacher(user);
  return db().topic.findMany({
    where: { ownerId: user.id },
    orderBy: { title: "asc" },
    select: { id: true, title: true, questions: { orderBy: { createdAt: "asc" }, select: questionSelect } },
  });
}

export async function addQuestion(user: SessionUser, raw: { topicId: string; text: string }) {
  const input = NewQuestionSchema.parse(raw);
  await requireTopicOwner(user, input.topicId);
  return db().question.create({
    data: {
      topicId: input.topicId,
      createdById: user.id,
      text: input.text,
      source: "MANUAL",
      ...analysisToColumns(analyseQuestion(input.text)),
    },
    select: { id: true },
  });
}

export async function getQuestion(user: SessionUser, questionId: string) {
  await requireQuestionOwner(user, questionId);
  return db().question.findUniqueOrThrow({
    where: { id: questionId },
    select: { ...questionSelect, topic: { select: { title: true } } },
  });
}

export async function updateQuestionAnalysis(user: SessionUser, raw: QuestionAnalysisInput) {
  const input = QuestionAnalysisSchema.parse(raw);
  await requireQuestionOwner(user, input.questionId);
  const { questionId, ...data } = input;
  await db().question.update({ where: { id: questionId }, data: { ...data, analysisEdited: true } });
}

/**
 * A question set as an assignment is kept (students' plans and essays answer it: the
 * foreign key is ON DELETE RESTRICT), so deleting one says which classes it is set in.
 * The check gives the message; the key settles a question set in the moment between.
 */
export async function deleteQuestion(user: SessionUser, questionId: string) {
  await requireQuestionOwner(user, questionId);
  await refuseIfSet(questionId);
  try {
    await db().question.delete({ where: { id: questionId } });
  } catch (e) {
    if (!isForeignKeyViolation(e, "Assignment_questionId_fkey")) throw e;
    await refuseIfSet(questionId);
    throw e;
  }
}

async function refuseIfSet(questionId: string) {
  const classes = await db().classroom.findMany({
    where: { assignments: { some: { questionId } } },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  if (classes.length) throw new AppError(`This question is set in ${listNames(classes.map((c) => c.name))}, so it can't be deleted.`, 409);
}

/** "12H History"; "12H History and 13B History"; "12H History, 13B History and 13C History". */
function listNames(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
