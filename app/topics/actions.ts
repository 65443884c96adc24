"use server";

import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { importNotes, previewDocx, previewNotes } from "@/lib/notes/import-notes";
import { ImportDocxSchema, ImportNotesSchema } from "@/lib/notes/schemas";

export const previewNotesAction = safeAction("TEACHER", ImportNotesSchema, async (input, user) => previewNotes(user, input));

export const previewDocxAction = safeAction("TEACHER", ImportDocxSchema, async (input, user) => previewDocx(user, input));

export const importNotesAction = safeAction("TEACHER", ImportNotesSchema, async (input, user) => {
  const topic = await importNotes(user, input);
  redirect(`/topics/${topic.id}?imported=1`);
});
