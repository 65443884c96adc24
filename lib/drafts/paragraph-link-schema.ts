import { z } from "zod";
import { LINK_LIMITS, PARAGRAPH_KEY_PATTERN, ROLE_TARGETS } from "../coverage/links";
import { ID_PATTERN, idText } from "../validation/text";

// One paragraph's link, set by hand in the coverage panel: to a factor of the plan (its id),
// to a role, or null to hand the paragraph back to the automatic match.
export const SetParagraphLinkSchema = z.object({
  assignmentId: idText(),
  key: z.string().max(LINK_LIMITS.key).regex(PARAGRAPH_KEY_PATTERN, "That is not a paragraph of your essay."),
  target: z.union([z.enum(ROLE_TARGETS), z.string().max(64).regex(ID_PATTERN, "Choose a factor from your plan.")]).nullable(),
});
export type SetParagraphLinkInput = z.input<typeof SetParagraphLinkSchema>;
