import { it } from "vitest";
import { buildDocx } from "./tests/fixtures/build-docx";
import { docxToMarkdown } from "./lib/notes/docx";
import mammoth from "mammoth";
it("x", async () => {
  const b = buildDocx([{ title: "T" }, { p: "Intro." }, { heading: 1, text: "H" }, { bullet: "a" }, { bullet: "b", level: 1 }, { numbered: "n" }, { table: [["Date", "Event"], ["1", "2"]] }, { p: [{ bold: "Why?" }, " Because."] }]);
  const r = await docxToMarkdown(b);
  process.stdout.write(JSON.stringify(r) + "\n");
  const h = await mammoth.convertToHtml({ buffer: Buffer.from(b) });
  process.stdout.write(h.value + "\n" + JSON.stringify(h.messages) + "\n");
});
