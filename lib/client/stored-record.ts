/**
 * A JSON object read back from this browser's storage, or null for anything else: nothing
 * stored, another version's format, a hand edit, a full disk's half write. Callers then check
 * the fields they need by hand, which keeps zod out of the browser (decision 018).
 */
export function storedRecord(raw: string | null | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
