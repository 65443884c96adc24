import { z } from "zod";
import { revisionNumber } from "../validation/numbers";
import { idText, lineText, proseText } from "../validation/text";

// The stored shape of whole-class feedback (WholeClassFeedback.content) and the inputs of its
// actions, shared by the forms and lib/ (which re-parses, so each accepts its own output).

const section = (label: string) => proseText().trim().max(4000, `Keep "${label}" under 4,000 characters.`).default("");

export const WholeClassContentSchema = z.object({
  intro: section("To the class"),
  criteria: z
    .array(
      z.object({
        criterionId: lineText().min(1).max(80),
        strengths: section("Strengths"),
        targets: section("Targets"),
      }),
    )
    .max(20),
  comments: section("Comments that came up most"),
});
export type WholeClassContent = z.output<typeof WholeClassContentSchema>;

export const SaveWholeClassSchema = z.object({
  assignmentId: idText(),
  baseRevision: revisionNumber(),
  content: WholeClassContentSchema,
});
export type SaveWholeClassInput = z.input<typeof SaveWholeClassSchema>;

export const PublishWholeClassSchema = z.object({
  assignmentId: idText(),
  baseRevision: revisionNumber(),
  publish: z.boolean(),
});
export type PublishWholeClassInput = z.input<typeof PublishWholeClassSchema>;
