import { describe, expect, it } from "vitest";
import { csvFileName, encodeCsv, type CsvValue } from "./encode-csv";
import { parseCsv } from "./parse-csv";

const plain = (rows: CsvValue[][]) => encodeCsv(rows, { bom: false });

describe("encodeCsv", () => {
  it("writes CRLF records with a BOM by default", () => {
    expect(encodeCsv([["Name", "Mark"], ["Ada", 12]])).toBe("\uFEFFName,Mark\r\nAda,12\r\n");
    expect(plain([["a"], ["b"]])).toBe("a\r\nb\r\n");
    expect(encodeCsv([])).toBe("\uFEFF");
    expect(plain([])).toBe("");
  });

  it("keeps UTF-8 names as they are", () => {
    expect(plain([["Zoë", "Łukasz", "李"]])).toBe("Zoë,Łukasz,李\r\n");
  });

  it("quotes fields holding commas, quotes, line breaks or edge spaces", () => {
    expect(plain([["Smith, Jo"]])).toBe('"Smith, Jo"\r\n');
    expect(plain([['The "Great" War']])).toBe('"The ""Great"" War"\r\n');
    expect(plain([["line one\nline two", "cr\rhere", "crlf\r\nhere"]])).toBe('"line one\nline two","cr\rhere","crlf\r\nhere"\r\n');
    expect(plain([[" padded", "trailing ", "in side"]])).toBe('" padded","trailing ",in side\r\n');
    expect(plain([['"']])).toBe('""""\r\n');
  });

  it("writes empty cells for null and undefined, ISO dates, and plain booleans", () => {
    expect(plain([[null, undefined, "", new Date("2026-03-10T09:30:00Z"), true, false]])).toBe(",,,2026-03-10T09:30:00.000Z,true,false\r\n");
    expect(() => plain([[new Date("not a date")]])).toThrow(RangeError);
  });

  it("writes numbers untouched, even negative ones", () => {
    expect(plain([[-3, 0, 2.5, -0, 1e21]])).toBe("-3,0,2.5,0,1e+21\r\n");
    expect(plain([[Number.NaN, Number.POSITIVE_INFINITY]])).toBe(",\r\n");
  });

  it("defuses strings a spreadsheet would run as formulas", () => {
    expect(plain([["=HYPERLINK(\"http://x\")", "+1", "-3", "@SUM(A1)"]])).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-3,'@SUM(A1)\r\n`);
    expect(plain([["\t=1+1"]])).toBe("'\t=1+1\r\n");
    expect(plain([["\r=1+1"]])).toBe(`"'\r=1+1"\r\n`);
    expect(plain([["=1,2"]])).toBe(`"'=1,2"\r\n`);
    // Only the first character matters.
    expect(plain([["a=b", "1-2", "Ada @ school"]])).toBe("a=b,1-2,Ada @ school\r\n");
  });

  it("defuses full-width and small look-alikes of the formula characters", () => {
    for (const text of ["＝HYPERLINK(\"http://x\")", "﹦1+1", "＋1", "﹢1", "－3", "﹣3", "＠SUM(A1)", "﹫SUM(A1)"]) {
      expect(plain([[text]]), text).toMatch(/^"?'/);
    }
    expect(plain([["＝1+1"]])).toBe("'＝1+1\r\n");
  });

  it("looks past invisible and blank characters in front of a formula", () => {
    const hidden = ["\u200B=1+1", "\uFEFF=1+1", "\u200E=1", "\u202E+1", "\u2060@SUM(A1)", "\u00AD-3", "\u034F=1", "\u180E=1", "\u3164=1", " =1+1", "\u00A0=1", "\u3000＝1", "\n=1", "\u0001=1", "\u200B\u200C\u200D\uFEFF＝1"];
    for (const text of hidden) {
      expect(plain([[text]]), JSON.stringify(text)).toMatch(/^"?'/);
    }
    // Written unchanged after the apostrophe: the guard decides, it does not rewrite.
    expect(plain([["\u200B=1+1"]])).toBe("'\u200B=1+1\r\n");
  });

  it("leaves ordinary text that merely contains those characters alone", () => {
    expect(plain([["Zoë", "\u200BAda", "a＝b", "Ｅssay", "\uFEFFtitle", "李=1"]])).toBe("Zoë,\u200BAda,a＝b,Ｅssay,\uFEFFtitle,李=1\r\n");
  });

  it("round-trips awkward values through the parser", () => {
    const rows = [["Zoë, \"Z\"", "two\r\nlines", " x ", ""], ["李", "a\nb", "Łukasz", "plain"]];
    const parsed = parseCsv(encodeCsv(rows));
    expect(parsed).toEqual({ ok: true, records: [{ line: 1, fields: rows[0] }, { line: 3, fields: rows[1] }] });
  });
});

describe("csvFileName", () => {
  it("slugifies the parts into one ASCII name", () => {
    expect(csvFileName("12H History", "How far…")).toBe("12h-history-how-far.csv");
    expect(csvFileName("Marks", "2026-03-10")).toBe("marks-2026-03-10.csv");
    expect(csvFileName("  --Weird__spacing!!  ", "A/B\\C:D")).toBe("weird-spacing-a-b-c-d.csv");
  });

  it("folds accents and drops what has no ASCII form", () => {
    expect(csvFileName("Zoë", "Łukasz", "Ærøskøbing", "Straße")).toBe("zoe-lukasz-aeroskobing-strasse.csv");
    expect(csvFileName("李", "History")).toBe("history.csv");
    expect(csvFileName("李")).toBe("export.csv");
    expect(csvFileName()).toBe("export.csv");
    expect(csvFileName("", "   ")).toBe("export.csv");
  });

  it("keeps the name to 80 characters, cutting between words", () => {
    const long = csvFileName("To what extent was the Treaty of Versailles responsible for the outbreak of the Second World War");
    expect(long).toBe("to-what-extent-was-the-treaty-of-versailles-responsible-for-the-outbreak-of-the.csv");
    expect(long.length - ".csv".length).toBeLessThanOrEqual(80);
    const oneWord = csvFileName("a".repeat(100));
    expect(oneWord).toBe(`${"a".repeat(80)}.csv`);
    // Exactly 80 characters followed by a word break keeps the whole 80.
    expect(csvFileName(`${"b".repeat(80)} more`)).toBe(`${"b".repeat(80)}.csv`);
  });
});
