// Checks uploaded or pasted notes before parsing, with messages written for a teacher.

/** 200 KB of UTF-8: far more than a topic's notes (the sample is ~16 KB), small enough to parse instantly. */
export const MAX_NOTES_BYTES = 200 * 1024;

/** A Word document, before conversion: sent base64-encoded in a server action, whose body Next caps at 1 MB. */
export const MAX_DOCX_BYTES = 640 * 1024;

export type NotesInputCheck = { ok: true; text: string } | { ok: false; error: string };

const NOT_TEXT = "This file looks like binary data, not text notes. Paste or upload a .txt or .md file.";
// Share of characters that may be control or undecodable before we call it binary. Real
// notes have none; a stray one from a copy-paste should not block an import.
const BINARY_SHARE = 0.02;

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

function tooBig(bytes: number): string {
  return `These notes are ${kilobytes(bytes)}, over the ${MAX_NOTES_BYTES / 1024} KB limit. Split them into smaller topics and import each one separately.`;
}

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const odd = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g)?.length ?? 0;
  return text.length > 0 && odd / text.length > BINARY_SHARE;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it puts curly quotes, dashes
// and the euro sign. Decoded by hand because Node builds without full ICU decode
// "windows-1252" as Latin-1 and leave those bytes as control characters.
const CP1252_HIGH =
  "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? "") : String.fromCharCode(b);
  return out;
}

/**
 * Decodes bytes as UTF-8. Files saved by older Windows editors are often Windows-1252:
 * when the bytes are not valid UTF-8 but are otherwise text-like, decode them that way
 * rather than turn curly quotes into replacement characters.
 */
function decode(bytes: Uint8Array): string {
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  if (!utf8.includes("\uFFFD") || looksBinary(utf8)) return utf8;
  // Valid multi-byte sequences elsewhere mean the file is UTF-8 with a few damaged bytes;
  // re-reading it as Windows-1252 would garble every correct character.
  if (/[^\x00-\x7F\uFFFD]/.test(utf8)) return utf8;
  return decodeWindows1252(bytes);
}

export function validateNotesInput(input: string | Uint8Array): NotesInputCheck {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input).length : input.length;
  if (bytes > MAX_NOTES_BYTES) return { ok: false, error: tooBig(bytes) };
  if (typeof input !== "string" && input.includes(0)) return { ok: false, error: NOT_TEXT };
  const decoded = typeof input === "string" ? input : decode(input);
  if (looksBinary(decoded)) return { ok: false, error: NOT_TEXT };
  const text = decoded.replace(/^\uFEFF/, "");
  if (!text.trim()) return { ok: false, error: "These notes are empty. Paste your notes or choose a .txt or .md file that has text in it." };
  return { ok: true, text };
}
