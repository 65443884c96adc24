// A readable per-student PDF pack without a browser: pdfkit 0.20.2 with an embedded TTF (dejavu-fonts-ttf)
// and a tagged (structure-tree) PDF, vs pdf-lib 1.17.1. Checks with poppler (pdfinfo, pdftotext).
import PDFDocument from "pdfkit";
import { PDFDocument as LibDoc, StandardFonts } from "pdf-lib";
import { createWriteStream, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { checker } from "./harness.mjs";
const { check, done } = checker();
const require = createRequire(import.meta.url);
const font = (f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`);
const out = new URL("../out/", import.meta.url).pathname;
execFileSync("mkdir", ["-p", out]);

const student = "Zoë Łukasiewicz-O’Brien";
const essay = "To a large extent, the Treaty of Versailles caused the Second World War — but the Depression mattered more. ".repeat(40);
const annotations = [
  { kind: "STRENGTH", criterion: "Analysis", exact: "the Depression mattered more", comment: "Clear judgement — “mattered more” is weighed." },
  { kind: "TARGET", criterion: "Evidence", exact: "Treaty of Versailles", comment: "Give a specific term: reparations (£6.6bn), the War Guilt Clause (Art. 231)." },
];

// 1. pdfkit: text flow with wrapping and page breaks, Unicode via an embedded font, tagged PDF.
const t0 = Date.now();
const doc = new PDFDocument({ size: "A4", margin: 56, tagged: true, lang: "en-GB", displayTitle: true, info: { Title: `Extent — work of ${student}`, Author: "Extent" }, pdfVersion: "1.7" });
const stream = createWriteStream(out + "pack-pdfkit.pdf");
doc.pipe(stream);
doc.registerFont("body", font("DejaVuSans.ttf"));
doc.registerFont("bold", font("DejaVuSans-Bold.ttf"));
doc.addStructure(doc.struct("H1", () => doc.font("bold").fontSize(20).text(`Work of ${student}`)));
doc.addStructure(doc.struct("P", () => doc.font("body").fontSize(10).fillColor("#444").text("Exported 2 December 2026 · Class 12H History · Extent").fillColor("black")));
doc.moveDown();
doc.addStructure(doc.struct("H2", () => doc.font("bold").fontSize(14).text("Essay, version 1 (submitted 1 Dec 2026, 14:05)")));
doc.addStructure(doc.struct("P", () => doc.font("body").fontSize(11).text(essay, { align: "left", lineGap: 2 })));
doc.moveDown();
doc.addStructure(doc.struct("H2", () => doc.font("bold").fontSize(14).text("Teacher’s comments")));
const list = doc.struct("L");
doc.addStructure(list);
for (const a of annotations) {
  list.add(doc.struct("LI", () => doc.font("body").fontSize(11).text(`${a.kind === "TARGET" ? "Target" : "Strength"} (${a.criterion}) on “${a.exact}”: ${a.comment}`, { indent: 12 })));
}
list.end();
doc.end();
await new Promise((r) => stream.on("finish", r));
console.log(`pdfkit: ${Date.now() - t0} ms`);
const info = execFileSync("pdfinfo", [out + "pack-pdfkit.pdf"]).toString();
console.log(info.split("\n").filter((l) => /Pages|Tagged|Title|PDF version|File size/.test(l)).join("\n"));
check("pdfkit: tagged PDF", /Tagged:\s+yes/.test(info));
check("pdfkit: several pages from text flow", Number(/Pages:\s+(\d+)/.exec(info)[1]) >= 2);
const text = execFileSync("pdftotext", [out + "pack-pdfkit.pdf", "-"]).toString();
check("pdfkit: Unicode name and quotes extract as text", text.includes(student) && text.includes("£6.6bn") && text.includes("“mattered more”"));
const fonts = execFileSync("pdffonts", [out + "pack-pdfkit.pdf"]).toString();
check("pdfkit: font embedded as a subset", /DejaVuSans.*yes\s+yes/.test(fonts.replace(/\s+/g, " ")) || /yes yes/.test(fonts.replace(/ +/g, " ")), "\n" + fonts);

// 2. pdfkit standard font (Helvetica, WinAnsi) with the same text: what breaks?
const d2 = new PDFDocument({ size: "A4" });
const s2 = createWriteStream(out + "pack-helvetica.pdf"); d2.pipe(s2);
let helvErr = null;
try { d2.font("Helvetica").text(`${student} — £ € Ł ž 中文`); } catch (e) { helvErr = e.message; }
d2.end(); await new Promise((r) => s2.on("finish", r));
const t2 = execFileSync("pdftotext", [out + "pack-helvetica.pdf", "-"]).toString().trim();
console.log(`Helvetica (standard 14) round trip: "${t2}" error=${helvErr}`);
check("pdfkit Helvetica mangles characters outside WinAnsi (needs an embedded font)", !t2.includes("Łukasiewicz") || !t2.includes("中文"));

// 3. pdf-lib: no text layout; a standard font throws on characters outside WinAnsi.
const lib = await LibDoc.create();
const page = lib.addPage();
const helv = await lib.embedFont(StandardFonts.Helvetica);
let libErr = null;
try { page.drawText(student, { x: 50, y: 700, font: helv, size: 12 }); } catch (e) { libErr = e.message; }
console.log("pdf-lib drawText with Helvetica:", libErr);
check("pdf-lib: standard font throws on Ł (WinAnsi cannot encode)", !!libErr);
check("pdf-lib: has no text wrapping / flow API (drawText only, maxWidth+lineHeight but no pagination)", typeof page.drawText === "function" && typeof lib.addPage === "function");
writeFileSync(out + "pack-pdflib.pdf", await lib.save());
process.exitCode = done() ? 1 : 0;
