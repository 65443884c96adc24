import type { Metadata } from "next";
import { orNotFound } from "@/app/page-helpers";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { getAssignmentAnalytics } from "@/lib/tracking/tracking-data";
import { FunnelChart } from "@/components/charts/funnel-chart";
import { Histogram } from "@/components/charts/histogram";
import { LevelHeatmap } from "@/components/charts/level-heatmap";
import { Card, PageHeader } from "@/components/ui/card";
import { DownloadLink } from "@/components/ui/button";
import { formatDue } from "@/components/format";
import { HeatmapPages } from "./heatmap-pages";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Assignment analytics" };

// Any page number that is not a whole number ≥ 1 is the first page, not an error.
function pageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

export default async function AnalyticsPage({ params, searchParams }: { params: Promise<{ assignmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId } = await params;
  const a = await getAssignmentAnalytics(user, assignmentId, new Date(), pageOf((await searchParams).page)).catch(orNotFound);
  const total = a.students;
  const rubric = a.assignment.rubric;
  return (
    <div>
      <p className="mb-2 flex flex-wrap gap-4 text-sm">
        <Link href={`/assignments/${assignmentId}`} className="text-indigo-700 underline">
          ← Assignment
        </Link>
        <Link href={`/classes/${a.classroom.id}/board?assignment=${assignmentId}`} className="text-indigo-700 underline">
          {a.classroom.name} board
        </Link>
      </p>
      <PageHeader
        title="Analytics"
        description={`${a.classroom.name} · ${a.assignment.questionText} · due ${formatDue(a.assignment.dueAt)} · ${rubric.title}`}
        actions={
          <DownloadLink href={`/assignments/${assignmentId}/marks.csv`} variant="secondary">
            Download marks (CSV)
          </DownloadLink>
        }
      />
      {a.assignment.namesHidden ? (
        <p className="mb-4 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="blind-note">
          Marked blind: students are shown by candidate number until a teacher reveals the names on the assignment&apos;s page.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Progress</h2>
          <p className="mb-3 text-sm text-slate-600">{plural(total, "student")} in the class.</p>
          <FunnelChart steps={a.funnel} total={total} id="funnel" />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Total marks</h2>
          <p className="mb-3 text-sm text-slate-600">
            {a.marked ? `${a.marked} marked · average ${a.averageMark} out of ${rubric.totalMarks}.` : "Nothing marked yet."}
          </p>
          <Histogram buckets={a.distribution} totalMarks={rubric.totalMarks} id="histogram" />
        </Card>
      </div>
      <Card className="mt-6">
        <h2 id="levels" className="text-lg font-semibold text-slate-900">
          Levels by criterion
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Each row is a marked student; darker means a higher level. The bottom row is the class average{a.heatmapPage.pages > 1 ? ` of all ${a.marked} marked students` : ""}, out of each criterion&apos;s top level.
        </p>
        <LevelHeatmap heatmap={a.heatmap} id="heatmap" marked={a.marked} />
        <HeatmapPages assignmentId={assignmentId} {...a.heatmapPage} shown={a.heatmap.rows.length} marked={a.marked} />
      </Card>
    </div>
  );
}
