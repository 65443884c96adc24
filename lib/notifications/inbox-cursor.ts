import { ID_PATTERN } from "../validation/text";

// The inbox's "Older notifications" link (decision 047): `?before=` names the last item shown,
// by its time and id, so the next page starts exactly after it even when several
// notifications share a millisecond. Pure, so anything a person can type in the address bar
// is unit-tested to read as a cursor or as "the first page", never as an error.

export type InboxCursor = { at: Date; id: string | null };

export function cursorParam(item: { createdAt: Date; id: string }): string {
  return `${item.createdAt.toISOString()}_${item.id}`;
}

/** `?before=` as a cursor; anything else (missing, repeated, malformed, out of range) is the first page. */
export function parseCursor(raw: unknown): InboxCursor | null {
  if (typeof raw !== "string" || raw.length > 120) return null;
  const [iso, id, extra] = raw.split("_");
  if (!iso || extra !== undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(iso)) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  if (id !== undefined && !ID_PATTERN.test(id)) return null;
  return { at, id: id ?? null };
}
