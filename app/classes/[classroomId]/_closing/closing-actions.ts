"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { setClassClosed } from "@/lib/classes/closing";
import { deleteClass } from "@/lib/deletion/class";
import { deleteClassSchema } from "@/lib/deletion/schemas";
import { classReportView } from "@/lib/deletion/report-view";


export const closeClassAction = safeAction("TEACHER", deleteClassSchema, async ({ classroomId }, user) => {
  await setClassClosed(user, classroomId, true);
  revalidatePath(`/classes/${classroomId}`);
});

export const reopenClassAction = safeAction("TEACHER", deleteClassSchema, async ({ classroomId }, user) => {
  await setClassClosed(user, classroomId, false);
  revalidatePath(`/classes/${classroomId}`);
  revalidatePath("/dashboard");
});

// "user", not "TEACHER": a school's administrator may delete a class of the school's.
export const deleteClassAction = safeAction("user", deleteClassSchema, async ({ classroomId }, user) => {
  const report = await deleteClass(user, classroomId);
  revalidatePath("/dashboard");
  return classReportView(report);
});
