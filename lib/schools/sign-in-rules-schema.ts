import { z } from "zod";
import { idText } from "../validation/text";

// The administrator's sign-in rules form (app/admin/[schoolId]/sign-in-section.tsx): four
// free-text lists, one value a line; each value is checked in lib/auth/oidc/admission.ts.
const list = () => z.string().max(10_000, "That list is too long.").refine((v) => !v.includes("\u0000"), "Remove the invisible characters.");

export const SignInRulesSchema = z.object({
  schoolId: idText("That school could not be found."),
  googleDomains: list().default(""),
  microsoftTenants: list().default(""),
  oidcDomains: list().default(""),
  staffDomains: list().default(""),
});
export type SignInRulesInput = z.infer<typeof SignInRulesSchema>;
