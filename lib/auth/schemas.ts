import { z } from "zod";
import { lineText } from "../validation/text";

// Shared by the sign-up/sign-in forms and their actions.
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@school.org.");

export const SignUpSchema = z.object({
  name: lineText().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email: EmailSchema,
  password: z
    .string()
    .min(10, "Use at least 10 characters for your password.")
    .max(200, "Keep your password under 200 characters."),
  role: z.enum(["STUDENT", "TEACHER"], { message: "Choose whether you are a student or a teacher." }),
  // A roster invitation's token (lib/roster/invitations.ts); empty when signing up without one.
  invite: lineText().trim().max(100).optional(),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
  next: z.string().optional(),
});
export type SignInInput = z.infer<typeof SignInSchema>;
