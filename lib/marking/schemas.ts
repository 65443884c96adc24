import { z } from "zod";
import { boundedInt, MAX_INT4, revisionNumber } from "../validation/numbers";
import { idText, lineText, proseText } from "../validation/text";

// Input shapes for marking, shared by the server actions and lib/marking (which re-parses,
// so every schema here must accept its own output).

const id = idText();
const kind = z.enum(["STRENGTH", "TARGET"], "Choose whether this is a strength or a target.");
const criterionId = lineText().trim().min(1, "Choose the rubric criterion this is about.").max(80);
const comment = proseText().trim().min(1, "Write the comment.").max(2000, "Keep a comment under 2,000 characters.");

/** Which essay and which handed-in version of it (1 = first submission). */
const work = { assignmentId: id, studentId: id, submissionNumber: boundedInt(1, 1000) };

export const AddAnnotationSchema = z.object({
  ...work,
  // Offsets into the essay (at most MAX_DRAFT_CHARS); bounded so a huge number is a 400.
  start: boundedInt(0, MAX_INT4),
  end: boundedInt(1, MAX_INT4),
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
    note: proseText().trim().max(1000, "Keep it under 1,000 characters.").default(""),
  })
  .refine((v) => !v.addressed || v.note.length > 0, { path: ["note"], message: "Say how you addressed this target." });

export const AwardSchema = z.object({
  criterionId: lineText().min(1).max(80),
  level: z.number().int("Levels are whole numbers.").min(0).max(50),
  mark: z.number().int("Marks are whole numbers.").min(0).max(1000).optional(),
});

const summary = (label: string) => proseText().trim().max(4000, `Keep "${label}" under 4,000 characters.`).default("");

export const SaveMarkingSchema = z.object({
  ...work,
  baseRevision: revisionNumber(),
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
  response: proseText().trim().min(1, "Write your response first.").max(4000, "Keep your response under 4,000 characters."),
});

/** The teacher's reply to a student's response; revisable. */
export const ReplySchema = z.object({
  ...work,
  reply: proseText().trim().min(1, "Write your reply first.").max(4000, "Keep your reply under 4,000 characters."),
  // When the reply being replaced was saved, as the form loaded it (null: there was none). A
  // co-teacher's reply saved since is a conflict shown to the teacher, never overwritten.
  baseRepliedAt: z.iso.datetime({ message: "That reply's time is not valid." }).nullable(),
});
export type ReplyInput = z.input<typeof ReplySchema>;

export const StartRedraftSchema = z.object({ assignmentId: id });
