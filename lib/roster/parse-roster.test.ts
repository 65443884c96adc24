import { describe, expect, it } from "vitest";
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, parseRoster, type RosterResult } from "./parse-roster";

function rows(csv: string) {
  const result = parseRoster(csv);
  if (!result.ok) throw new Error(`expected a roster: ${JSON.stringify(result.errors)}`);
  return result.rows;
}
function errors(csv: string) {
  const result: RosterResult = parseRoster(csv);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseRoster: reading students", () => {
  it("reads name and email, tidying both", () => {
    expect(rows("Name,Email\r\n  Ada   Lovelace ,  ADA@Example.ORG \r\nBen\tOkri,ben@example.org\r\n")).toEqual([
      { line: 2, name: "Ada Lovelace", email: "ada@example.org" },
      { line: 3, name: "Ben Okri", email: "ben@example.org" },
    ]);
  });

  it("keeps UTF-8 names and ignores a BOM and extra columns", () => {
    expect(rows("\uFEFFYear,Student Name,Tutor,E-mail Address\n12,Zoë Ł李,Mr X,zoe@example.org")).toEqual([{ line: 2, name: "Zoë Ł李", email: "zoe@example.org" }]);
  });

  it("accepts the header names teachers use, in any case", () => {
    for (const header of ["name,email", "NAME,E-MAIL", "Full name,Email address", "student_name,EMAIL", "Pupil Name,Student Email"]) {
      expect(rows(`${header}\nAda,ada@example.org`)).toEqual([{ line: 2, name: "Ada", email: "ada@example.org" }]);
    }
  });

  it("joins first and last name columns", () => {
    expect(rows("Email,Surname,First Name\nada@example.org,Lovelace,Ada\nbo@example.org,,Bo")).toEqual([
      { line: 2, name: "Ada Lovelace", email: "ada@example.org" },
      { line: 3, name: "Bo", email: "bo@example.org" },
    ]);
    expect(rows("Forename,Last name,Email\nAda,Lovelace,ada@example.org")[0]?.name).toBe("Ada Lovelace");
  });

  it("prefers a full name column over first and last", () => {
    expect(rows("First name,Last name,Name,Email\nA,L,Ada Lovelace,ada@example.org")[0]?.name).toBe("Ada Lovelace");
  });

  it("skips blank lines and rows of bare commas, keeping physical line numbers", () => {
    expect(rows('\n\nname,email\n\n"Lovelace,\nAda",ada@example.org\n,,\nBen,ben@example.org\n')).toEqual([
      { line: 5, name: "Lovelace, Ada", email: "ada@example.org" },
      { line: 8, name: "Ben", email: "ben@example.org" },
    ]);
  });

  it("accepts exactly the row limit", () => {
    const body = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => `Student ${i},s${i}@example.org`).join("\n");
    expect(rows(`name,email\n${body}`)).toHaveLength(MAX_ROSTER_ROWS);
  });
});

describe("parseRoster: row problems", () => {
  it("reports every problem on every row, sorted by line", () => {
    const csv = [
      "name,email",
      "Ada,ada@example.org",
      ",bo@example.org",
      "Cy,",
      "Di,not-an-email",
      "Ed,ADA@example.org ",
      `${"x".repeat(101)},long@example.org`,
      ",",
      ",nope@",
    ].join("\n");
    expect(errors(csv)).toEqual([
      { line: 3, message: "The name is missing." },
      { line: 4, message: "The email address is missing." },
      { line: 5, message: '"not-an-email" is not a valid email address.' },
      { line: 6, message: "ada@example.org is also on line 2." },
      { line: 7, message: "The name is 101 characters long; the limit is 100." },
      { line: 9, message: "The name is missing." },
      { line: 9, message: '"nope@" is not a valid email address.' },
    ]);
  });

  it("allows a name of exactly 100 characters, counting characters not code units", () => {
    expect(rows(`name,email\n${"李".repeat(100)},a@example.org`)[0]?.name).toHaveLength(100);
    expect(rows(`name,email\n${"😀".repeat(100)},a@example.org`)).toHaveLength(1);
    expect(errors(`name,email\n${"😀".repeat(101)},a@example.org`)[0]?.message).toMatch(/101 characters/);
  });

  it("points every repeat of an email at its first line", () => {
    expect(errors("name,email\nA,a@example.org\nB,a@example.org\nC,A@EXAMPLE.ORG")).toEqual([
      { line: 3, message: "a@example.org is also on line 2." },
      { line: 4, message: "a@example.org is also on line 2." },
    ]);
  });

  it("reports a repeated invalid address as invalid, not as a repeat", () => {
    expect(errors("name,email\nA,bad\nB,bad")).toEqual([
      { line: 2, message: '"bad" is not a valid email address.' },
      { line: 3, message: '"bad" is not a valid email address.' },
    ]);
  });

  it("reports rows after a multi-line field on the line they start", () => {
    expect(errors('name,email\n"Ada\nLovelace",ada@example.org\nBen,bad')).toEqual([{ line: 4, message: '"bad" is not a valid email address.' }]);
  });

  it("treats a short row as missing its email", () => {
    expect(errors("name,email\nAda")).toEqual([{ line: 2, message: "The email address is missing." }]);
  });
});

describe("parseRoster: whole-file problems", () => {
  it("refuses an empty file or one with only a header", () => {
    expect(errors("")).toEqual([{ line: 1, message: expect.stringMatching(/empty/) }]);
    expect(errors("\n ,\n\n")).toEqual([{ line: 1, message: expect.stringMatching(/empty/) }]);
    expect(errors("Name,Email\r\n")).toEqual([{ line: 1, message: "The file has a header row but no students below it." }]);
  });

  it("says what the header lacks", () => {
    const [noEmail] = errors("Name,Mail\nAda,ada@example.org");
    expect(noEmail).toEqual({ line: 1, message: "The first row must name the columns: it needs an Email column. It has: Name, Mail." });
    const [noName] = errors("First name,Email\nAda,ada@example.org");
    expect(noName?.message).toMatch(/needs a Name column \(or First name and Last name columns\)\. /);
    const [neither] = errors("Student,Contact\nAda,ada@example.org");
    expect(neither?.message).toMatch(/needs a Name column .* and an Email column/);
  });

  it("spots a missing header row and a semicolon-separated file", () => {
    expect(errors("Ada,ada@example.org\nBen,ben@example.org")[0]).toEqual({ line: 1, message: expect.stringMatching(/looks like a student: add a header row/) });
    expect(errors("Name;Email\nAda;ada@example.org")[0]?.message).toMatch(/semicolons or tabs/);
  });

  it("reports an unterminated quote on its line", () => {
    expect(errors('name,email\nAda,ada@example.org\n"Ben,ben@example.org\nCy,cy@example.org')).toEqual([{ line: 3, message: expect.stringMatching(/never closed/) }]);
  });

  it("refuses more than the row limit, on the first row over it", () => {
    const body = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `S${i},s${i}@example.org`).join("\n");
    expect(errors(`name,email\n${body}`)).toEqual([
      { line: MAX_ROSTER_ROWS + 2, message: "The file lists 2,001 students; at most 2,000 can be imported at once. Split it into smaller files." },
    ]);
  });

  it("refuses a file over 500 KB, measured in UTF-8 bytes, on line 0", () => {
    const tooLarge = errors(`name,email\n${"x".repeat(MAX_ROSTER_BYTES)}`);
    expect(tooLarge).toEqual([{ line: 0, message: expect.stringMatching(/^The file is too large/) }]);
    // Under the limit in characters, over it in bytes: 李 is three bytes in UTF-8.
    const wide = "李".repeat(Math.ceil(MAX_ROSTER_BYTES / 3) + 1);
    expect(wide.length).toBeLessThan(MAX_ROSTER_BYTES);
    expect(errors(wide)[0]?.line).toBe(0);
  });
});
