import { addSchoolAdmin } from "../lib/schools/internal/schools";

// The demo school (decisions 033, 034): Mr Okoro administers it, as `npm run school -- admin`
// would make him, so a newcomer can open /admin and see the sign-in settings. It lists no
// domains or tenants: no provider admits anyone until an administrator says whom.
export const DEMO_SCHOOL = "Extent Demo School";

export async function seedSchool(adminEmail: string): Promise<void> {
  await addSchoolAdmin(DEMO_SCHOOL, adminEmail);
}
