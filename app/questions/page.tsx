import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { STEM_LABELS } from "@/lib/questions/question-record";
import { getQuestionBank } from "@/lib/questions/questions";
import { AddQuestionForm } from "./add-question-form";

export const metadata: Metadata = { title: "Question bank" };

export default async function QuestionBankPage() {
  const user = await requireUserPage("TEACHER");
  const topics = await getQuestionBank(user);
  return (
    <div>
      <PageHeader title="Question bank" description="Essay questions by topic, each analysed for the planner: its command, the stated factor or claim, the outcome and the period." />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {topics.length === 0 ? (
            <EmptyState title="No topics yet">
              <Link href="/topics/import" className="text-indigo-700 underline">Import study notes</Link> to start a question bank.
            </EmptyState>
          ) : (
            topics.map((t) => (
              <Card key={t.id}>
                <h2 className="text-lg font-semibold">
                  <Link href={`/topics/${t.id}`} className="hover:underline">{t.title}</Link>
                </h2>
                {t.questions.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">No questions yet.</p>
                ) : (
                  <ul className="mt-3 divide-y divide-slate-100">
                    {t.questions.map((q) => (
                      <li key={q.id} className="py-3">
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone="indigo">{STEM_LABELS[q.stem]}</Badge>
                          {q.source === "MANUAL" ? <Badge>Added by hand</Badge> : null}
                          {q.analysisEdited ? <Badge tone="green">Analysis checked</Badge> : null}
                        </div>
                        <Link href={`/questions/${q.id}`} className="mt-1 block font-medium text-slate-900 hover:underline">{q.text}</Link>
                        <p className="mt-1 text-sm text-slate-600">
                          {q.statedFactor ? <>Stated factor: <strong className="font-medium text-slate-800">{q.statedFactor}</strong></> : null}
                          {q.claim ? <>Claim: <strong className="font-medium text-slate-800">{q.claim}</strong></> : null}
                          {q.outcome ? <> · Outcome: {q.outcome}</> : null}
                          {q.periodLabel ? <> · {q.periodLabel}</> : null}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            ))
          )}
        </div>
        {topics.length ? (
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Add a question</h2>
            <AddQuestionForm topics={topics.map((t) => ({ value: t.id, label: t.title }))} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
