import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUserPage } from "@/lib/auth/current-user";
import { getAssignmentOverview } from "@/lib/assignments/assignments";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { isAppError } from "@/lib/errors";
import { StudentAssignment } from "./student-assignment";
import { TeacherAssignment } from "./teacher-assignment";

export const metadata: Metadata = { title: "Assignment" };

function orNotFound(e: unknown): never {
  if (isAppError(e) && (e.status === 404 || e.status === 403)) notFound();
  throw e;
}

export default async function AssignmentPage({ params, searchParams }: { params: Promise<{ assignmentId: string }>; searchParams: Promise<{ set?: string }> }) {
  const user = await requireUserPage();
  const { assignmentId } = await params;
  if (user.role === "TEACHER") {
    const overview = await getAssignmentOverview(user, assignmentId).catch(orNotFound);
    return <TeacherAssignment overview={overview} justSet={!!(await searchParams).set} />;
  }
  const workspace = await getOwnWorkspace(user, assignmentId).catch(orNotFound);
  return <StudentAssignment workspace={workspace} userId={user.id} />;
}
