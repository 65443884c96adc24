import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { getSignedInUser } from "@/lib/auth/current-user";

export default async function Home() {
  if (await getSignedInUser()) redirect("/dashboard");
  return (
    <div className="mx-auto max-w-3xl py-10">
      <h1 className="font-serif text-4xl font-semibold tracking-tight text-slate-900">Weigh the factors. Reach a judgement.</h1>
      <p className="mt-4 text-lg text-slate-700">
        Extent helps history students plan and draft “To what extent…?” and “How far…?” essays, and helps teachers set questions, annotate
        drafts against the mark scheme and follow a whole class’s progress.
      </p>
      <div className="mt-8 flex gap-3">
        <ButtonLink href="/sign-up">Create an account</ButtonLink>
        <ButtonLink href="/sign-in" variant="secondary">
          Sign in
        </ButtonLink>
      </div>
    </div>
  );
}
