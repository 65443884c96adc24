import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { getModerationItem, type ModerationItemView } from "@/lib/moderation/item";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/format";
import { LevelsForm } from "../../levels-form";
import { plural } from "@/lib/text/plural";
import { ScrollBox } from "@/components/ui/scroll-box";

export const metadata: Metadata = { title: "Second marking" };

type Compare = Extract<ModerationItemView, { stage: "compare" }>;

function difference(d: number | null): string {
  if (d === null) return "—";
  if (d === 0) return "same level";
  return `${d > 0 ? "+" : "−"}${Math.abs(d)} level${Math.abs(d) === 1 ? "" : "s"}`;
}

function Comparison({ view }: { view: Compare }) {
  const levelOf = (awards: { criterionId: string; level: number }[], id: string) => awards.find((a) => a.criterionId === id)?.level;
  return (
    <ScrollBox label="First and second marks compared">
      <table className="w-full text-left text-sm" data-testid="comparison">
        <caption className="mb-2 text-left text-sm text-slate-600">
          Levels per criterion: first marking by {view.first.markerName}, second by {view.second.markerName}
          {view.agreed ? ", and the agreed mark" : ""}. The difference is the second level minus the first.
        </caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Criterion</th>
            <th scope="col" className="py-2 pr-3 font-medium">First</th>
            <th scope="col" className="py-2 pr-3 font-medium">Second</th>
            <th scope="col" className="py-2 pr-3 font-medium">Difference</th>
            {view.agreed ? <th scope="col" className="py-2 font-medium">Agreed</th> : null}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.criterionId} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{r.name}</th>
              <td className="py-2 pr-3">{r.first === null ? "—" : `Level ${r.first}`}</td>
              <td className="py-2 pr-3">{r.second === null ? "—" : `Level ${r.second}`}</td>
              <td className={`py-2 pr-3 ${r.difference ? "font-medium text-amber-900" : "text-slate-700"}`}>{difference(r.difference)}</td>
              {view.agreed ? <td className="py-2">Level {levelOf(view.agreed.awards, r.criterionId) ?? "—"}</td> : null}
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-2 pr-3 font-medium text-slate-900">Total</th>
            <td className="py-2 pr-3">{view.first.total ?? "—"}</td>
            <td className="py-2 pr-3">{view.second.total ?? "—"}</td>
            <td className="py-2 pr-3">{view.first.total !== null && view.second.total !== null ? `${view.second.total - view.first.total >= 0 ? "+" : "−"}${Math.abs(view.second.total - view.first.total)} marks` : "—"}</td>
            {view.agreed ? <td className="py-2">{view.agreed.total ?? "—"}</td> : null}
          </tr>
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** One sampled essay: the blind second-marking desk, then the two markings side by side and the agreed mark. */
export default async function ModerationItemPage({ params }: { params: Promise<{ assignmentId: string; studentId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId, studentId } = await params;
  const view = await getModerationItem(user, assignmentId, studentId).catch(orNotFound);
  const rubric = { shape: view.rubric.shape, zeroDescriptor: view.rubric.zeroDescriptor, criteria: view.rubric.criteria };
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/assignments/${assignmentId}/moderation`} className="text-indigo-700 underline">
          ← Moderation
        </Link>
      </p>
      <PageHeader title={`${view.stage === "blind" ? "Second marking" : "Moderation"}: ${view.student.name}`} description={view.assignment.question} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Card className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">
            Essay{view.essay.number > 1 ? ` (version ${view.essay.number})` : ""} · {plural(view.essay.wordCount, "word")}
          </h2>
          <div className="mt-3 space-y-3 leading-relaxed break-words whitespace-pre-wrap text-slate-900" data-testid="moderation-essay">
            {view.essay.text}
          </div>
        </Card>
        <div className="min-w-0 space-y-6">
          {view.stage === "blind" ? (
            <Card>
              <h2 className="text-lg font-semibold text-slate-900">Your marks</h2>
              {view.markedFirstByYou ? (
                <p className="mt-2 text-sm text-slate-700" data-testid="first-marker-note">
                  You marked this essay first, so another teacher or the head of department second-marks it. The comparison appears here once they have.
                </p>
              ) : (
                <>
                  <p className="mt-1 mb-4 text-sm text-slate-600">Mark it as you would any essay. The first marks stay hidden until you submit; a submitted second marking cannot be changed.</p>
                  <LevelsForm mode="second" assignmentId={assignmentId} studentId={studentId} rubric={rubric} />
                </>
              )}
            </Card>
          ) : (
            <>
              <Card>
                <h2 className="text-lg font-semibold text-slate-900">First and second marking</h2>
                <div className="mt-3">
                  <Comparison view={view} />
                </div>
              </Card>
              <Card>
                <h2 className="text-lg font-semibold text-slate-900">Agreed mark</h2>
                {view.agreed ? (
                  <div className="mt-2 text-sm text-slate-800" data-testid="agreed">
                    <p>
                      {view.agreed.total} marks, agreed {view.agreed.by ? `by ${view.agreed.by} ` : ""}on {formatDateTime(view.agreed.at)}.{" "}
                      {view.returned ? "It is the mark the student has been returned." : "It is the mark the student will be returned."}
                    </p>
                    <p className="mt-2">
                      <span className="font-medium">Reason:</span> {view.agreed.reason}
                    </p>
                    <p className="mt-2 text-slate-600">The first marking ({view.first.total} marks) is kept in the moderation record.</p>
                  </div>
                ) : (
                  <>
                    <p className="mt-1 mb-4 text-sm text-slate-600">
                      The agreed levels replace the first marking&apos;s as the student&apos;s mark{view.returned ? " (already returned: the student sees the new mark)" : ""}; the first marking is kept in the record.
                    </p>
                    <LevelsForm
                      mode="agree"
                      assignmentId={assignmentId}
                      studentId={studentId}
                      rubric={rubric}
                      initial={Object.fromEntries(view.rows.filter((r) => r.difference === 0 && r.first !== null).map((r) => [r.criterionId, r.first!]))}
                    />
                  </>
                )}
              </Card>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
