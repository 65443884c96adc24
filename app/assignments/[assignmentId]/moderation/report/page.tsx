import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { getAssignmentModerationReport } from "@/lib/moderation/report";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CriterionAgreementTable, MarkerAgreementTable } from "@/components/moderation-tables";
import { ScrollBox } from "@/components/ui/scroll-box";

export const metadata: Metadata = { title: "Moderation report" };

/** One assignment's moderation: agreement per criterion, each marker against the agreed marks, and each sampled essay. */
export default async function ModerationReportPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId } = await params;
  const r = await getAssignmentModerationReport(user, assignmentId).catch(orNotFound);
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/assignments/${assignmentId}/moderation`} className="text-indigo-700 underline">
          ← Moderation
        </Link>
      </p>
      <PageHeader title="Moderation report" description={`${r.assignment.classroom} · ${r.assignment.question} · ${r.assignment.rubricTitle}`} />
      {!r.sample ? (
        <EmptyState title="No sample yet">
          <Link href={`/assignments/${assignmentId}/moderation`} className="text-indigo-800 underline">
            Choose a sample
          </Link>{" "}
          to moderate this assignment.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Agreement</h2>
            <p className="mt-1 mb-3 text-sm text-slate-700" data-testid="report-progress">
              {r.report.sampled} sampled · {r.report.secondMarked} second-marked · {r.report.agreed} agreed
            </p>
            <CriterionAgreementTable report={r.report} caption="First against second marking, over the second-marked essays." />
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Markers</h2>
            <div className="mt-3">
              <MarkerAgreementTable report={r.report} />
            </div>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Essays</h2>
            <ScrollBox label="Essays" className="mt-3">
              <table className="w-full text-left text-sm" data-testid="report-essays">
                <caption className="mb-2 text-left text-sm text-slate-600">Totals out of {r.assignment.totalMarks}. An essay awaiting its second marking shows no marks.</caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">Student</th>
                    <th scope="col" className="py-2 pr-3 font-medium">First</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Second</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Agreed</th>
                    <th scope="col" className="py-2 font-medium">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {r.essays.map((e) => (
                    <tr key={e.studentId} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                        <Link href={`/assignments/${assignmentId}/moderation/students/${e.studentId}`} className="text-indigo-800 underline">
                          {e.studentName}
                        </Link>
                      </th>
                      {e.first ? (
                        <>
                          <td className="py-2 pr-3">{e.first.total ?? "—"} <span className="text-slate-600">({e.first.marker})</span></td>
                          <td className="py-2 pr-3">{e.second?.total ?? "—"} <span className="text-slate-600">({e.second?.marker})</span></td>
                          <td className="py-2 pr-3">{e.agreed ? e.agreed.total : <Badge tone="indigo">to agree</Badge>}</td>
                          <td className="py-2">{e.agreed?.reason ?? ""}</td>
                        </>
                      ) : (
                        <td colSpan={4} className="py-2">
                          <Badge tone="amber">awaiting second marking</Badge>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </Card>
        </div>
      )}
    </div>
  );
}
