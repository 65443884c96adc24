import { z } from "zod";
import { idText, proseText } from "../validation/text";

const optionalText = (max: number) =>
  proseText()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const optionalYear = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null || v === "" ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 2100), "Enter a year like 1964, or leave it empty.");

// A question is often pasted from an exam paper: a stray NUL or non-character is dropped.
export const QuestionTextSchema = proseText()
  .trim()
  .min(10, "Write the full question (at least 10 characters).")
  .max(600, "Keep the question under 600 characters.");

export const NewQuestionSchema = z.object({
  topicId: idText("Choose a topic."),
  text: QuestionTextSchema,
});

// A teacher's correction of the automatic analysis.
export const QuestionAnalysisSchema = z
  .object({
    questionId: idText(),
    text: QuestionTextSchema,
    stem: z.enum(["TO_WHAT_EXTENT", "HOW_FAR", "HOW_SIGNIFICANT", "ASSESS", "OTHER"], { message: "Choose the command stem." }),
    focus: z.enum(["STATED_FACTOR", "CLAIM", "NONE"], { message: "Choose what the question weighs." }),
    statedFactor: optionalText(200),
    claim: optionalText(300),
    outcome: optionalText(200),
    periodFrom: optionalYear,
    periodTo: optionalYear,
    periodLabel: optionalText(60),
  })
  .superRefine((v, ctx) => {
    if (v.focus === "STATED_FACTOR" && !v.statedFactor) {
      ctx.addIssue({ code: "custom", path: ["statedFactor"], message: "Name the stated factor, or change what the question weighs." });
    }
    if (v.focus === "CLAIM" && !v.claim) {
      ctx.addIssue({ code: "custom", path: ["claim"], message: "Write the claim as a statement, or change what the question weighs." });
    }
    if (v.periodFrom !== null && v.periodTo !== null && v.periodFrom > v.periodTo) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "The end year must not be before the start year." });
    }
  });
export type QuestionAnalysisInput = z.input<typeof QuestionAnalysisSchema>;
