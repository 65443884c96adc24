// A save whose content the server already holds (at a newer revision) is answered as saved,
// not as a conflict: it happens when a keepalive save sent as the page closed lands after
// the reloaded page read the older revision, and the reloaded page then sends the same text.
// Comparing content, not revisions, keeps that retry idempotent and silent.

/** JSON with object keys sorted, so a value read back from a jsonb column (which reorders keys) compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const sameContent = (a: unknown, b: unknown) => a === b || canonical(a) === canonical(b);
