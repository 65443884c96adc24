import { describe, expect, it } from "vitest";
import { buildDocx } from "../../tests/fixtures/build-docx";
import { docxToMarkdown, MAX_DOCX_BYTES } from "./docx";
import { parseNotes } from "./parse-notes";

async function convert(bytes: Uint8Array): Promise<string> {
  const result = await docxToMarkdown(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.markdown;
}

const NOTES = buildDocx([
  { title: "The Russian Revolution, 1917" },
  { p: "This topic covers the fall of the Tsar and the Bolshevik seizure of power." },
  { heading: 1, text: "The February Revolution" },
  { p: "Bread riots in Petrograd began on 23 February 1917." },
  { bullet: "The garrison mutinied." },
  { bullet: "Soldiers joined the crowds:", level: 0 },
  { bullet: "Pavlovsky Regiment", level: 1 },
  { heading: 2, text: "Dual Power" },
  { numbered: "The Provisional Government formed." },
  { numbered: "The Petrograd Soviet issued Order No. 1." },
  { heading: 1, text: "Timeline" },
  { table: [["Date", "Event"], ["March 1917", "Nicholas II abdicates"], ["October 1917", "Bolsheviks seize power"]] },
  { heading: 1, text: "FAQ" },
  { p: [{ bold: "Why did the Tsar abdicate?" }, " The army high command told him to."] },
  { heading: 1, text: "Practice questions" },
  { p: [{ bold: "How far was the First World War the main reason for the fall of the Tsar in 1917?" }] },
  { p: "The war exposed weaknesses, but discontent ran deeper." },
]);

describe("docxToMarkdown + parseNotes: a Word document's structure", () => {
  it("reads the Title style as the title, heading styles as sections and lists as points", async () => {
    const topic = parseNotes(await convert(NOTES));
    expect(topic.title).toBe("The Russian Revolution, 1917");
    expect(topic.sections.map((s) => [s.heading, s.level, s.children.map((c) => c.heading)])).toEqual([
      ["The February Revolution", 1, ["Dual Power"]],
      ["Timeline", 1, []],
    ]);
    const february = topic.sections[0];
    expect(february?.intro).toBe("Bread riots in Petrograd began on 23 February 1917.");
    expect(february?.introLooksLikePoint).toBe(true);
    expect(february?.points).toEqual([
      { text: "The garrison mutinied.", subpoints: [] },
      { text: "Soldiers joined the crowds:", subpoints: ["Pavlovsky Regiment"] },
    ]);
    expect(february?.children[0]?.points.map((p) => p.text)).toEqual(["The Provisional Government formed.", "The Petrograd Soviet issued Order No. 1."]);
  });

  it("reads table rows as points and bold questions as FAQ and practice questions", async () => {
    const topic = parseNotes(await convert(NOTES));
    expect(topic.sections[1]?.points.map((p) => p.text)).toEqual(["March 1917 — Nicholas II abdicates", "October 1917 — Bolsheviks seize power"]);
    expect(topic.faq).toEqual([{ question: "Why did the Tsar abdicate?", answer: "The army high command told him to." }]);
    expect(topic.practiceQuestions).toEqual([
      { question: "How far was the First World War the main reason for the fall of the Tsar in 1917?", modelAnswer: "The war exposed weaknesses, but discontent ran deeper." },
    ]);
    expect(topic.warnings).toEqual([`Line ${(await convert(NOTES)).split("\n").findIndex((l) => l.startsWith("| Date")) + 1}: the table's header row ("Date | Event") was read as column titles, not a point.`]);
  });

  it("gives Markdown whose lines the preview's corrections can name", async () => {
    const markdown = await convert(NOTES);
    expect(markdown).toContain("# The Russian Revolution, 1917\n");
    expect(markdown).toContain("\n## The February Revolution\n");
    expect(markdown).toContain("\n### Dual Power\n");
    expect(markdown).toContain("\n- The garrison mutinied.\n");
    const lineNo = markdown.split("\n").indexOf("Bread riots in Petrograd began on 23 February 1917.") + 1;
    expect(parseNotes(markdown).sections[0]?.introLineNo).toBe(lineNo);
  });
});

describe("docxToMarkdown refuses what it cannot read, with a message for the teacher", () => {
  it("refuses a file that is not a Word document", async () => {
    expect(await docxToMarkdown(new TextEncoder().encode("just some text"))).toEqual({ ok: false, error: expect.stringMatching(/could not be read as a Word document/) });
    expect(await docxToMarkdown(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ ok: false });
  });

  it("names the old .doc format", async () => {
    expect(await docxToMarkdown(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ ok: false, error: expect.stringMatching(/older Word document \(\.doc\)/) });
  });

  it("refuses a file over the limit, naming it", async () => {
    expect(await docxToMarkdown(new Uint8Array(MAX_DOCX_BYTES + 1))).toEqual({ ok: false, error: expect.stringMatching(/over the 640 KB limit/) });
  });

  it("refuses a document with no text", async () => {
    expect(await docxToMarkdown(buildDocx([]))).toEqual({ ok: false, error: expect.stringMatching(/no text/) });
  });
});
