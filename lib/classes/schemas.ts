import { z } from "zod";
import { idText, lineText } from "../validation/text";
import { isWellFormedJoinCode, normaliseJoinCode } from "./join-code";

export const ClassroomSchema = z.object({
  name: lineText().trim().min(1, "Give the class a name, like “12H History”.").max(80, "Keep the name under 80 characters."),
  subject: lineText().trim().min(1, "Enter the subject.").max(60, "Keep the subject under 60 characters."),
  yearGroup: lineText().trim().min(1, "Enter the year group, like “Year 12”.").max(30, "Keep the year group under 30 characters."),
});
export type ClassroomInput = z.infer<typeof ClassroomSchema>;

export const JoinCodeSchema = z.object({
  code: z
    .string()
    .max(40, "A join code is 6 letters and numbers, like “K7QF4M”. Check it with your teacher.")
    .transform(normaliseJoinCode)
    .refine(isWellFormedJoinCode, "A join code is 6 letters and numbers, like “K7QF4M”. Check it with your teacher."),
});

export const IdSchema = idText();
export const ClassroomIdSchema = z.object({ classroomId: IdSchema });
export const RemoveStudentSchema = z.object({ classroomId: IdSchema, studentId: IdSchema });

// Co-teachers (decision 025). The email is the invited teacher's; the form and the action share it.
// A teacher invited by email (to co-teach, to a department). Lower-cased as account emails are
// stored (lib/auth/schemas.ts), so the invited teacher's dashboard finds it.
export const teacherEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the email address the teacher signs in with.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@school.org.");

export const InviteCoTeacherSchema = z.object({ classroomId: IdSchema, email: teacherEmail });
export type InviteCoTeacherInput = z.input<typeof InviteCoTeacherSchema>;
export const TeacherInvitationIdSchema = z.object({ invitationId: IdSchema });
export const RemoveCoTeacherSchema = z.object({ classroomId: IdSchema, teacherId: IdSchema });
// Co-teacher invitation tokens are 32 random bytes in base64url, like the roster's.
export const TEACHER_INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
