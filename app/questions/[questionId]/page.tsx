import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { getQuestion } from "@/lib/questions/questions";
import { DeleteQuestionButton } from "./delete-question-button";
import { EditAnalysisForm } from "./edit-analysis-form";

export const metadata: Metadata = { title: "Question" };

export default async function QuestionPage({ params, searchParams }: { params: Promise<{ questionId: string }>; searchParams: Promise<{ added?: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { questionId } = await params;
  const { added } = await searchParams;
  const question = await getQuestion(user, questionId).catch((e) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title="Question analysis" description={`Topic: ${question.topic.title}`} actions={<DeleteQuestionButton questionId={question.id} />} />
      {added ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Question added. Check the analysis below and correct anything the planner should treat differently.
        </p>
      ) : null}
      <Card>
        <EditAnalysisForm question={question} />
      </Card>
      {question.modelAnswer ? (
        <Card className="mt-6">
          <h2 className="text-lg font-semibold">Model answer</h2>
          <p className="mt-2 whitespace-pre-line font-serif leading-relaxed text-slate-800">{question.modelAnswer}</p>
        </Card>
      ) : null}
    </div>
  );
}
