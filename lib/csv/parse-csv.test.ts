import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";

function records(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`expected to parse: ${result.error.message}`);
  return result.records;
}
const fields = (text: string) => records(text).map((r) => r.fields);

describe("parseCsv", () => {
  it("splits plain records on commas and any line ending", () => {
    expect(fields("a,b\r\nc,d\ne,f\rg,h")).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
    expect(records("a\nb\r\nc").map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it("adds no record for a final line break but keeps trailing empty fields", () => {
    expect(fields("a,b\r\n")).toEqual([["a", "b"]]);
    expect(fields("a,")).toEqual([["a", ""]]);
    expect(fields("a,\n")).toEqual([["a", ""]]);
    expect(fields(",,")).toEqual([["", "", ""]]);
    expect(fields("")).toEqual([]);
  });

  it("keeps blank lines as one-empty-field records, on their own line numbers", () => {
    expect(records("a\n\nb")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["b"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(fields('"Smith, Jo","say ""hi""",""')).toEqual([["Smith, Jo", 'say "hi"', ""]]);
    expect(fields('"a\r\nb",c\n"d\ne"')).toEqual([["a\r\nb", "c"], ["d\ne"]]);
    expect(fields('""""')).toEqual([['"']]);
  });

  it("numbers records by the physical line they start on", () => {
    const text = 'h1,h2\n"two\nline",x\r\n"three\r\n\r\nlines",y\nlast,z';
    expect(records(text).map((r) => r.line)).toEqual([1, 2, 4, 7]);
  });

  it("counts a break split by a doubled quote as the breaks it is", () => {
    // CR, then "" (a quote), then LF: two physical line breaks, not one CRLF, so "next" is on line 4.
    expect(records('"a\r""\nb",c\nnext').map((r) => r.line)).toEqual([1, 4]);
  });

  it("strips a leading BOM only", () => {
    expect(fields("\uFEFFname,email")).toEqual([["name", "email"]]);
    expect(fields("a,\uFEFFb")).toEqual([["a", "\uFEFFb"]]);
  });

  it("keeps stray quotes inside unquoted fields as text", () => {
    expect(fields('Tom "Tommy" Smith,x')).toEqual([['Tom "Tommy" Smith', "x"]]);
    expect(fields(' "padded",x')).toEqual([[' "padded"', "x"]]);
  });

  it("reports an unterminated quote on the line where it opened", () => {
    const result = parseCsv('name,email\nAda,a@x.org\n"Ben,\nb@x.org\nCleo,c@x.org');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBe(3);
      expect(result.error.message).toMatch(/never closed/);
    }
  });

  it("reports text after a closing quote on its line", () => {
    expect(parseCsv('a\n"multi\nline"x,b')).toEqual({ ok: false, error: { line: 3, message: expect.stringMatching(/after a closing quote/) } });
  });
});
