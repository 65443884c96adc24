import type { Metadata } from "next";
import { orNotFound } from "@/app/page-helpers";
import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/format";
import { requireUserPage } from "@/lib/auth/current-user";
import { getStudentWorkspace } from "@/lib/assignments/workspace";
import { PlanSummary } from "@/components/plan/plan-summary";
import { checkPlan } from "@/lib/planner/check-plan";
import { planCheckGuide } from "@/lib/planner/plan-check-guide";
import { StudentWorkNav } from "./work-nav";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Student work" };

export default async function StudentWorkPage({ params }: { params: Promise<{ assignmentId: string; studentId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId, studentId } = await params;
  const w = await getStudentWorkspace(user, assignmentId, studentId).catch(orNotFound);
  const plan = w.plan.content;
  // The same check the student sees, in the assignment's mark scheme's words (decision 022).
  const problems = checkPlan(plan, w.analysis, { guide: planCheckGuide(w.assignment.rubric), question: w.assignment.question.text });
  return (
    <div>
      <p className="mb-2 text-sm"><Link href={`/assignments/${assignmentId}`} className="text-indigo-700 underline">← All students</Link></p>
      <h1 className="text-2xl font-semibold">{w.student.name}</h1>
      <p className="mt-1 font-serif text-lg text-slate-800">{w.assignment.question.text}</p>
      <div className="mt-4">
        <StudentWorkNav base={`/assignments/${assignmentId}/students/${studentId}`} versions={w.versions} current="work" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Plan</h2>
          {w.plan.revision === 0 ? <p className="mt-2 text-sm text-slate-600">No plan saved yet.</p> : (
            <div className="mt-2 space-y-3">
              <PlanSummary plan={plan} />
              <p className="text-sm text-slate-600">Plan check: {problems.length === 0 ? "no problems" : `${problems.length} point${problems.length === 1 ? "" : "s"} to address`}.</p>
              {problems.length ? (
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="teacher-plan-checks">
                  {problems.map((p, i) => (
                    <li key={`${p.code}-${p.factorId ?? i}`}>
                      <span className="font-medium">{p.severity === "error" ? "Fix: " : "Consider: "}</span>
                      {p.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          )}
        </Card>
        <Card>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Draft</h2>
            <span className="text-sm text-slate-600">
              {plural(w.draft.wordCount, "word")}
              {w.draft.submittedAt ? <> · Submitted {formatDateTime(w.draft.submittedAt)} {w.draft.late ? <Badge tone="red">Late</Badge> : null}</> : " · not submitted"}
            </span>
          </div>
          <div className="mt-3 whitespace-pre-wrap font-serif leading-relaxed text-slate-900" data-testid="teacher-draft-view">{w.draft.text || "Nothing written yet."}</div>
        </Card>
      </div>
    </div>
  );
}
