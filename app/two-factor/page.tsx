import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { getTwoFactorStatus } from "@/lib/auth/two-factor/two-factor";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SignOutButton } from "../sign-out-button";
import { TwoFactorPanel } from "../account/two-factor-panel";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/**
 * Where a session waiting for its second factor is sent (lib/auth/current-user.ts): the code
 * after the password, or setting two-factor up when the school requires it of staff. A fully
 * signed-in visitor sees their two-factor settings and goes on, so the recovery codes shown
 * after setting it up here stay on the screen until they are saved.
 */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await getSignedInUser();
  if (!user) redirect("/sign-in");
  const { next: requested } = await searchParams;
  const wanted = safeNextPath(typeof requested === "string" ? requested : undefined);
  const next = wanted.startsWith("/two-factor") ? "/dashboard" : wanted;

  if (user.twoFactorGate === "verify") {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-1 text-2xl font-semibold">Enter your code</h1>
        <p className="mb-4 text-slate-700">Your account uses two-factor sign-in. Open your authenticator app and enter the code it shows for Extent.</p>
        <Card>
          <VerifyForm next={next} />
        </Card>
        <div className="mt-4 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          Not you, or no code to hand? <SignOutButton />
        </div>
      </div>
    );
  }

  const enrolling = user.twoFactorGate === "enrol";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-1 text-2xl font-semibold">{enrolling ? "Set up two-factor sign-in" : "Two-factor sign-in"}</h1>
      <p className="mb-4 text-slate-700" data-testid="two-factor-intro">
        {enrolling
          ? "Your school requires staff who sign in with a password to also use a code from an authenticator app. Set it up to continue."
          : "You are signed in."}
      </p>
      <Card>
        {user.role === "TEACHER" ? (
          <TwoFactorPanel status={await getTwoFactorStatus(user)} />
        ) : (
          <p className="text-sm text-slate-600">Two-factor sign-in is for staff accounts. There is nothing to set up for a student account.</p>
        )}
      </Card>
      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        {enrolling ? <SignOutButton /> : <ButtonLink href={next}>Continue</ButtonLink>}
      </div>
    </div>
  );
}
