import { Workspace } from "@/components/work/workspace";
import type { Workspace as WorkspaceData } from "@/lib/assignments/workspace";
import { AssignmentHeader } from "./assignment-header";
import { RubricPanel } from "./rubric-panel";

export function StudentAssignment({ workspace: w, userId }: { workspace: WorkspaceData; userId: string }) {
  const a = w.assignment;
  return (
    <div>
      <AssignmentHeader question={a.question.text} classroom={a.classroom.name} dueAt={a.dueAt} wordLimit={a.wordLimit} status={a.status} instructions={a.instructions} />
      <RubricPanel rubric={a.rubric} audience="student" />
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
        draft={{ text: w.draft.text, revision: w.draft.revision, submittedAt: w.draft.submittedAt?.toISOString() ?? null, late: w.draft.late }}
      />
    </div>
  );
}
