import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/schemas";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string }> }) {
  const { next, signedOut } = await searchParams;
  if (await getCurrentUser()) redirect(safeNextPath(next));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Sign in</h1>
      {signedOut ? <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">You have signed out.</p> : null}
      <Card>
        <SignInForm next={next} />
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
