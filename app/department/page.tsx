import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { getDepartmentOverview } from "@/lib/tracking/tracking-data";
import { StatusBar } from "@/components/charts/status-bar";
import { StatusLegend } from "@/components/tracking/board-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDue } from "@/components/format";
import { plural } from "@/lib/text/plural";
import { ScrollBox } from "@/components/ui/scroll-box";

export const metadata: Metadata = { title: "All classes" };

/** Every class the teacher teaches on one page, with the board's summaries per assignment. */
export default async function DepartmentPage() {
  const user = await requireUserPage("TEACHER");
  const classes = await getDepartmentOverview(user);
  return (
    <div>
      <PageHeader
        title="All my classes"
        description="Where every class stands on every assignment. Open a class's board to see each student."
        actions={
          <Link href="/department/moderation" className="text-sm text-indigo-800 underline">
            Department moderation
          </Link>
        }
      />
      {classes.length === 0 ? (
        <EmptyState title="No classes yet">
          <Link href="/classes/new" className="text-indigo-800 underline">
            Create a class
          </Link>{" "}
          to see it here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <StatusLegend />
          {classes.map(({ classroom, columns, students, inactive, averagePercent }) => {
            const toMark = columns.reduce((s, c) => s + c.counts.submitted + c.counts.late + c.counts.resubmitted, 0);
            const overdue = columns.reduce((s, c) => s + c.overdue, 0);
            return (
              <Card key={classroom.id}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg font-semibold text-slate-900">
                    <Link href={`/classes/${classroom.id}/board`} className="hover:underline">
                      {classroom.name}
                    </Link>{" "}
                    <span className="text-sm font-normal text-slate-600">{classroom.yearGroup}</span>
                  </h2>
                  <p className="text-sm text-slate-700" data-testid="class-summary">
                    {plural(students, "student")} · {toMark} to mark · {overdue} overdue · {inactive} with no recent activity
                    {averagePercent !== null ? ` · average ${averagePercent}%` : ""}
                  </p>
                </div>
                {columns.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">No assignments yet.</p>
                ) : (
                  <ScrollBox label={`Assignments in ${classroom.name}`} className="mt-3">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">Assignments in {classroom.name}</caption>
                      <thead className="border-b border-slate-200 text-slate-600">
                        <tr>
                          <th scope="col" className="py-2 font-medium">Assignment</th>
                          <th scope="col" className="py-2 font-medium">Due</th>
                          <th scope="col" className="py-2 font-medium">Progress</th>
                          <th scope="col" className="py-2 font-medium">To mark</th>
                          <th scope="col" className="py-2 font-medium">Overdue</th>
                          <th scope="col" className="py-2 font-medium">Average</th>
                        </tr>
                      </thead>
                      <tbody>
                        {columns.map((c) => (
                          <tr key={c.id} className="border-b border-slate-100">
                            <td className="max-w-md py-2 pr-3">
                              <Link href={`/assignments/${c.id}/analytics`} className="line-clamp-2 text-slate-900 hover:underline">
                                {c.questionText}
                              </Link>
                            </td>
                            <td className="py-2 pr-3 whitespace-nowrap text-slate-700">
                              {formatDue(c.dueAt)}
                              {c.status === "CLOSED" ? " · closed" : ""}
                            </td>
                            <td className="py-2 pr-3">
                              <StatusBar counts={c.counts} />
                            </td>
                            <td className="py-2 pr-3">{c.counts.submitted + c.counts.late + c.counts.resubmitted}</td>
                            <td className="py-2 pr-3">{c.overdue}</td>
                            <td className="py-2">{c.averageMark !== null ? `${c.averageMark}/${c.rubric.totalMarks}` : "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollBox>
                )}
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}
