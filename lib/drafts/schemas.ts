import { z } from "zod";
import { PlanSchema } from "../planner/plan-schema";
import { boundedInt, revisionNumber } from "../validation/numbers";
import { idText, proseText } from "../validation/text";
import { MAX_DRAFT_CHARS, MAX_PASTES_PER_SAVE } from "./draft-limits";

const base = { assignmentId: idText(), baseRevision: revisionNumber() };

export const SaveDraftSchema = z.object({
  ...base,
  // A NUL or non-character from a paste is dropped rather than refusing the whole essay.
  text: proseText().max(MAX_DRAFT_CHARS, `A draft can be at most ${MAX_DRAFT_CHARS.toLocaleString("en-GB")} characters.`),
  // Set by the editor when this save carries an inserted outline or a large paste, so the
  // text before it stays in history as its own entry (lib/drafts/history-policy.ts).
  checkpoint: z.enum(["outline", "paste"]).optional(),
  // The size in characters of each paste since the last confirmed save (never the pasted
  // text), for the writing-process summary (lib/process/). Bounded so a client cannot flood it.
  pastes: z
    .array(boundedInt(1, MAX_DRAFT_CHARS, `A paste size is a whole number of characters from 1 to ${MAX_DRAFT_CHARS.toLocaleString("en-GB")}.`))
    .max(MAX_PASTES_PER_SAVE, `A save can carry at most ${MAX_PASTES_PER_SAVE} paste sizes.`)
    .optional(),
});
export type SaveDraftInput = z.input<typeof SaveDraftSchema>;

export const SavePlanSchema = z.object({ ...base, plan: PlanSchema });
export type SavePlanInput = z.input<typeof SavePlanSchema>;

export const RestoreRevisionSchema = z.object({ ...base, revisionId: idText() });
export const RevisionTextSchema = z.object({ assignmentId: base.assignmentId, revisionId: idText() });
// The editor always sends the text on screen; it is optional for callers that hand in the
// saved text as it stands (the seed, tests).
export const SubmitDraftSchema = z.object({ ...base, text: SaveDraftSchema.shape.text.optional() });
