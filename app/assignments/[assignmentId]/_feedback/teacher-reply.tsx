import { formatDateTime } from "@/components/format";
import type { TeacherReply as Reply } from "@/lib/marking/teacher-reply-view";

/** The teacher's reply to the student's response, under it on the feedback page: who, when, what. */
export function TeacherReply({ reply }: { reply: Reply }) {
  return (
    <section aria-labelledby="teacher-reply-h" className="rounded-lg border border-indigo-200 bg-indigo-50 p-5" data-testid="teacher-reply">
      <h2 id="teacher-reply-h" className="text-lg font-semibold text-slate-900">
        Your teacher’s reply
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        From {reply.byName}, {formatDateTime(reply.repliedAt)}
      </p>
      <p className="mt-2 whitespace-pre-line text-sm text-slate-900">{reply.text}</p>
    </section>
  );
}
