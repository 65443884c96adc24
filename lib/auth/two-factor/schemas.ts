import { z } from "zod";
import { lineText } from "../../validation/text";

// Shared by the two-factor forms and their actions (docs/decisions/035-two-factor.md).

/** A six-digit code from the app, or a recovery code; the lib decides which it is. */
export const CodeSchema = z.object({
  code: lineText().trim().min(1, "Enter the code from your authenticator app.").max(40, "That is longer than any code."),
});

export const VerifySchema = CodeSchema.extend({ next: z.string().max(2000).optional() });

export const StaffPolicySchema = z.object({
  schoolId: z.string().min(1).max(64),
  // A checkbox: present ("on") when ticked, absent when not.
  required: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
