import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { STEM_LABELS } from "@/lib/questions/question-record";
import { getQuestionBank } from "@/lib/questions/questions";
import { AddQuestionForm } from "./add-question-form";

type Analysed = { statedFactor: string | null; claim: string | null; outcome: string | null; periodLabel: string | null };

/** The analysis as labelled fields, each on its own line so no two run together. */
function AnalysisFields({ question: q }: { question: Analysed }) {
  const fields = [
    { label: "Stated factor", value: q.statedFactor },
    { label: "Claim", value: q.claim },
    { label: "Outcome", value: q.outcome },
    { label: "Period", value: q.periodLabel },
  ].filter((f): f is { label: string; value: string } => !!f.value);
  if (!fields.length) return null;
  return (
    <dl data-testid="question-analysis" className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2 text-sm text-slate-600">
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt>{f.label}:</dt>{" "}
          <dd className="font-medium text-slate-800">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

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
                        <AnalysisFields question={q} />
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
