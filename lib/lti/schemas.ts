import { z } from "zod";
import { idText, lineText } from "../validation/text";
import { SetAssignmentSchema } from "../assignments/schemas";

// Shared by the admin section's forms and their actions (decision 036).

const message = "Give the full address, starting with https:// (http:// only for a test LMS on this machine).";
const platformUrl = z
  .string()
  .trim()
  .max(500, "That address is too long.")
  .refine((v) => {
    if (!URL.canParse(v)) return false;
    const u = new URL(v);
    return u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1"].includes(u.hostname));
  }, message);
const platformId = (what: string) =>
  lineText()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(255, `The ${what} is at most 255 characters.`);

export const AddRegistrationSchema = z.object({
  schoolId: idText(),
  label: lineText().trim().max(80, "Keep the name under 80 characters.").default(""),
  issuer: platformUrl,
  clientId: platformId("client ID"),
  deploymentId: platformId("deployment ID"),
  authUrl: platformUrl,
  tokenUrl: platformUrl,
  jwksUrl: platformUrl,
});
export type AddRegistrationInput = z.input<typeof AddRegistrationSchema>;

export const AddDeploymentSchema = z.object({ schoolId: idText(), registrationId: idText(), deploymentId: platformId("deployment ID") });
export const RemoveRegistrationSchema = z.object({ schoolId: idText(), registrationId: idText() });
export const RemoveDeploymentSchema = z.object({ schoolId: idText(), deploymentId: idText() });
export const SyncRosterSchema = z.object({ classroomId: idText() });

// The assignment's own fields, as the class's "Set an assignment" form takes them; the class
// is the one the Deep Linking request was made in.
export const ChooseDeepLinkSchema = SetAssignmentSchema.omit({ classroomId: true }).extend({ requestId: idText() });
export type ChooseDeepLinkInput = z.input<typeof ChooseDeepLinkSchema>;
