import type { Metadata } from "next";
import { orNotFound } from "@/app/page-helpers";
import Link from "next/link";
import { z } from "zod";
import { requireUserPage } from "@/lib/auth/current-user";
import { CELL_STATUS_LABELS, CELL_STATUS_ORDER } from "@/lib/tracking/cell-status";
import { BOARD_SORTS, type BoardStatusFilter } from "@/lib/tracking/board";
import { getBoardPage } from "@/lib/tracking/tracking-data";
import { BoardPagination } from "./pagination";
import { BoardTable, StatusLegend } from "@/components/tracking/board-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { truncate } from "@/components/format";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Class board" };

const EXTRA_FILTERS = { "to-mark": "Needs marking", overdue: "Overdue", inactive: "No recent activity" } as const;

// Filters live in the URL so a filtered board can be bookmarked and shared; anything
// unrecognised is ignored rather than refused.
const FilterSchema = z.object({
  status: z.enum([...CELL_STATUS_ORDER, "to-mark", "overdue", "inactive"]).optional().catch(undefined),
  student: z.string().max(100).optional().catch(undefined),
  assignment: z.string().max(40).optional().catch(undefined),
  sort: z.enum(["name", "activity", "mark"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export default async function BoardPage({ params, searchParams }: { params: Promise<{ classroomId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage("TEACHER");
  const { classroomId } = await params;
  const filter = FilterSchema.parse(await searchParams);
  const now = new Date();
  const status = filter.status as BoardStatusFilter | undefined;
  const result = await getBoardPage(user, classroomId, { status, student: filter.student, assignmentId: filter.assignment, sort: filter.sort }, filter.page ?? 1, now).catch(orNotFound);
  const { classroom, board: shown, columns, students } = result;
  const base = `/classes/${classroomId}/board`;
  const quick = (status: string, label: string) => (
    <Link
      key={status}
      href={`${base}?status=${status}`}
      aria-current={filter.status === status ? "true" : undefined}
      className={`rounded-full border px-3 py-1 text-sm ${filter.status === status ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
  const control = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

  return (
    <div className="relative left-1/2 w-[min(100rem,calc(100vw-2rem))] -translate-x-1/2">
      <p className="mb-2 text-sm">
        <Link href={`/classes/${classroomId}`} className="text-indigo-700 underline">
          ← {classroom.name}
        </Link>
      </p>
      <PageHeader
        title={`${classroom.name}: class board`}
        description={`${plural(students, "student")} · ${plural(columns.length, "assignment")}. Each cell opens that student's plan and draft, marking or feedback.`}
        actions={
          <>
            <DownloadLink href={`/classes/${classroomId}/marks.csv`} variant="secondary">
              Download marks (CSV)
            </DownloadLink>
            <ButtonLink href="/department" variant="secondary">
              All my classes
            </ButtonLink>
          </>
        }
      />
      {columns.length === 0 || students === 0 ? (
        <EmptyState title={students === 0 ? "No students in this class yet" : "No assignments yet"}>The board fills in as students join and work on assignments.</EmptyState>
      ) : (
        <>
          <nav aria-label="Quick filters" className="mb-3 flex flex-wrap items-center gap-2">
            {quick("late", "Submitted late")}
            {Object.entries(EXTRA_FILTERS).map(([k, v]) => quick(k, v))}
            {filter.status || filter.student || filter.assignment || filter.sort ? (
              <Link href={base} className="text-sm text-indigo-800 underline">
                Clear filters
              </Link>
            ) : null}
          </nav>
          <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filter and sort the board">
            <label className="text-sm font-medium text-slate-800">
              Status
              <select name="status" defaultValue={filter.status ?? ""} className={control}>
                <option value="">Any</option>
                {CELL_STATUS_ORDER.map((s) => (
                  <option key={s} value={s}>
                    {CELL_STATUS_LABELS[s]}
                  </option>
                ))}
                {Object.entries(EXTRA_FILTERS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-medium text-slate-800">
              Assignment
              <select name="assignment" defaultValue={filter.assignment ?? ""} className={`${control} max-w-72`}>
                <option value="">All</option>
                {columns.map((c) => (
                  <option key={c.id} value={c.id}>
                    A{c.number}. {truncate(c.questionText, 60)}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-medium text-slate-800">
              Student
              <input type="search" name="student" defaultValue={result.candidateView ? "" : (filter.student ?? "")} placeholder="Name or email" className={control} disabled={result.candidateView} aria-describedby={result.candidateView ? "blind-note" : undefined} />
            </label>
            <label className="text-sm font-medium text-slate-800">
              Sort
              <select name="sort" defaultValue={filter.sort ?? "name"} className={control}>
                {Object.entries(BOARD_SORTS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
              Apply
            </button>
          </form>
          <div className="mb-3">
            <StatusLegend />
          </div>
          {result.candidateView ? (
            <p id="blind-note" className="mb-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="blind-note">
              Marked blind: students are shown by candidate number, in number order, until a teacher reveals the names on the assignment&apos;s page. Searching by name and sorting are off.
            </p>
          ) : columns.some((c) => c.namesHidden) ? (
            <p className="mb-2 text-sm text-slate-700">Cells marked “Blind” belong to assignments marked blind: choose that assignment above to see its work by candidate number.</p>
          ) : null}
          <p role="status" className="mb-2 text-sm text-slate-700" data-testid="board-count">
            {result.pages > 1 ? `Students ${(result.page - 1) * 50 + 1}–${(result.page - 1) * 50 + shown.rows.length} of ${result.matched}` : `Showing ${result.matched} of ${plural(students, "student")}`}
            {filter.status ? ` with ${(CELL_STATUS_LABELS as Record<string, string>)[filter.status] ?? EXTRA_FILTERS[filter.status as keyof typeof EXTRA_FILTERS]} work` : ""}
            {result.pages > 1 && result.matched < students ? ` (${students} in the class)` : ""}.
          </p>
          {shown.rows.length ? (
            <>
              <BoardTable board={shown} status={status} now={now} className={classroom.name} />
              <BoardPagination base={base} filter={filter} page={result.page} pages={result.pages} />
            </>
          ) : (
            <EmptyState title="No students match these filters" />
          )}
        </>
      )}
    </div>
  );
}
