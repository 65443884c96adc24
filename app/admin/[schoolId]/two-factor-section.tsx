import type { SessionUser } from "@/lib/auth/sessions";
import { listStaffTwoFactor } from "@/lib/schools/two-factor-policy";
import { Badge, Card } from "@/components/ui/card";
import type { AdminSchool } from "./page";
import { StaffTwoFactorForm } from "./two-factor-policy-form";
import { ScrollBox } from "@/components/ui/scroll-box";

// The school's two-factor policy for staff and who has set it up (issue 14, decision 035).
// Staff join a school by signing in through its provider or from the command line; an
// administrator cannot add an existing account by email here (decision 035 says why).
export async function TwoFactorSection({ user, school }: { user: SessionUser; school: AdminSchool }) {
  const staff = await listStaffTwoFactor(user, school.id);
  const withPassword = staff.filter((s) => s.hasPassword);
  const enrolled = withPassword.filter((s) => s.enrolledAt).length;
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Two-factor for staff</h2>
      <p className="mt-1 text-sm text-slate-600">
        When required, teachers of {school.name} who sign in with a password must also enter a code from an authenticator app; anyone who has not set one
        up is asked to on their next page, you included. Signing in through the school&apos;s provider or LMS counts already. Students are never asked.
      </p>
      <div className="mt-4">
        <StaffTwoFactorForm schoolId={school.id} required={school.requireStaffMfa} />
      </div>
      <h3 className="mt-6 font-medium text-slate-900">Staff</h3>
      {staff.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No teacher accounts belong to this school yet.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600" data-testid="staff-two-factor-summary">
            {enrolled} of {withPassword.length} staff with a password have set up two-factor.
          </p>
          <ScrollBox label="Staff two-factor set-up" className="mt-2">
            <table className="w-full text-left text-sm" data-testid="staff-two-factor">
              <caption className="sr-only">Two-factor set-up of the school&apos;s teachers</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Email
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Two-factor
                  </th>
                </tr>
              </thead>
              <tbody>
                {staff.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100">
                    <td className="py-2 pr-4 text-slate-900">{s.name}</td>
                    <td className="py-2 pr-4 break-all text-slate-700">{s.email}</td>
                    <td className="py-2">
                      {!s.hasPassword ? (
                        <Badge>Signs in through the school</Badge>
                      ) : s.enrolledAt ? (
                        <Badge tone="green">Set up</Badge>
                      ) : (
                        <Badge tone={school.requireStaffMfa ? "amber" : "slate"}>Not set up</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </Card>
  );
}
