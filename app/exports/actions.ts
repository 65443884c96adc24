"use server";

import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { requestClassExport, requestSchoolStudentExport, requestStudentExport } from "@/lib/exports/requests";
import { ClassExportSchema, NoFieldsSchema, SchoolStudentExportSchema } from "@/lib/exports/schemas";

// Asking for an export (decision 041): each one goes to the exports page, which shows its
// progress and its download link when it is ready.

export const requestMyExportAction = safeAction("STUDENT", NoFieldsSchema, async (_input, user) => {
  const { id } = await requestStudentExport(user, user.id);
  redirect(`/exports?requested=${id}`);
});

export const requestClassExportAction = safeAction("TEACHER", ClassExportSchema, async ({ classroomId }, user) => {
  const { id } = await requestClassExport(user, classroomId);
  redirect(`/exports?requested=${id}`);
});

export const requestSchoolStudentExportAction = safeAction("user", SchoolStudentExportSchema, async ({ schoolId, email }, user) => {
  const { id } = await requestSchoolStudentExport(user, schoolId, email);
  redirect(`/exports?requested=${id}`);
});
