import { z } from "zod";

// Input shapes for marking, shared by the server actions and lib/marking (which re-parses,
// so every schema here must accept its own output).

const id = z.string().min(1).max(40);
const kind = z.enum(["STRENGTH", "TARGET"], "Choose whether this is a strength or a target.");
const criterionId = z.string().trim().min(1, "Choose the rubric criterion this is about.").max(80);
const comment = z.string().trim().min(1, "Write the comment.").max(2000, "Keep a comment under 2,000 characters.");

/** Which essay and which handed-in version of it (1 = first submission). */
const work = { assignmentId: id, studentId: id, submissionNumber: z.number().int().min(1).max(1000) };

export const AddAnnotationSchema = z.object({
  ...work,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  comment,
  criterionId,
  kind,
  saveToBank: z.boolean().default(false),
});
export type AddAnnotationInput = z.input<typeof AddAnnotationSchema>;

export const UpdateAnnotationSchema = z.object({ annotationId: id, comment, criterionId, kind });
export const AnnotationIdSchema = z.object({ annotationId: id });

export const AddressTargetSchema = z
  .object({
    annotationId: id,
    addressed: z.boolean(),
    note: z.string().trim().max(1000, "Keep it under 1,000 characters.").default(""),
  })
  .refine((v) => !v.addressed || v.note.length > 0, { path: ["note"], message: "Say how you addressed this target." });

export const AwardSchema = z.object({
  criterionId: z.string().min(1).max(80),
  level: z.number().int("Levels are whole numbers.").min(0).max(50),
  mark: z.number().int("Marks are whole numbers.").min(0).max(1000).optional(),
});

const summary = (label: string) => z.string().trim().max(4000, `Keep "${label}" under 4,000 characters.`).default("");

export const SaveMarkingSchema = z.object({
  ...work,
  baseRevision: z.number().int().nonnegative(),
  awards: z.array(AwardSchema).max(20),
  // Strands: the teacher's total inside the best-fit band; otherwise computed when left out.
  total: z.number().int("Marks are whole numbers.").min(0).max(1000).nullish(),
  wentWell: summary("What went well"),
  evenBetterIf: summary("Even better if"),
  allowRedraft: z.boolean().default(false),
});
export type SaveMarkingInput = z.input<typeof SaveMarkingSchema>;

export const BankEntrySchema = z.object({ text: comment, criterionId, kind });
export const BankEntryIdSchema = z.object({ entryId: id });

export const RespondSchema = z.object({
  assignmentId: id,
  submissionNumber: work.submissionNumber,
  response: z.string().trim().min(1, "Write your response first.").max(4000, "Keep your response under 4,000 characters."),
});

export const StartRedraftSchema = z.object({ assignmentId: id });
