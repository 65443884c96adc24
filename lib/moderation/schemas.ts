import { z } from "zod";
import { teacherEmail } from "../classes/schemas";
import { boundedInt } from "../validation/numbers";
import { idText, lineText, proseText } from "../validation/text";

// Input shapes for moderation, shared by the server actions and lib/moderation (which
// re-parses, so every schema accepts its own output). Forms send strings: whole numbers are
// read from them here, and the per-criterion level fields ("level.<criterionId>") are
// gathered into `levels`.

const id = idText();

/** A whole number from a form field or a number; "" is left for `optional` to treat as absent. */
const formInt = (min: number, max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v), boundedInt(min, max, message));
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ChooseSampleSchema = z
  .object({
    assignmentId: id,
    method: z.enum(["ALL", "RANDOM", "SPREAD"], "Choose how to sample."),
    percent: z.preprocess(blankToUndefined, formInt(1, 100, "Give a percentage from 1 to 100.").optional()),
    perGroup: z.preprocess(blankToUndefined, formInt(1, 100, "Give a number from 1 to 100 for each group.").optional()),
  })
  .refine((v) => v.method !== "RANDOM" || v.percent !== undefined, { path: ["percent"], message: "Give the percentage to sample." })
  .refine((v) => v.method !== "SPREAD" || v.perGroup !== undefined, { path: ["perGroup"], message: "Say how many essays to take from each group." });
export type ChooseSampleInput = z.input<typeof ChooseSampleSchema>;

const criterionId = lineText().min(1).max(80);
const level = formInt(0, 50, "Choose a level.");

/** Gathers form fields named level.<criterionId> into `levels`, dropping the ones left unchosen. */
function gatherLevels(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || "levels" in raw) return raw;
  const levels: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("level.")) {
      if (value !== "" && value !== undefined) levels[key.slice("level.".length)] = value;
    } else rest[key] = value;
  }
  return { ...rest, levels };
}

const marks = {
  assignmentId: id,
  studentId: id,
  levels: z.record(criterionId, level).refine((r) => Object.keys(r).length <= 20, "Too many criteria."),
  // Holistic and strands rubrics: the total inside the band (optional; the suggested mark otherwise).
  total: z.preprocess(blankToUndefined, formInt(0, 1000, "Give the total as a whole number of marks.").optional()),
};

export const SecondMarkingSchema = z.preprocess(gatherLevels, z.object(marks));
export type SecondMarkingInput = z.input<typeof SecondMarkingSchema>;

export const AgreeMarkSchema = z.preprocess(
  gatherLevels,
  z.object({
    ...marks,
    reason: proseText().trim().min(1, "Say why this is the agreed mark.").max(2000, "Keep the reason under 2,000 characters."),
  }),
);
export type AgreeMarkInput = z.input<typeof AgreeMarkSchema>;

// A head invites a teacher to their department by the email the teacher signs in with.
export const InviteToDepartmentSchema = z.object({ departmentId: id, email: teacherEmail });
export type InviteToDepartmentInput = z.input<typeof InviteToDepartmentSchema>;
export const DepartmentInvitationIdSchema = z.object({ invitationId: id });
