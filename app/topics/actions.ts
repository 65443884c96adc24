"use server";

import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { importNotes, previewNotes } from "@/lib/notes/import-notes";
import { ImportNotesSchema } from "@/lib/notes/schemas";

export const previewNotesAction = safeAction("TEACHER", ImportNotesSchema, async (input, user) => previewNotes(user, input));

export const importNotesAction = safeAction("TEACHER", ImportNotesSchema, async (input, user) => {
  const topic = await importNotes(user, input);
  redirect(`/topics/${topic.id}?imported=1`);
});
