import { z } from "zod";
import { KINDS } from "./kinds";

// Shared by the actions and the routes that change notifications (decision 047).

const kindEnum = z.enum(KINDS.map((k) => k.kind) as [string, ...string[]]);

/** The preferences form: the kinds ticked for email. Kinds not the person's are refused by the caller. */
export const EmailPreferencesSchema = z.object({
  email: z.array(kindEnum).max(KINDS.length),
});

export const MarkReadSchema = z.object({
  ids: z.array(z.string().min(1).max(100)).min(1).max(100),
});

export const NotificationIdSchema = z.object({ id: z.string().min(1).max(100) });

/**
 * The preferences form as posted: one `email` field per ticked box, so none, one (a string)
 * or several (an array) arrive; all three read as a list. "None ticked" sends no field at
 * all, so the form also sends `form`: a body without it (empty, or anything else) is refused
 * instead of read as "turn every email off".
 */
export const EmailPreferencesFormSchema = z.object({
  form: z.literal("email-preferences", { message: "This form could not be read. Reload the page and try again." }),
  email: z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(kindEnum, { message: "Choose from the kinds of email listed." }).max(KINDS.length)),
});

/** The unsubscribe page's "Stop these emails": the token from the link (checked by lib/notifications/preferences.ts). */
export const UnsubscribeFormSchema = z.object({ token: z.string().min(1, "This unsubscribe link is not valid.").max(300, "This unsubscribe link is not valid.") });

export const NoFieldsSchema = z.object({});
