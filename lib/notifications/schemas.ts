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
