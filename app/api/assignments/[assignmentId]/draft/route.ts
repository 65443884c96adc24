import { jsonRoute } from "@/lib/actions/json-route";
import { saveDraft } from "@/lib/drafts/drafts";
import { SaveDraftSchema } from "@/lib/drafts/schemas";

// Autosave: 200 with { revision, savedAt, wordCount } (the text stays out: the client has
// it), or 409 with the newer text when the save was based on a stale revision (another tab
// or device saved first). A stale save of the very text the server holds is answered as
// saved (lib/autosave/same-content.ts).
export const PUT = jsonRoute(SaveDraftSchema, async (input, user) => {
  const result = await saveDraft(user, input);
  if (result.ok) return { body: result.draft };
  const { text, revision, savedAt, wordCount } = result.conflict;
  if (text === input.text) return { body: { revision, savedAt, wordCount } };
  return { status: 409, body: { error: "A newer version was saved in another tab or device.", current: result.conflict } };
});
