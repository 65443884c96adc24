// CSV for teachers' spreadsheets: RFC 4180 (CRLF records, quoted fields, doubled quotes),
// made safe to open in Excel, which both misreads UTF-8 without a BOM and runs formulas
// found in cells.

export type CsvValue = string | number | boolean | null | undefined | Date;

// A cell starting with one of these is read as a formula by Excel, Sheets and LibreOffice
// (OWASP "CSV Injection"; ASVS 1.2.10 adds NUL). Student-written text — an essay title, a
// name — reaches exports, so it must never run as =HYPERLINK(…) on a teacher's machine.
const FORMULA_START = /^[=+\-@\t\r\0]/;
// Look-alikes get past that test: a full-width ＝ (or small ﹦, ＋, ＠) that a spreadsheet or
// an import step may fold to its ASCII form, or a zero-width space, BOM or bidi mark in front
// of "=" that one may skip. Which of them each program and version folds or skips is not
// documented, so the check looks past every leading blank, control, format and
// default-ignorable character of the text's NFKC form; the cell is still written unchanged.
const LEADING_INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]+/u;

const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

export function startsLikeFormula(text: string): boolean {
  if (FORMULA_START.test(text)) return true;
  const visible = text.normalize("NFKC").replace(LEADING_INVISIBLE, "");
  return FORMULA_START.test(visible);
}

// Each record ends with CRLF, the last included: RFC 4180 allows it and line-based tools
// expect it. The BOM is on by default because Excel reads a BOM-less file as the local
// code page, turning "Zoë" into "ZoÃ«".
export function encodeCsv(rows: CsvValue[][], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(encodeField).join(",") + "\r\n").join("");
  return ((options.bom ?? true) ? "\uFEFF" : "") + body;
}

function encodeField(value: CsvValue): string {
  const text = fieldText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function fieldText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Invalid dates throw here (RangeError from toISOString): an export should not quietly
  // drop a date it was asked to carry.
  if (value instanceof Date) return value.toISOString();
  // Numbers are written as numbers, never escaped: -3 must stay a number the sheet can sum.
  // NaN and Infinity have no spreadsheet meaning, so they leave the cell empty.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return startsLikeFormula(value) ? `'${value}` : value;
}

const MAX_SLUG = 80;

// Letters NFKD does not take apart into a base letter and an accent.
const TRANSLITERATE: Record<string, string> = { ł: "l", ø: "o", đ: "d", ð: "d", þ: "th", ß: "ss", æ: "ae", œ: "oe", ı: "i" };

// A download name safe in any browser and file system: lower-case ASCII words joined by
// hyphens. Accents are folded (Zoë → zoe) rather than dropped; scripts with no ASCII form
// (李) vanish, and "export" stands in if nothing is left.
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .map((part) =>
      part
        .normalize("NFKD")
        .toLowerCase()
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^\p{ASCII}]/gu, (ch) => TRANSLITERATE[ch] ?? "-")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
  return `${shorten(slug) || "export"}.csv`;
}

// Cut at the last whole word that fits, unless one word alone is longer than the limit.
function shorten(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const wordEnd = slug[MAX_SLUG] === "-" ? MAX_SLUG : cut.lastIndexOf("-");
  return (wordEnd > 0 ? cut.slice(0, wordEnd) : cut).replace(/-+$/, "");
}
