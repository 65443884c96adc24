import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { getDeepLinkRequest } from "@/lib/lti/deep-linking";
import { getQuestionBank } from "@/lib/questions/questions";
import { listRubrics } from "@/lib/rubrics/rubric-catalogue";
import { defaultDueAt } from "@/lib/assignments/status";
import { orNotFound } from "../../../page-helpers";
import { ChooseForm } from "./choose-form";

export const metadata: Metadata = { title: "Add an essay to your course" };

/** Deep Linking (decision 036): a teacher in the LMS picks what Extent adds to the course. */
export default async function DeepLinkPage({ params }: { params: Promise<{ requestId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { requestId } = await params;
  const request = await getDeepLinkRequest(user, requestId).catch(orNotFound);
  if (!request.open) {
    return (
      <EmptyState title="This choice has expired or was already sent">
        Add Extent to the course again from your LMS.
      </EmptyState>
    );
  }
  const bank = await getQuestionBank(user);
  const questions = bank.flatMap((t) => t.questions.map((q) => ({ value: q.id, label: `${t.title}: ${q.text}` })));
  const { rubrics } = listRubrics();
  return (
    <div className="max-w-3xl">
      <PageHeader title="Add an essay to your course" description={`Extent sets it for ${request.classroom.name}, and your LMS gets a gradebook column for its marks.`} />
      {questions.length === 0 ? (
        <EmptyState title="Your question bank is empty">
          <Link href="/topics/import" className="text-indigo-700 underline">
            Import study notes
          </Link>{" "}
          or add a question first, then come back to this page.
        </EmptyState>
      ) : (
        <Card>
          <ChooseForm
            requestId={request.id}
            questions={questions}
            defaultDue={defaultDueAt().toISOString()}
            rubrics={rubrics.map((r) => ({ value: r.id, label: `${r.title} (${r.totalMarks} marks)` }))}
          />
        </Card>
      )}
    </div>
  );
}
