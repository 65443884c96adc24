"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { clientAddress } from "@/lib/auth/client-address";
import { createClassroom, joinClassroom, regenerateJoinCode, removeStudent } from "@/lib/classes/classrooms";
import { ClassroomIdSchema, ClassroomSchema, JoinCodeSchema, RemoveStudentSchema } from "@/lib/classes/schemas";

export const createClassroomAction = safeAction("TEACHER", ClassroomSchema, async (input, user) => {
  const classroom = await createClassroom(user, input);
  redirect(`/classes/${classroom.id}?created=1`);
});

export const regenerateJoinCodeAction = safeAction("TEACHER", ClassroomIdSchema, async ({ classroomId }, user) => {
  const { joinCode } = await regenerateJoinCode(user, classroomId);
  revalidatePath(`/classes/${classroomId}`);
  return joinCode;
});

export const removeStudentAction = safeAction("TEACHER", RemoveStudentSchema, async ({ classroomId, studentId }, user) => {
  await removeStudent(user, classroomId, studentId);
  revalidatePath(`/classes/${classroomId}`);
});

export const joinClassroomAction = safeAction("STUDENT", JoinCodeSchema, async (input, user) => {
  const classroom = await joinClassroom(user, input, await clientAddress());
  revalidatePath("/dashboard");
  return classroom.name;
});
