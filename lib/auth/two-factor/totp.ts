import { Secret, TOTP } from "otpauth";

// Time-based codes (RFC 6238) through otpauth, with the settings every authenticator app
// reads: SHA-1, 6 digits, 30-second steps (docs/decisions/035-two-factor.md). Pure: the
// caller passes the time, so the window and replay rules are unit-tested without waiting.

export const ISSUER = "Extent";
const PERIOD = 30;
/** One step either side: a phone clock a little off, or a code typed as it changes. */
const WINDOW = 1;

const totpFor = (secretBase32: string, label = "") =>
  new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

/** A new 160-bit secret (RFC 4226's recommended length), as base32 for apps and storage. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totpFor(secretBase32, accountEmail).toString();
}

/** The manual key, in groups of four so it can be read out and typed. */
export function groupedKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, "$1 ");
}

/** A six-digit code as a person may type it ("123 456", "123-456"), or null. */
export function normaliseTotpCode(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code belongs to, when it is right for now or one step either side; null
 * when it is wrong. Replay is the caller's rule: a step at or before the last one accepted
 * is refused (see isFreshStep), so a code cannot be used twice within its window.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const token = normaliseTotpCode(code);
  if (!token) return null;
  const totp = totpFor(secretBase32);
  const timestamp = now.getTime();
  const delta = totp.validate({ token, timestamp, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/** A step may be accepted only if it is later than the last one accepted. */
export function isFreshStep(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}

/** The code for a moment (tests, and the browser test's "authenticator app"). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}
