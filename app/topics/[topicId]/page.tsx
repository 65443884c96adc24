import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { getTopic, type TopicTreeSection } from "@/lib/notes/topics";
import { STEM_LABELS } from "@/lib/questions/question-record";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Topic" };

export default async function TopicPage({ params, searchParams }: { params: Promise<{ topicId: string }>; searchParams: Promise<{ imported?: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { topicId } = await params;
  const { imported } = await searchParams;
  const topic = await getTopic(user, topicId).catch((e) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });

  return (
    <div>
      <PageHeader title={topic.title} description={topic.summary ?? undefined} />
      {imported ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Imported {plural(topic.pointCount, "point")}, {plural(topic.faq.length, "FAQ entry", "FAQ entries")} and {plural(topic.questions.length, "practice question")}.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <h2 className="text-lg font-semibold">Evidence bank</h2>
          <p className="text-sm text-slate-600">{plural(topic.pointCount, "point")} students can draw on when planning.</p>
          <div className="mt-4 space-y-6">
            {topic.sections.map((s) => (
              <SectionView key={s.id} section={s} />
            ))}
          </div>
        </Card>
        <div className="space-y-6">
          <Card>
            <h2 className="text-lg font-semibold">Practice questions</h2>
            <ul className="mt-3 space-y-3" data-testid="topic-questions">
              {topic.questions.map((q) => (
                <li key={q.id} className="text-sm">
                  <Badge tone="indigo">{STEM_LABELS[q.stem]}</Badge>
                  <Link href={`/questions/${q.id}`} className="mt-1 block text-slate-900 underline decoration-slate-300 hover:decoration-indigo-600">
                    {q.text}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          {topic.faq.length ? (
            <Card>
              <h2 className="text-lg font-semibold">FAQ</h2>
              <div className="mt-3 space-y-2">
                {topic.faq.map((f, i) => (
                  <details key={f.id} className="rounded border border-slate-200 p-2 text-sm">
                    <summary className="cursor-pointer font-medium">{f.question ?? `${f.answer.split(/(?<=\.)\s/)[0]}`}</summary>
                    <p className="mt-2 text-slate-700">{f.answer}</p>
                    <span className="sr-only">FAQ {i + 1}</span>
                  </details>
                ))}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function SectionView({ section }: { section: TopicTreeSection }) {
  const Heading = section.level <= 1 ? "h3" : "h4";
  return (
    <section>
      <Heading className={section.level <= 1 ? "text-base font-semibold text-slate-900" : "text-sm font-semibold text-slate-800"}>{section.heading}</Heading>
      {section.intro ? <p className="mt-1 text-sm italic text-slate-600">{section.intro}</p> : null}
      {section.points.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {section.points.map((p) => (
            <li key={p.id}>
              {p.text}
              {p.subpoints.length ? (
                <ul className="list-[circle] pl-5">
                  {p.subpoints.map((sp, i) => (
                    <li key={i}>{sp}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {section.children.length ? (
        <div className="mt-3 space-y-4 border-l-2 border-slate-100 pl-4">
          {section.children.map((c) => (
            <SectionView key={c.id} section={c} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
