import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="mb-4 text-2xl font-semibold">Create an account</h1>
      <Card>
        <SignUpForm next={next} />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        Already have an account?{" "}
        <Link className="text-indigo-700 underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </div>
  );
}
