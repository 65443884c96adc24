import { describe, expect, it } from "vitest";
import { getSignInRules, saveSignInRules } from "@/lib/schools/sign-in-rules";
import { SignInRulesSchema } from "@/lib/schools/sign-in-rules-schema";
import { addSchoolAdmin } from "@/lib/schools/internal/schools";
import { isAppError } from "@/lib/errors";
import { makeTeacher } from "../factories";
import { statusOf } from "./refusal-status";

// Decision 034: a school's administrator sets which domains and tenants its providers admit.

const TENANT = "11111111-2222-3333-4444-555555555555";
const form = (schoolId: string, lists: Partial<Record<"googleDomains" | "microsoftTenants" | "oidcDomains" | "staffDomains", string>>) =>
  SignInRulesSchema.parse({ schoolId, ...lists });

describe("a school's sign-in rules", () => {
  it("are saved from the form, replaced on the next save, and read back", async () => {
    const admin = await makeTeacher();
    const { school } = await addSchoolAdmin("Hillside", admin.email);
    await saveSignInRules(admin, form(school.id, { googleDomains: "Hillside.example\nstaff.hillside.example", microsoftTenants: TENANT, staffDomains: "staff.hillside.example" }));
    expect(await getSignInRules(admin, school.id)).toEqual({
      googleDomains: ["hillside.example", "staff.hillside.example"],
      microsoftTenants: [TENANT],
      oidcDomains: [],
      staffDomains: ["staff.hillside.example"],
    });
    await saveSignInRules(admin, form(school.id, { oidcDomains: "hillside.example" }));
    expect(await getSignInRules(admin, school.id)).toEqual({ googleDomains: [], microsoftTenants: [], oidcDomains: ["hillside.example"], staffDomains: [] });
  });

  it("refuse bad values field by field and save nothing", async () => {
    const admin = await makeTeacher();
    const { school } = await addSchoolAdmin("Hillside", admin.email);
    const e = await saveSignInRules(admin, form(school.id, { googleDomains: "hillside.example\nnot a domain", microsoftTenants: "hillside.onmicrosoft.com" })).catch((x: unknown) => x);
    expect(isAppError(e) && e.status).toBe(422);
    expect(isAppError(e) && Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["googleDomains", "microsoftTenants"]);
    expect((await getSignInRules(admin, school.id)).googleDomains).toEqual([]);
  });

  it("refuse a domain or tenant another school already lists", async () => {
    const a = await makeTeacher();
    const b = await makeTeacher();
    const { school: hillside } = await addSchoolAdmin("Hillside", a.email);
    const { school: riverside } = await addSchoolAdmin("Riverside", b.email);
    await saveSignInRules(a, form(hillside.id, { microsoftTenants: TENANT }));
    const e = await saveSignInRules(b, form(riverside.id, { microsoftTenants: TENANT, googleDomains: "riverside.example" })).catch((x: unknown) => x);
    expect(isAppError(e) && e.status).toBe(409);
    expect(isAppError(e) && e.fieldErrors).toEqual({ microsoftTenants: [`${TENANT} is already used by another school on this Extent.`] });
    expect((await getSignInRules(b, riverside.id)).googleDomains).toEqual([]);
  });

  it("are not found for anyone but the school's administrators", async () => {
    const admin = await makeTeacher();
    const other = await makeTeacher();
    const { school } = await addSchoolAdmin("Hillside", admin.email);
    expect(await statusOf(getSignInRules(other, school.id))).toBe(404);
    expect(await statusOf(saveSignInRules(other, form(school.id, { googleDomains: "evil.example" })))).toBe(404);
    expect((await getSignInRules(admin, school.id)).googleDomains).toEqual([]);
  });
});
