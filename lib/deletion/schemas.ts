import { z } from "zod";
import { idText, lineText } from "../validation/text";

// Typed confirmations for deletion forms and their actions (shared by both).

/** What an account without a password types to confirm deleting itself. */
export const DELETE_PHRASE = "delete my account";

export const deleteOwnAccountSchema = z.object({
  password: z.string().max(1000, "That is longer than any password.").optional(),
  phrase: lineText().max(200, "Type the phrase exactly.").optional(),
});

export const deleteMemberSchema = z.object({ schoolId: idText("That school could not be found."), userId: idText("That account could not be found.") });
export const deleteClassSchema = z.object({ classroomId: idText("That class could not be found.") });
export const deleteSchoolSchema = z.object({ schoolId: idText("That school could not be found."), confirmName: lineText().max(300, "That is longer than any school's name.") });
