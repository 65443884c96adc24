// Reads CSV as spreadsheets write it (RFC 4180): comma-separated, fields optionally in
// double quotes, "" for a quote inside one, quoted fields free to hold commas and line
// breaks. Records end at CRLF, LF or a lone CR (old Mac Excel's "CSV (Macintosh)").
//
// Each record keeps the physical line it starts on, so an importer can point a teacher at
// the row to fix even when an earlier quoted field spanned several lines.

export type CsvRecord = { line: number; fields: string[] };
export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: { line: number; message: string } };

export function parseCsv(text: string): CsvParseResult {
  // Excel's "CSV UTF-8" starts with a BOM; left in, it would become part of the first header.
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;

  while (i < input.length) {
    if (input[i] === '"') {
      const quoted = readQuoted(input, i, line);
      if (!quoted.ok) return quoted;
      fields.push(quoted.value);
      ({ end: i, line } = quoted);
      if (i < input.length && !isBreakOrComma(input[i])) {
        return fail(line, `Unexpected text after a closing quote. A field in quotes must end at its closing quote; write "" for a quote inside it.`);
      }
    } else {
      // A quote inside an unquoted field is kept as text, as spreadsheets do.
      let end = i;
      while (end < input.length && !isBreakOrComma(input[end])) end++;
      fields.push(input.slice(i, end));
      i = end;
    }

    if (input[i] === ",") {
      i++;
      continue;
    }
    records.push({ line: recordLine, fields });
    fields = [];
    if (input[i] === "\r" && input[i + 1] === "\n") i += 2;
    else i++;
    line++;
    recordLine = line;
  }
  // A comma as the very last character leaves one empty field still to close.
  if (fields.length) records.push({ line: recordLine, fields: [...fields, ""] });
  return { ok: true, records };
}

type Quoted = { ok: true; value: string; end: number; line: number };

// Reads the quoted field opening at `start`, counting the line breaks it spans.
function readQuoted(input: string, start: number, startLine: number): Quoted | Extract<CsvParseResult, { ok: false }> {
  let value = "";
  let line = startLine;
  let i = start + 1;
  for (;;) {
    const quote = input.indexOf('"', i);
    const chunk = quote === -1 ? input.slice(i) : input.slice(i, quote);
    value += chunk;
    line += countBreaks(chunk);
    if (quote === -1) {
      return fail(startLine, `A quoted field starting on this line is never closed: it needs a matching " before the end of the file.`);
    }
    if (input[quote + 1] !== '"') return { ok: true, value, end: quote + 1, line };
    value += '"';
    i = quote + 2;
  }
}

function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function isBreakOrComma(ch: string | undefined): boolean {
  return ch === "," || ch === "\r" || ch === "\n";
}

function fail(line: number, message: string): Extract<CsvParseResult, { ok: false }> {
  return { ok: false, error: { line, message } };
}
