import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { getModerationOverview, type ModerationOverview } from "@/lib/moderation/moderation";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatDateTime } from "@/components/format";
import { ChooseSampleForm } from "./choose-sample-form";
import { ScrollBox } from "@/components/ui/scroll-box";

export const metadata: Metadata = { title: "Moderation" };

type Sample = NonNullable<ModerationOverview["sample"]>;

function describeSample(s: Sample): string {
  if (s.method === "RANDOM") return `A random ${s.percent}% of ${s.candidates} marked essays (seed ${s.seed})`;
  if (s.method === "SPREAD") return `${s.perGroup} each from the top, middle and bottom of ${s.candidates} marked essays by first mark`;
  return `All ${s.candidates} marked essays`;
}

const tone = { "awaiting second marking": "amber", "second-marked": "indigo", agreed: "green" } as const;

/** The assignment's moderation: choose a sample, then second-mark each essay in it blind. No first mark is shown here. */
export default async function ModerationPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId } = await params;
  const o = await getModerationOverview(user, assignmentId).catch(orNotFound);
  return (
    <div>
      <p className="mb-2 flex flex-wrap gap-4 text-sm">
        {o.as === "teacher" ? (
          <Link href={`/assignments/${assignmentId}`} className="text-indigo-700 underline">
            ← Assignment
          </Link>
        ) : (
          <Link href="/department/moderation" className="text-indigo-700 underline">
            ← Department moderation
          </Link>
        )}
      </p>
      <PageHeader
        title="Moderation"
        description={`${o.assignment.classroom.name} · ${o.assignment.question} · ${o.assignment.rubricTitle}`}
        actions={o.sample ? <ButtonLink href={`/assignments/${assignmentId}/moderation/report`} variant="secondary">Moderation report</ButtonLink> : null}
      />
      {o.sample ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Sample</h2>
          <p className="mt-1 text-sm text-slate-700" data-testid="sample-description">
            {describeSample(o.sample)} · chosen {o.sample.chosenBy ? `by ${o.sample.chosenBy} ` : ""}on {formatDateTime(o.sample.chosenAt)}
          </p>
          <p className="mt-1 text-sm text-slate-600">Second marking is blind: the first marks, comments and summary appear only once an essay is second-marked.</p>
          <ScrollBox label="Essays in the sample" className="mt-3">
            <table className="w-full text-left text-sm" data-testid="sample-items">
              <caption className="sr-only">Essays in the sample and where each stands</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Student</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Stage</th>
                  <th scope="col" className="py-2 font-medium">Second marker</th>
                </tr>
              </thead>
              <tbody>
                {o.sample.items.map((item) => (
                  <tr key={item.studentId} className="border-b border-slate-100">
                    <td className="py-2 pr-3">
                      <Link href={`/assignments/${assignmentId}/moderation/students/${item.studentId}`} className="text-indigo-800 underline">
                        {item.studentName}
                      </Link>
                      {item.version > 1 ? <span className="text-slate-600"> (version {item.version})</span> : null}
                    </td>
                    <td className="py-2 pr-3">
                      <Badge tone={tone[item.stage]}>{item.stage}</Badge>
                      {item.stage === "awaiting second marking" && item.markedFirstByYou ? <span className="ml-2 text-slate-600">you marked it first</span> : null}
                    </td>
                    <td className="py-2">{item.secondMarkerName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </Card>
      ) : o.candidates === 0 ? (
        <EmptyState title="Nothing to moderate yet">A sample is drawn from essays whose first marking is complete (every criterion has a level).</EmptyState>
      ) : (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Choose a sample</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            {o.candidates} {o.candidates === 1 ? "essay has" : "essays have"} a complete first marking. The sample is chosen once; each essay in it is then second-marked without seeing the first marks.
          </p>
          <ChooseSampleForm assignmentId={assignmentId} candidates={o.candidates} />
        </Card>
      )}
    </div>
  );
}
