import type { MarkingView } from "@/lib/marking/markings";
import { teacherReplyOf } from "@/lib/marking/teacher-reply-view";
import type { Rubric } from "@/lib/rubrics/rubric-schema";
import { formatDateTime } from "@/components/format";

/**
 * On a redraft, above the rubric: what the last version was given and what the student said
 * back, so the new marks can answer both. The per-criterion levels also sit in each criterion.
 */
export function PreviousFeedback({ previous, rubric, studentName }: { previous: { number: number; marking: MarkingView }; rubric: Rubric; studentName: string }) {
  const { number, marking } = previous;
  const reply = teacherReplyOf(marking);
  return (
    <section aria-labelledby="previous-feedback-h" className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="previous-feedback">
      <h2 id="previous-feedback-h" className="font-semibold text-slate-900">
        Version {number}: marks and feedback
      </h2>
      <p className="mt-1 text-slate-800">
        {rubric.criteria
          .map((c) => {
            const a = marking.awards.find((x) => x.criterionId === c.id);
            return `${rubric.criteria.length > 1 ? `${c.name}: ` : ""}${a ? (a.level === 0 ? "0 marks" : `Level ${a.level}`) : "no level"}`;
          })
          .join("; ")}
        {marking.total !== null ? ` · ${marking.total} / ${rubric.totalMarks}` : ""}
      </p>
      {marking.wentWell ? <p className="mt-2 text-slate-700"><span className="font-medium text-slate-900">What went well:</span> {marking.wentWell}</p> : null}
      {marking.evenBetterIf ? <p className="mt-1 text-slate-700"><span className="font-medium text-slate-900">Even better if:</span> {marking.evenBetterIf}</p> : null}
      <div className="mt-2 border-t border-slate-200 pt-2" data-testid="previous-response">
        <p className="font-medium text-slate-900">{studentName}’s response</p>
        {marking.response ? (
          <>
            <p className="mt-1 whitespace-pre-line text-slate-800">{marking.response}</p>
            {marking.respondedAt ? <p className="mt-1 text-slate-600">Written {formatDateTime(marking.respondedAt)}</p> : null}
            {reply ? (
              <div className="mt-2 border-l-2 border-indigo-200 pl-3" data-testid="previous-reply">
                <p className="font-medium text-slate-900">Reply from {reply.byName}</p>
                <p className="mt-1 whitespace-pre-line text-slate-800">{reply.text}</p>
                <p className="mt-1 text-slate-600">Written {formatDateTime(reply.repliedAt)}</p>
              </div>
            ) : null}
          </>
        ) : (
          <p className="mt-1 text-slate-600">{studentName} did not write a response to this feedback.</p>
        )}
      </div>
    </section>
  );
}
