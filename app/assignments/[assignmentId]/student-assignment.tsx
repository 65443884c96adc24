import Link from "next/link";
import { Workspace } from "./_workspace/workspace";
import { FeedbackEssay, FeedbackResponse, RedraftButton } from "./_feedback/lazy";
import { Scorecard, SummaryFeedback } from "./_feedback/scorecard";
import { HeldMarks } from "./_feedback/held-marks";
import { TeacherReply } from "./_feedback/teacher-reply";
import { WholeClassSections } from "./_feedback/whole-class-sections";
import { formatDateTime } from "@/components/format";
import type { Workspace as WorkspaceData } from "@/lib/assignments/workspace";
import type { OwnFeedback } from "@/lib/marking/feedback";
import { teacherReplyOf } from "@/lib/marking/teacher-reply-view";
import { AssignmentHeader } from "./assignment-header";
import { RubricPanel } from "./rubric-panel";
import { readLinks } from "@/lib/coverage/links";
import { WritingProcess } from "@/components/process/writing-process";
import type { WritingProcess as WritingProcessData } from "@/lib/process/summary";
import { PlanCheckGuideProvider } from "./_workspace/plan-check-guide-context";
import { planCheckGuide } from "@/lib/planner/plan-check-guide";
import { plural } from "@/lib/text/plural";

export type StudentView = { view: "work" | "version"; version?: number };

/**
 * The student's assignment page. By default: the newest returned feedback if the essay is
 * handed in and marked, otherwise the planner and draft (with the targets beside it while
 * redrafting). Tabs lead to every handed-in version.
 */
export function StudentAssignment({
  workspace: w,
  feedback,
  writing,
  userId,
  view,
}: {
  workspace: WorkspaceData;
  feedback: OwnFeedback;
  /** How the essay was written: the same summary the teacher sees on the marking desk. */
  writing: WritingProcessData;
  userId: string;
  view: StudentView;
}) {
  const a = w.assignment;
  const base = `/assignments/${a.id}`;
  const latest = feedback.versions.at(-1);
  const criteria = a.rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
  const shown =
    view.view === "version"
      ? feedback.versions.find((v) => v.number === view.version)
      : view.version === undefined && !feedback.redrafting && latest?.marking
        ? latest
        : undefined;
  const reply = shown?.marking ? teacherReplyOf(shown.marking) : null;

  return (
    <div>
      <AssignmentHeader question={a.question.text} classroom={a.classroom.name} dueAt={a.dueAt} wordLimit={a.wordLimit} status={a.status} instructions={a.instructions} />
      {feedback.versions.length ? <VersionTabs base={base} versions={feedback.versions} current={shown?.number ?? "work"} /> : null}

      {shown ? (
        <div className="space-y-6">
          <p className="text-sm text-slate-600">
            Version {shown.number}, handed in {formatDateTime(shown.submittedAt)}
            {shown.late ? " (late)" : ""} · {plural(shown.wordCount, "word")}
            {shown.marking?.returnedAt ? ` · feedback returned ${formatDateTime(shown.marking.returnedAt)}` : ""}
          </p>
          {shown.marking ? (
            <>
              {feedback.canRedraft && shown.number === latest?.number ? (
                <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-4">
                  <p className="text-sm text-indigo-950">Your teacher has asked for a redraft. Work through the targets, then hand in a new version; this one stays here to read.</p>
                  <RedraftButton assignmentId={a.id} />
                </div>
              ) : null}
              <div className="grid gap-6 lg:grid-cols-2">
                {shown.marking.marksHeld ? <HeldMarks /> : <Scorecard rubric={a.rubric} marking={shown.marking} />}
                <SummaryFeedback marking={shown.marking} />
              </div>
              <FeedbackEssay text={shown.text} version={shown.number} annotations={feedback.annotationsFor(shown.text, shown.number)} criteria={criteria} answerable={shown.number === latest?.number} />
              <FeedbackResponse assignmentId={a.id} version={shown.number} initial={shown.marking.response} respondedAt={shown.marking.respondedAt} />
              {reply ? <TeacherReply reply={reply} /> : null}
              {feedback.wholeClass ? (
                <section aria-labelledby="whole-class-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="whole-class-feedback">
                  <h2 id="whole-class-heading" className="mb-3 text-lg font-semibold text-slate-900">
                    Feedback to the whole class
                  </h2>
                  <WholeClassSections content={feedback.wholeClass.content} criteria={criteria} headingLevel={3} />
                </section>
              ) : null}
            </>
          ) : (
            <>
              <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">Your teacher has not returned feedback on this version yet.</p>
              <div className="max-w-prose whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-6 font-serif leading-8 text-slate-900">{shown.text}</div>
            </>
          )}
        </div>
      ) : (
        <>
          <RubricPanel rubric={a.rubric} audience="student" />
          {/* The pinned rubric's plan-check mapping, as plain data for the planner (decision 022). */}
          <PlanCheckGuideProvider guide={planCheckGuide(a.rubric)}>
          <Workspace
            assignmentId={a.id}
            userId={userId}
            question={a.question.text}
            analysis={w.analysis}
            bank={w.evidenceBank}
            suggestedAreas={w.suggestedAreas}
            wordLimit={a.wordLimit}
            closed={a.status === "CLOSED"}
            plan={{ content: w.plan.content, revision: w.plan.revision }}
            draft={{ text: w.draft.text, revision: w.draft.revision, submittedAt: w.draft.submittedAt?.toISOString() ?? null, late: w.draft.late, links: readLinks(w.draft.paragraphLinks) }}
            redraft={
              feedback.redrafting && feedback.latestReturned
                ? {
                    annotations: feedback.annotationsFor(w.draft.text),
                    criteria,
                    feedbackHref: `${base}?view=version&version=${feedback.latestReturned.number}`,
                  }
                : undefined
            }
          />
          </PlanCheckGuideProvider>
          <div className="mt-6">
            <WritingProcess process={writing} id="writing-process" />
          </div>
        </>
      )}
    </div>
  );
}

function VersionTabs({ base, versions, current }: { base: string; versions: OwnFeedback["versions"]; current: number | "work" }) {
  const tab = (active: boolean) =>
    `rounded-t-md border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`;
  return (
    <nav aria-label="Your work on this assignment" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      <Link href={`${base}?view=work`} className={tab(current === "work")} aria-current={current === "work" ? "page" : undefined}>
        Plan and draft
      </Link>
      {versions.map((v) => (
        <Link key={v.number} href={`${base}?view=version&version=${v.number}`} className={tab(current === v.number)} aria-current={current === v.number ? "page" : undefined}>
          {versions.length > 1 ? `Version ${v.number}` : "Handed in"}
          {v.marking ? <span className="ml-1 font-normal text-slate-600">(feedback)</span> : null}
        </Link>
      ))}
    </nav>
  );
}
