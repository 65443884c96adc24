import { z } from "zod";
import { parseCsv, type CsvRecord } from "../csv/parse-csv";

// Reads a class list a teacher uploads: a CSV exported from the school's MIS or typed into a
// spreadsheet, one student a row. Nothing is imported unless every row is good, so every
// problem is reported at once, each against the line the teacher will find it on.

export type RosterRow = { line: number; name: string; email: string };
export type RosterError = { line: number; message: string };
export type RosterResult = { ok: true; rows: RosterRow[] } | { ok: false; errors: RosterError[] };

// A roster of 2,000 students is well under 200 KB; anything near the limit is the wrong file.
export const MAX_ROSTER_BYTES = 500 * 1024;
export const MAX_ROSTER_ROWS = 2000;
export const MAX_NAME_LENGTH = 100;

const EmailSchema = z.email();

// Header names compared by their letters only, so "E-mail", "Email_Address" and
// "FIRST NAME" all match.
const HEADERS = {
  full: ["name", "fullname", "studentname", "pupilname"],
  first: ["firstname", "forename", "forenames", "givenname"],
  last: ["lastname", "surname", "familyname"],
  email: ["email", "emailaddress", "studentemail", "pupilemail"],
};

type Columns = { email: number; name: { full: number } | { first: number; last: number } };

export function parseRoster(csvText: string): RosterResult {
  if (utf8Bytes(csvText) > MAX_ROSTER_BYTES) {
    return failure(0, "The file is too large: a class list can be at most 500 KB. Keep just the name and email columns, or split the class across files.");
  }
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return failure(parsed.error.line, parsed.error.message);

  // Spreadsheets leave empty rows as blank lines or as lines of bare commas.
  const [header, ...records] = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!header) return failure(1, "The file is empty. It needs a header row (Name, Email) and then one row for each student.");
  const columns = findColumns(header);
  if (typeof columns === "string") return failure(header.line, columns);
  if (records.length === 0) return failure(header.line, "The file has a header row but no students below it.");
  const overflow = records[MAX_ROSTER_ROWS];
  if (overflow) {
    return failure(overflow.line, `The file lists ${records.length.toLocaleString("en-GB")} students; at most ${MAX_ROSTER_ROWS.toLocaleString("en-GB")} can be imported at once. Split it into smaller files.`);
  }

  const rows: RosterRow[] = [];
  const errors: RosterError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const { name, email, problems } = readRow(record, columns);
    const earlier = email ? firstLineOf.get(email) : undefined;
    if (earlier !== undefined) problems.push(`${email} is also on line ${earlier}.`);
    else if (email) firstLineOf.set(email, record.line);
    if (problems.length) errors.push(...problems.map((message) => ({ line: record.line, message })));
    else rows.push({ line: record.line, name, email });
  }
  // Records come in file order, so the errors are already sorted by line.
  if (errors.length) return { ok: false, errors };
  return { ok: true, rows };
}

// email is "" unless the address is valid, so only valid addresses are checked for repeats.
function readRow(record: CsvRecord, columns: Columns): { name: string; email: string; problems: string[] } {
  const cell = (index: number) => record.fields[index] ?? "";
  const rawName = "full" in columns.name ? cell(columns.name.full) : `${cell(columns.name.first)} ${cell(columns.name.last)}`;
  const name = rawName.replace(/\s+/g, " ").trim();
  const rawEmail = cell(columns.email).trim();
  const problems: string[] = [];

  if (!name) problems.push("The name is missing.");
  const length = Array.from(name).length;
  if (length > MAX_NAME_LENGTH) problems.push(`The name is ${length} characters long; the limit is ${MAX_NAME_LENGTH}.`);

  const email = rawEmail.toLowerCase();
  const valid = EmailSchema.safeParse(email).success;
  if (!rawEmail) problems.push("The email address is missing.");
  else if (!valid) problems.push(`"${rawEmail}" is not a valid email address.`);
  return { name, email: valid ? email : "", problems };
}

// Returns the columns to read, or a message saying what the header lacks.
function findColumns(header: CsvRecord): Columns | string {
  const keys = header.fields.map((f) => f.toLowerCase().replace(/[^a-z]/g, ""));
  const find = (aliases: string[]) => keys.findIndex((k) => aliases.includes(k));
  const [full, first, last, email] = [find(HEADERS.full), find(HEADERS.first), find(HEADERS.last), find(HEADERS.email)];
  const name = full >= 0 ? { full } : first >= 0 && last >= 0 ? { first, last } : null;
  if (name && email >= 0) return { name, email };

  const missing = [!name && "a Name column (or First name and Last name columns)", email < 0 && "an Email column"].filter(Boolean).join(" and ");
  const found = header.fields.map((f) => f.trim()).filter(Boolean).join(", ");
  return `The first row must name the columns: it needs ${missing}. It has: ${found}.${headerHint(header)}`;
}

// The two usual ways a header goes wrong: no header at all, or a file saved with another
// separator (European Excel writes semicolons), which arrives as one long column.
function headerHint(header: CsvRecord): string {
  if (header.fields.some((f) => f.includes("@"))) return " This row looks like a student: add a header row above it.";
  if (header.fields.length === 1 && /[;\t]/.test(header.fields[0] ?? "")) {
    return " The columns seem to be separated by semicolons or tabs: save the file as CSV (comma-separated).";
  }
  return "";
}

function utf8Bytes(text: string): number {
  // Every UTF-16 unit is at least one UTF-8 byte, so a long string is too large without
  // encoding it.
  if (text.length > MAX_ROSTER_BYTES) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

function failure(line: number, message: string): RosterResult {
  return { ok: false, errors: [{ line, message }] };
}
