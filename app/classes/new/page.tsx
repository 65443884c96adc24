import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { NewClassForm } from "./new-class-form";

export const metadata: Metadata = { title: "New class" };

export default async function NewClassPage() {
  await requireUserPage("TEACHER");
  return (
    <div className="max-w-xl">
      <PageHeader title="New class" description="Students join with a short code you will see on the next page." />
      <Card>
        <NewClassForm />
      </Card>
    </div>
  );
}
