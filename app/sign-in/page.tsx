import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getSignedInUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { ProviderButtons } from "./provider-buttons";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string; from?: string; refused?: string }> }) {
  const { next: requested, signedOut, from, refused } = await searchParams;
  // Cleaned here too, so the form and the sign-up link carry only a path on this app.
  const next = typeof requested === "string" && requested ? safeNextPath(requested) : undefined;
  if (await getSignedInUser()) redirect(safeNextPath(requested));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Sign in</h1>
      {signedOut ? <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">You have signed out.</p> : null}
      {/* After a sign-up for an email that has an account. Worded so it does not say whether one exists (decision 010). */}
      {from === "sign-up" ? (
        <p role="status" data-testid="sign-up-not-created" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No new account was created. If you already have an Extent account with that email, sign in with it here; if not, go back and check the email
          address you typed.
        </p>
      ) : null}
      <Card>
        <SignInForm next={next} />
        <ProviderButtons next={next} refused={typeof refused === "string" ? refused : undefined} />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        New to Extent?{" "}
        <Link className="text-indigo-700 underline" href={`/sign-up${next ? `?next=${encodeURIComponent(next)}` : ""}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
