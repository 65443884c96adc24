import { formatDateTime } from "@/components/format";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { formatWritingTime, LARGE_PASTE_CHARS, PAUSE_CAP_MS, SESSION_GAP_MS, type WritingProcess as Process } from "@/lib/process/summary";
import { GrowthChart } from "./growth-chart";
import { plural } from "@/lib/text/plural";
import { ScrollBox } from "@/components/ui/scroll-box";

const n = (x: number) => x.toLocaleString("en-GB");
const signed = (x: number) => (x > 0 ? `+${n(x)}` : n(x));

/**
 * "How this essay was written": the same section, word for word, for the student in the
 * workspace and for the teacher on the marking desk, so nobody is judged on a view they
 * cannot see. It says what is and is not recorded. Data-free: the page passes the summary
 * (lib/process/process.ts). A disclosure, closed at first, so it never crowds the essay.
 */
export function WritingProcess({ process: p, id }: { process: Process; id: string }) {
  const latest = p.sessions.at(-1);
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="writing-process">
      <summary className="cursor-pointer text-lg font-semibold text-slate-900">How this essay was written</summary>
      <p className="mt-2 max-w-prose text-sm text-slate-700" data-testid="process-recorded">
        Extent records when this essay is saved and how much is pasted into it, never keystrokes and never what was pasted. The student and the teacher see this same summary.
      </p>

      {p.sessions.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">Nothing has been saved yet, so there is nothing to show.</p>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <Stat label="Time writing" value={formatWritingTime(p.writingMs)} testId="process-time" />
            <Stat label="Sessions" value={n(p.sessions.length)} testId="process-sessions" />
            <Stat label="Words now" value={n(latest?.wordsAtEnd ?? 0)} />
            <Stat label="Pasted" value={p.pasteCount ? `${plural(p.pasteCount, "paste")}, ${plural(p.pastedChars, "character")}` : "nothing"} testId="process-pasted" />
          </dl>

          <h3 className="mt-4 text-sm font-semibold text-slate-900">Large pastes ({n(LARGE_PASTE_CHARS)} characters or more)</h3>
          {p.largePastes.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-800" data-testid="large-pastes">
              {p.largePastes.map((paste, i) => (
                <li key={i}>
                  {plural(paste.chars, "character")}, {formatDateTime(paste.at)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-700" data-testid="large-pastes">None.</p>
          )}

          <figure className="mt-4 space-y-2">
            <GrowthChart points={p.growth} id={`${id}-growth`} />
            <figcaption className="sr-only">The draft’s growth</figcaption>
            {/* Five columns do not fit 390 px: the table scrolls sideways rather than the page. */}
            <ScrollBox label="Writing sessions">
              <ChartDataTable
                label="Show each session as a table"
                head={["Session", "Started", "Time writing", "Words added", "Pastes"]}
                rows={p.sessions.map((s, i) => [`${i + 1}`, formatDateTime(s.startedAt), formatWritingTime(s.writingMs), signed(s.wordsAdded), s.pastes])}
              />
            </ScrollBox>
          </figure>
        </>
      )}

      <h3 className="mt-4 text-sm font-semibold text-slate-900">How to read this</h3>
      <ul className="mt-1 max-w-prose list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>
          Time writing runs from each save to the next; a pause counts for at most {PAUSE_CAP_MS / 60_000} minutes, and one over {SESSION_GAP_MS / 60_000} minutes starts a new session.
          Time before a session’s first save is not seen, so the real time is a little longer.
        </li>
        <li>Words added are the change in length over a session: cutting text makes it smaller, and an inserted outline counts.</li>
        <li>A paste may be the student’s own writing moved from elsewhere. It is a reason to talk about the essay, not proof of copying.</li>
        <li>Not recorded: keystrokes, the pasted text, where it came from, and anything done outside this page.</li>
      </ul>
    </details>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
