import type { Metadata } from "next";
import { orNotFound, versionParam } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { getAssignmentOverview } from "@/lib/assignments/assignments";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { getOwnFeedback } from "@/lib/marking/feedback";
import { getFeedbackRelease } from "@/lib/marking/feedback-release";
import { getWritingProcess } from "@/lib/process/process";
import { StudentAssignment, type StudentView } from "./student-assignment";
import { TeacherAssignment } from "./teacher-assignment";

export const metadata: Metadata = { title: "Assignment" };

export default async function AssignmentPage({ params, searchParams }: { params: Promise<{ assignmentId: string }>; searchParams: Promise<{ set?: string; view?: string; version?: string }> }) {
  const user = await requireUserPage();
  const { assignmentId } = await params;
  if (user.role === "TEACHER") {
    const [overview, release] = await Promise.all([getAssignmentOverview(user, assignmentId), getFeedbackRelease(user, assignmentId)]).catch(orNotFound);
    return <TeacherAssignment overview={overview} justSet={!!(await searchParams).set} release={release} />;
  }
  const [workspace, feedback, writing] = await Promise.all([getOwnWorkspace(user, assignmentId), getOwnFeedback(user, assignmentId), getWritingProcess(user, assignmentId, user.id)]).catch(orNotFound);
  const query = await searchParams;
  const version = versionParam(query.version);
  const view: StudentView = query.view === "version" && version !== undefined ? { view: "version", version } : { view: "work", version: query.view === "work" ? 0 : undefined };
  return <StudentAssignment workspace={workspace} feedback={feedback} writing={writing} userId={user.id} view={view} />;
}
