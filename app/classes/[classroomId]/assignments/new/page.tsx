import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { getClassroomForTeacher } from "@/lib/classes/classrooms";
import { isAppError } from "@/lib/errors";
import { getQuestionBank } from "@/lib/questions/questions";
import { listRubrics } from "@/lib/rubrics/rubric-catalogue";
import { defaultDueAt } from "@/lib/assignments/status";
import { SetAssignmentForm } from "./set-assignment-form";

export const metadata: Metadata = { title: "Set an assignment" };

export default async function NewAssignmentPage({ params }: { params: Promise<{ classroomId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { classroomId } = await params;
  const classroom = await getClassroomForTeacher(user, classroomId).catch((e) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const bank = await getQuestionBank(user);
  const { rubrics, errors } = listRubrics();
  const questions = bank.flatMap((t) => t.questions.map((q) => ({ value: q.id, label: `${t.title}: ${q.text}` })));

  return (
    <div className="max-w-3xl">
      <PageHeader title="Set an assignment" description={`For ${classroom.name}. Students see it on their dashboard straight away.`} />
      {errors.length ? (
        <div role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">Some mark scheme files could not be loaded and are not offered:</p>
          <ul className="mt-1 list-disc pl-5">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      ) : null}
      {questions.length === 0 ? (
        <EmptyState title="Your question bank is empty">
          <Link href="/topics/import" className="text-indigo-700 underline">Import study notes</Link> or add a question to the bank first.
        </EmptyState>
      ) : (
        <Card>
          <SetAssignmentForm
            classroomId={classroom.id}
            questions={questions}
            defaultDue={defaultDueAt().toISOString()}
            rubrics={rubrics.map((r) => ({ value: r.id, label: `${r.title} (${r.totalMarks} marks)` }))}
          />
        </Card>
      )}
    </div>
  );
}
