import { z } from "zod";

// Typed confirmations for deletion forms and their actions (shared by both).

/** What an account without a password types to confirm deleting itself. */
export const DELETE_PHRASE = "delete my account";

export const deleteOwnAccountSchema = z.object({
  password: z.string().max(1000).optional(),
  phrase: z.string().max(200).optional(),
});

export const deleteMemberSchema = z.object({ schoolId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });
export const deleteClassSchema = z.object({ classroomId: z.string().min(1).max(100) });
export const deleteSchoolSchema = z.object({ schoolId: z.string().min(1).max(100), confirmName: z.string().max(300) });
