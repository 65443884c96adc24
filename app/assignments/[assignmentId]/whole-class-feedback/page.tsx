import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { getWholeClassFeedback } from "@/lib/whole-class-feedback/whole-class";
import { Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { LevelCounts } from "./level-counts";
import { WholeClassEditor } from "./lazy-editor";

export const metadata: Metadata = { title: "Whole-class feedback" };

/** The teacher drafts, edits, publishes and prints feedback to the whole class on one assignment (decision 032). */
export default async function WholeClassFeedbackPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId } = await params;
  const page = await getWholeClassFeedback(user, assignmentId).catch(orNotFound);
  const { assignment, summary } = page;
  const criteria = assignment.rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
  const saved = page.stored ?? { content: page.draft, revision: 0, publishedAt: null, updatedAt: null, editedByName: null };
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/assignments/${assignment.id}`} className="text-indigo-700 underline">
          ← {assignment.classroom.name}: the assignment
        </Link>
      </p>
      <PageHeader
        title="Whole-class feedback"
        description={assignment.question}
        actions={
          <ButtonLink href={`/assignments/${assignment.id}/whole-class-feedback/print`} variant="secondary" prefetch={false}>
            Print view
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <WholeClassEditor assignmentId={assignment.id} teacherId={user.id} criteria={criteria} saved={saved} draft={page.draft} />
        </Card>
        <Card className="space-y-3 self-start">
          <h2 className="text-lg font-semibold">From the marking</h2>
          {summary.essays ? (
            <LevelCounts criteria={summary.criteria} marked={summary.marked} />
          ) : (
            <p className="text-sm text-slate-600">No essay has been marked yet: the draft fills in as you mark.</p>
          )}
          <p className="text-sm text-slate-600">
            The first draft lists the comments given most often on each criterion with a short quote from an essay, names taken out. Read the quotes before publishing: students see what you publish.
          </p>
        </Card>
      </div>
    </div>
  );
}
