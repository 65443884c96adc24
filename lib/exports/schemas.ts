import { z } from "zod";

import { idText } from "../validation/text";

// Shared by the export forms and their actions (decision 041).
export const NoFieldsSchema = z.object({});
export const ClassExportSchema = z.object({ classroomId: idText() });
export const SchoolStudentExportSchema = z.object({ schoolId: idText(), email: z.string().trim().toLowerCase().min(1, "Enter the student's email address.").max(254, "That email address is too long.").email("Enter a valid email address, like name@school.org.") });
export const ExportIdSchema = z.object({ requestId: idText() });
