/** How much of an entry's text the history list shows before it is opened. */
export const PREVIEW_CHARS = 160;

/**
 * The opening of an entry's text on one line, cut at a word where one is near, so the list
 * can show every entry without sending every full text. `text` may already be cut short
 * by the query (a little over PREVIEW_CHARS), which is why the ellipsis is decided here.
 */
export function revisionPreview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= PREVIEW_CHARS) return flat;
  const cut = flat.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > PREVIEW_CHARS * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
