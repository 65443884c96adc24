import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { PackBlock } from "./pack-outline";

// pack.pdf: the readable pack as a tagged PDF (headings, paragraphs and lists in the
// structure tree, the language set) with DejaVu Sans embedded — pdfkit's standard fonts
// mangle names such as "Łukasiewicz" (decision 041).

// A plain path from the app's root (every process runs there): a require.resolve here would make
// Turbopack try to bundle every TTF in the package. pdfkit (external) reads the file.
const font = (file: string) => path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", file);

const SIZE = { h1: 18, h2: 14, h3: 12, h4: 11 } as const;

export function renderPackPdf(blocks: PackBlock[], title: string, lang = "en-GB"): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: 56, tagged: true, lang, displayTitle: true, pdfVersion: "1.7", info: { Title: title, Author: "Extent" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.registerFont("body", font("DejaVuSans.ttf"));
  doc.registerFont("bold", font("DejaVuSans-Bold.ttf"));
  const section = doc.struct("Document");
  doc.addStructure(section);
  for (const b of blocks) {
    if (b.kind === "list") {
      const list = doc.struct("L");
      section.add(list);
      for (const item of b.items) list.add(doc.struct("LI", {}, () => doc.font("body").fontSize(10).fillColor("black").text(`• ${item}`, { indent: 8, paragraphGap: 2 })));
      list.end();
      doc.moveDown(0.5);
      continue;
    }
    if (b.kind === "p" || b.kind === "essay") {
      section.add(
        doc.struct("P", {}, () =>
          doc
            .font("body")
            .fontSize(b.kind === "essay" ? 10.5 : 10)
            .fillColor(b.kind === "p" && b.muted ? "#444444" : "black")
            .text(b.text, { lineGap: b.kind === "essay" ? 2 : 1, paragraphGap: 4 }),
        ),
      );
      doc.moveDown(0.5);
      continue;
    }
    const tag = b.kind.toUpperCase() as "H1" | "H2" | "H3" | "H4";
    if (b.kind === "h2") doc.moveDown(0.5);
    section.add(doc.struct(tag, {}, () => doc.font("bold").fontSize(SIZE[b.kind]).fillColor("black").text(b.text, { paragraphGap: 4 })));
  }
  section.end();
  doc.end();
  return done;
}
