import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireSchoolAdmin } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { parseDomains, parseTenantIds } from "../auth/oidc/admission";
import type { SignInRulesInput } from "./sign-in-rules-schema";
import { recordAudit } from "../audit/record";

// A school's sign-in rules, for its administrators (decision 034): Google Workspace domains,
// Microsoft tenant ids, generic-provider email domains, and staff domains.

const FIELDS = {
  googleDomains: "GOOGLE_DOMAIN",
  microsoftTenants: "MICROSOFT_TENANT",
  oidcDomains: "OIDC_DOMAIN",
  staffDomains: "STAFF_DOMAIN",
} as const;
type Field = keyof typeof FIELDS;

export async function getSignInRules(user: SessionUser, schoolId: string): Promise<Record<Field, string[]>> {
  await requireSchoolAdmin(user, schoolId);
  const rows = await db().schoolSignInRule.findMany({ where: { schoolId }, orderBy: { value: "asc" }, select: { kind: true, value: true } });
  const out: Record<Field, string[]> = { googleDomains: [], microsoftTenants: [], oidcDomains: [], staffDomains: [] };
  for (const [field, kind] of Object.entries(FIELDS) as [Field, string][]) out[field] = rows.filter((r) => r.kind === kind).map((r) => r.value);
  return out;
}

/** Replaces the school's rules with what the form holds, all or nothing. */
export async function saveSignInRules(user: SessionUser, input: SignInRulesInput): Promise<void> {
  await requireSchoolAdmin(user, input.schoolId);
  const parsed = {
    googleDomains: parseDomains(input.googleDomains),
    microsoftTenants: parseTenantIds(input.microsoftTenants),
    oidcDomains: parseDomains(input.oidcDomains),
    staffDomains: parseDomains(input.staffDomains),
  };
  const fieldErrors = Object.fromEntries(Object.entries(parsed).filter(([, p]) => p.problems.length).map(([f, p]) => [f, p.problems]));
  if (Object.keys(fieldErrors).length) throw new AppError("Please fix the highlighted lists. Nothing was saved.", 422, fieldErrors);

  const wanted = (Object.keys(FIELDS) as Field[]).flatMap((f) => parsed[f].values.map((value) => ({ kind: FIELDS[f], value })));
  // A domain or tenant names one school: say which of these another school already lists.
  const taken = await db().schoolSignInRule.findMany({
    where: { schoolId: { not: input.schoolId }, OR: wanted.map((w) => ({ kind: w.kind, value: w.value })) },
    select: { kind: true, value: true },
  });
  if (wanted.length && taken.length) {
    const errors: Record<string, string[]> = {};
    for (const t of taken) {
      const field = (Object.keys(FIELDS) as Field[]).find((f) => FIELDS[f] === t.kind)!;
      (errors[field] ??= []).push(`${t.value} is already used by another school on this Extent.`);
    }
    throw new AppError("Some of these are another school's. Nothing was saved.", 409, errors);
  }
  try {
    await db().$transaction(async (tx) => {
      const before = await tx.schoolSignInRule.findMany({ where: { schoolId: input.schoolId }, orderBy: [{ kind: "asc" }, { value: "asc" }], select: { kind: true, value: true } });
      await tx.schoolSignInRule.deleteMany({ where: { schoolId: input.schoolId } });
      await tx.schoolSignInRule.createMany({ data: wanted.map((w) => ({ ...w, schoolId: input.schoolId })) });
      const after = [...wanted].sort((a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value));
      await recordAudit(tx, { action: "SCHOOL_SETTINGS_CHANGED", actorId: user.id, schoolId: input.schoolId, detail: { setting: "sign-in rules" }, before: { rules: before }, after: { rules: after } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("Another school claimed one of these a moment ago. Nothing was saved; reload and check.", 409);
    throw e;
  }
}
