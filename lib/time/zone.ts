// Which time zone names the app accepts. Intl (built into Node and every browser) knows the
// IANA database, so validating a name is asking Intl to use it.

export const DEFAULT_TIME_ZONE = "Europe/London";

/**
 * The canonical IANA name for `name` ("europe/london" → "Europe/London"), or null when the
 * runtime does not know it. Fixed offsets such as "+01:00" are refused: a school's clocks
 * change for summer time, and an offset would silently stop following them.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!/^[A-Za-z]/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
