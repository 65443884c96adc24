import Link from "next/link";
import { CELL_STATUS_LABELS } from "@/lib/tracking/cell-status";
import { cellMatches, type Board, type BoardStatusFilter } from "@/lib/tracking/board";
import { formatDue, formatDateTime } from "@/components/format";
import { StatusBar } from "@/components/charts/status-bar";
import { STATUS_STYLE } from "./status-style";
import { plural } from "@/lib/text/plural";
import { ScrollBox } from "@/components/ui/scroll-box";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Students down, assignments across: each cell a link to that student's plan and draft,
 * marking desk or returned feedback. With a status filter, matching cells stay bold and
 * the rest fade, so the pattern across the class still shows.
 */
export function BoardTable({ board, status, now, className }: { board: Board; status?: BoardStatusFilter; now: Date; className: string }) {
  return (
    <ScrollBox label={`${className} board`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full border-collapse text-left text-sm" data-testid="class-board">
        <caption className="sr-only">
          {className}: every student&apos;s status on every assignment{status ? `, filtered` : ""}
        </caption>
        <thead className="bg-slate-50 align-bottom">
          <tr>
            <th scope="col" className="sticky left-0 z-10 min-w-48 border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium text-slate-700">
              Student
            </th>
            {board.columns.map((c) => (
              <th key={c.id} scope="col" className="min-w-40 border-b border-l border-slate-200 px-3 py-2 align-bottom font-normal">
                <Link href={`/assignments/${c.id}/analytics`} className="line-clamp-3 font-medium text-slate-900 hover:underline" title={c.questionText}>
                  <span className="text-slate-500">A{c.number}. </span>
                  {c.questionText}
                </Link>
                <span className="mt-1 block text-xs text-slate-600">
                  Due {formatDue(c.dueAt)}
                  {c.status === "CLOSED" ? " · closed" : ""}
                </span>
                <span className="mt-1 block">
                  <StatusBar counts={c.counts} width={140} />
                </span>
                <span className="mt-1 block text-xs text-slate-600">
                  {c.averageMark !== null ? `Average ${c.averageMark}/${c.rubric.totalMarks}` : "No marks yet"}
                  {c.overdue ? ` · ${c.overdue} overdue` : ""}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.rows.map((row) => (
            <tr key={row.student.id} className="border-b border-slate-100" data-testid="board-row">
              <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left align-top font-medium text-slate-900">
                {row.student.name}
                <span className="block text-xs font-normal text-slate-600" suppressHydrationWarning>
                  {row.lastActivityAt ? `Active ${ago(row.lastActivityAt, now)}` : "No activity yet"}
                  {row.averagePercent !== null ? ` · avg ${row.averagePercent}%` : ""}
                </span>
                {row.inactive ? (
                  <span className="mt-1 inline-block rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="inactive-flag">
                    {stalled(row, board.columns)}
                  </span>
                ) : null}
              </th>
              {row.cells.map((cell, i) => {
                const column = board.columns[i]!;
                // A blind column in a named row: nothing of the work, only the way to the column's candidate view (decision 029).
                if (cell.blind) {
                  return (
                    <td key={cell.assignmentId} className="board-cell" data-blind="" data-testid="board-cell">
                      <Link href={cell.href} prefetch={false}>
                        <span className="sr-only">A{column.number}: </span>
                        <b>Blind</b>
                        <span className="sr-only"> (marked blind). Open the column to see its work by candidate number</span>
                        {"\u00a0"}
                      </Link>
                    </td>
                  );
                }
                const match = cellMatches(cell, status);
                // Compact on purpose: a page of 50 students × many assignments repeats this
                // markup hundreds of times; the look lives in globals.css (.board-cell).
                // The link's name is its visible text after a hidden "student, column:" (no
                // aria-label), so voice control users can say what they see (WCAG 2.5.3).
                return (
                  <td key={cell.assignmentId} className="board-cell" data-status={cell.status} data-dim={match ? undefined : ""} data-testid="board-cell">
                    <Link href={cell.href} prefetch={false}>
                      <span className="sr-only">
                        {row.student.name}, A{column.number}:{" "}
                      </span>
                      <b>{STATUS_STYLE[cell.status].short}</b>{" "}
                      {cell.mark !== null ? `${cell.mark}/${column.rubric.totalMarks}` : cell.words ? plural(cell.words, "word") : "\u00a0"}
                      {cell.overdue ? <i> Overdue</i> : null}
                    </Link>
                    {cell.submittedAt && match && cell.status !== "returned" ? <span className="sr-only">Handed in {formatDateTime(cell.submittedAt)}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function StatusLegend() {
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Status colours">
      {(Object.keys(STATUS_STYLE) as (keyof typeof STATUS_STYLE)[]).map((k) => (
        <li key={k} className={`rounded px-2 py-0.5 font-medium ${STATUS_STYLE[k].cell}`}>
          {CELL_STATUS_LABELS[k]}
        </li>
      ))}
    </ul>
  );
}

// Which of the open assignments the student has gone quiet on, and for how long.
function stalled(row: Board["rows"][number], columns: Board["columns"]): string {
  const quiet = row.cells.flatMap((c, i) => (c.inactive ? [{ number: columns[i]!.number, days: c.inactiveDays }] : []));
  const days = Math.max(...quiet.map((q) => q.days ?? -1));
  const which = quiet.map((q) => `A${q.number}`).join(", ");
  return days >= 0 ? `No work on ${which} for ${days}+ days` : `Not started ${which} (overdue)`;
}

function ago(then: Date, now: Date): string {
  const days = Math.floor((now.getTime() - then.getTime()) / DAY);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}
