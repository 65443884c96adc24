import { z } from "zod";
import { readDateTime } from "../time/local-input";
import { schoolTimeZone } from "../time/school-zone";
import { idText, proseText } from "../validation/text";

// A due date as the form sends it: the school clock's reading ("2026-06-10T17:00", read in
// APP_TIME_ZONE, never the server's zone), or a timestamp naming its offset. Accepts a Date
// too, so lib/ can re-validate what an action already parsed.
const dueAt = z
  .union([z.instanceof(Date), z.string().min(1, "Choose a due date and time.").max(64, "That due date could not be read.")])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value;
      ctx.addIssue({ code: "custom", message: "That due date could not be read." });
      return z.NEVER;
    }
    const zone = schoolTimeZone();
    const read = readDateTime(value, zone);
    if (read.ok) return read.instant;
    ctx.addIssue({
      code: "custom",
      message:
        read.reason === "gap"
          ? `${value.slice(11, 16)} does not happen on that day in ${zone.replaceAll("_", " ")}: the clocks go forward. Choose a time after the change.`
          : "That due date could not be read.",
    });
    return z.NEVER;
  });

const wordLimit = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null || v === "" ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 100 && v <= 10_000), "A word limit is a whole number from 100 to 10,000, or leave it empty.");

const fields = {
  questionId: idText("Choose a question."),
  // Rubric ids are file names in rubrics/ (kebab-case), the same alphabet as ids.
  rubricId: idText("Choose a mark scheme."),
  dueAt,
  wordLimit,
  instructions: proseText().trim().max(2000, "Keep the instructions under 2,000 characters.").default(""),
};

// A form's checkbox sends "on" when ticked and nothing when not; lib/ passes the boolean back.
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const SetAssignmentSchema = z.object({ classroomId: idText(), ...fields, blindMarking: checkbox, feedbackBeforeMarks: checkbox });
export type SetAssignmentInput = z.input<typeof SetAssignmentSchema>;

// The rubric is pinned when the assignment is set; editing changes only these.
export const UpdateAssignmentSchema = z.object({
  assignmentId: idText(),
  dueAt,
  wordLimit,
  instructions: fields.instructions,
});
export type UpdateAssignmentInput = z.input<typeof UpdateAssignmentSchema>;

export const AssignmentIdSchema = z.object({ assignmentId: idText() });

export const FeedbackBeforeMarksSchema = z.object({ assignmentId: idText(), feedbackBeforeMarks: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true") });
