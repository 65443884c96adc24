"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { setAssignment, setAssignmentOpen, updateAssignment } from "@/lib/assignments/assignments";
import { AssignmentIdSchema, SetAssignmentSchema, UpdateAssignmentSchema } from "@/lib/assignments/schemas";
import { submitDraft } from "@/lib/drafts/drafts";
import { getRevisionText, listRevisions, restoreRevision } from "@/lib/drafts/history";
import { RestoreRevisionSchema, RevisionTextSchema, SubmitDraftSchema } from "@/lib/drafts/schemas";

export const setAssignmentAction = safeAction("TEACHER", SetAssignmentSchema, async (input, user) => {
  const { id } = await setAssignment(user, input);
  redirect(`/assignments/${id}?set=1`);
});

export const updateAssignmentAction = safeAction("TEACHER", UpdateAssignmentSchema, async (input, user) => {
  await updateAssignment(user, input);
  revalidatePath(`/assignments/${input.assignmentId}`);
});

export const setAssignmentOpenAction = safeAction("TEACHER", AssignmentIdSchema.extend({ open: z.enum(["true", "false"]) }), async (input, user) => {
  await setAssignmentOpen(user, input.assignmentId, input.open === "true");
  revalidatePath(`/assignments/${input.assignmentId}`);
});

export const restoreRevisionAction = safeAction("STUDENT", RestoreRevisionSchema, async (input, user) => restoreRevision(user, input));

export const submitDraftAction = safeAction("STUDENT", SubmitDraftSchema, async (input, user) => {
  const result = await submitDraft(user, input);
  revalidatePath(`/assignments/${input.assignmentId}`);
  revalidatePath("/dashboard");
  return result;
});

export const listRevisionsAction = safeAction("STUDENT", AssignmentIdSchema, async ({ assignmentId }, user) => listRevisions(user, assignmentId));

export const revisionTextAction = safeAction("STUDENT", RevisionTextSchema, async (input, user) => getRevisionText(user, input));
