import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getSignedInUser } from "@/lib/auth/current-user";
import { getInvitation } from "@/lib/roster/invitations";
import { AcceptInvitationForm } from "./accept-invitation-form";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string; invite?: string }> }) {
  const { next, invite: token } = await searchParams;
  const user = await getSignedInUser();
  const invitation = token ? await getInvitation(token) : null;
  // Already signed in: a student with a live invitation joins with one click; anyone else goes home.
  if (user && !(user.role === "STUDENT" && invitation && token)) redirect("/dashboard");
  if (user && invitation && token) {
    return (
      <div className="mx-auto max-w-lg">
        <h1 className="mb-1 text-2xl font-semibold" data-testid="invitation-heading">
          Join {invitation.classroomName} ({invitation.teacherName})
        </h1>
        <p className="mb-4 text-slate-700">You are signed in as {user.name}. Join the class with this account?</p>
        <Card>
          <AcceptInvitationForm token={token} classroomName={invitation.classroomName} />
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg">
      {invitation ? (
        <>
          <h1 className="mb-1 text-2xl font-semibold" data-testid="invitation-heading">
            Join {invitation.classroomName} ({invitation.teacherName})
          </h1>
          <p className="mb-4 text-slate-700">Create your student account to join the class. You can change your name or email before you do.</p>
        </>
      ) : (
        <h1 className="mb-4 text-2xl font-semibold">Create an account</h1>
      )}
      {token && !invitation ? (
        <p role="status" data-testid="invitation-unusable" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This invitation link cannot be used: it has already been used, or your teacher withdrew it. You can still create an account below and join your
          class with the code your teacher gives you, or ask them for a new link.
        </p>
      ) : null}
      <Card>
        <SignUpForm
          next={invitation ? undefined : next}
          invitation={invitation && token ? { token, name: invitation.name, email: invitation.email } : undefined}
        />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        Already have an account?{" "}
        {/* Through an invitation, signing in comes back here to accept it (decision 012). */}
        <Link className="text-indigo-700 underline" href={invitation && token ? `/sign-in?next=${encodeURIComponent(`/sign-up?invite=${token}`)}` : "/sign-in"}>
          {invitation ? "Sign in to accept the invitation" : "Sign in"}
        </Link>
      </p>
    </div>
  );
}
