"use server";

import { safeAction } from "@/lib/actions/safe-action";
import { setParagraphLink } from "@/lib/drafts/paragraph-links";
import { SetParagraphLinkSchema } from "@/lib/drafts/paragraph-link-schema";

// The coverage panel's one write: a paragraph's link set by hand. Not revalidated: the panel
// holds the links it was answered with, and the page reads them on its next load.
export const setParagraphLinkAction = safeAction("STUDENT", SetParagraphLinkSchema, async (input, user) => setParagraphLink(user, input));
