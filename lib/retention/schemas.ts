import { z } from "zod";
import { idText } from "../validation/text";

// The school's retention setting form (decision 042), shared by the form and the action.

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const wholeNumber = (v: unknown) => (typeof v === "string" && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v);

export const retentionSettingsSchema = z.object({
  schoolId: idText("That school could not be found."),
  retentionMonths: z.preprocess(
    (v) => wholeNumber(blankToNull(v)),
    z.number("Give a whole number of months, or leave it empty to keep closed classes.").int().min(1, "Keep closed classes for at least 1 month.").max(240, "Keep closed classes for at most 240 months (20 years).").nullable(),
  ),
  retentionNoticeDays: z.preprocess(wholeNumber, z.number("Give a whole number of days.").int().min(1, "Give at least 1 day's notice.").max(365, "Give at most 365 days' notice.")),
  keepAnonymisedMarks: z
    .union([z.boolean(), z.enum(["on", "true", "false"])])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type RetentionSettingsInput = z.input<typeof retentionSettingsSchema>;
