import { z } from "zod";
import { boundedInt } from "../validation/numbers";
import { lineText, proseText, stripForbidden } from "../validation/text";
import { MAX_DOCX_BYTES } from "./validate-notes";

export const HeadingFixSchema = z.object({
  lineNo: boundedInt(1, 1_000_000),
  kind: z.enum(["heading", "point"]),
  level: z.number().int().min(1).max(4).optional(),
  text: proseText().trim().min(1, "A heading cannot be empty.").max(200).optional(),
});

// What the import form sends. The notes text itself is checked by validateNotesInput
// (size, binary, empty) so a teacher gets a specific message, not a schema error: a NUL
// means "this is a binary file", which is more use to a teacher than silently dropping it.
// Other non-characters are dropped here, before that check.
export const ImportNotesSchema = z.object({
  text: z.string().overwrite((s) => s.split("\u0000").map(stripForbidden).join("\u0000")),
  format: z.enum(["auto", "text", "markdown"]).default("auto"),
  title: lineText().trim().max(120, "Keep the title under 120 characters.").optional(),
  // An uploaded file's name, for a title when the notes have none.
  fileName: proseText().max(255).optional(),
  // Forms send the corrections as JSON; lib callers may pass the array itself. Accepting
  // both keeps the schema idempotent, so lib/ can re-validate what an action already parsed.
  fixes: z
    .union([
      z.array(HeadingFixSchema).max(2000),
      z.string().transform((s, ctx) => {
        if (!s) return [];
        try {
          return z.array(HeadingFixSchema).max(2000).parse(JSON.parse(s));
        } catch {
          ctx.addIssue({ code: "custom", message: "The heading corrections could not be read. Reload the preview and try again." });
          return z.NEVER;
        }
      }),
    ])
    .optional()
    .transform((v) => v ?? []),
});
export type ImportNotesInput = z.input<typeof ImportNotesSchema>;

// A .docx from the import form, base64-encoded (server actions carry JSON-like values; the
// action body is capped at 1 MB, which base64 of MAX_DOCX_BYTES stays under). The size
// message is checked here from the encoded length so an oversized file is refused before
// anything is decoded; the bytes themselves are checked by docxToMarkdown.
const MAX_DOCX_BASE64 = Math.ceil(MAX_DOCX_BYTES / 3) * 4;
export const ImportDocxSchema = z.object({
  docx: z
    .string()
    .min(1, "Choose a Word document to upload.")
    .max(MAX_DOCX_BASE64, `This Word document is over the ${MAX_DOCX_BYTES / 1024} KB limit. Save a copy without pictures, or split it into smaller topics.`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file did not arrive intact. Choose it again."),
  fileName: proseText().max(255).optional(),
});
export type ImportDocxInput = z.input<typeof ImportDocxSchema>;
