import { z } from "zod";

// Accepts a Date too, so lib/ can re-validate what an action already parsed.
const isoDate = z
  .union([z.date(), z.string().min(1, "Choose a due date and time.")])
  .transform((s, ctx) => {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "That due date could not be read." });
      return z.NEVER;
    }
    return d;
  });

const wordLimit = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null || v === "" ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 100 && v <= 10_000), "A word limit is a whole number from 100 to 10,000, or leave it empty.");

const fields = {
  questionId: z.string().min(1, "Choose a question."),
  rubricId: z.string().min(1, "Choose a mark scheme."),
  dueAt: isoDate,
  wordLimit,
  instructions: z.string().trim().max(2000, "Keep the instructions under 2,000 characters.").default(""),
};

export const SetAssignmentSchema = z.object({ classroomId: z.string().min(1), ...fields });
export type SetAssignmentInput = z.input<typeof SetAssignmentSchema>;

// The rubric is pinned when the assignment is set; editing changes only these.
export const UpdateAssignmentSchema = z.object({
  assignmentId: z.string().min(1),
  dueAt: isoDate,
  wordLimit,
  instructions: fields.instructions,
});
export type UpdateAssignmentInput = z.input<typeof UpdateAssignmentSchema>;

export const AssignmentIdSchema = z.object({ assignmentId: z.string().min(1) });
