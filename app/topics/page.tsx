import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { listTopics } from "@/lib/notes/topics";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const user = await requireUserPage("TEACHER");
  const topics = await listTopics(user);
  return (
    <div>
      <PageHeader
        title="Topics"
        description="Each topic is imported from study notes: its points become the evidence bank students plan with."
        actions={<ButtonLink href="/topics/import">Import study notes</ButtonLink>}
      />
      {topics.length === 0 ? (
        <EmptyState title="No topics yet">Import your study notes from a Word document, plain text or Markdown.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {topics.map((t) => (
            <li key={t.id}>
              <Link href={`/topics/${t.id}`} className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300">
                <span className="block text-lg font-semibold text-slate-900">{t.title}</span>
                {t.summary ? <span className="mt-1 block text-sm text-slate-600">{t.summary}</span> : null}
                <span className="mt-2 block text-sm text-slate-700">
                  {plural(t._count.points, "point")} · {plural(t._count.faq, "FAQ entry", "FAQ entries")} · {plural(t._count.questions, "question")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
