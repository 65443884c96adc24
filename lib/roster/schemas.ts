import { z } from "zod";
import { IdSchema } from "../classes/schemas";
import { proseText } from "../validation/text";

// What the roster form sends. The CSV text itself is checked by parseRoster (size, header,
// every row), so a teacher gets each problem against its line, not a schema error.
export const ImportRosterSchema = z.object({
  classroomId: IdSchema,
  csv: proseText(),
});
export type ImportRosterInput = z.input<typeof ImportRosterSchema>;

export const RevokeInvitationSchema = z.object({ invitationId: IdSchema });

// Invitation tokens are 32 random bytes in base64url: 43 characters.
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const AcceptInvitationSchema = z.object({ token: z.string().regex(INVITATION_TOKEN, "That invitation link is not complete: copy the whole link.") });

/** A student answering an invitation on their dashboard names it by id; it must be addressed to them. */
export const AnswerInvitationSchema = z.object({ invitationId: IdSchema });
