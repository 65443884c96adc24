import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importNotes, previewDocx } from "@/lib/notes/import-notes";
import { MAX_DOCX_BYTES } from "@/lib/notes/validate-notes";
import { buildDocx } from "../fixtures/build-docx";
import { makeStudent, makeTeacher } from "../factories";

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

const NOTES = buildDocx([
  { p: "This topic covers the Great Reform Act of 1832, from pressure for reform to its passage." },
  { heading: 1, text: "Pressure for Reform" },
  { p: "In 1830 the Duke of Wellington declared the constitution needed no reform." },
  { bullet: "Rotten boroughs returned MPs with a handful of voters." },
  { bullet: "Industrial towns such as Manchester had no MP." },
  { heading: 1, text: "Practice questions" },
  { p: [{ bold: "How far was popular pressure the main reason for the passage of the Reform Act of 1832?" }] },
]);

describe("importing notes from a Word document", () => {
  it("previews a .docx without writing, with the Markdown it became and the title its summary names", async () => {
    const teacher = await makeTeacher();
    const preview = await previewDocx(teacher, { docx: base64(NOTES), fileName: "reform notes v3.docx" });
    expect(preview.format).toBe("markdown");
    expect(preview.topic.title).toBe("The Great Reform Act of 1832");
    const section = preview.topic.sections[0]!;
    expect([section.heading, section.introLooksLikePoint, section.points.length]).toEqual(["Pressure for Reform", true, 2]);
    expect(preview.text.split("\n")[section.introLineNo! - 1]).toBe("In 1830 the Duke of Wellington declared the constitution needed no reform.");
    expect(preview.questions[0]?.analysis.period).toEqual({ from: 1832, to: 1832, label: "the Reform Act of 1832" });
    expect(await db().topic.count()).toBe(0);
  });

  it("saves the converted notes with the intro the teacher made a point", async () => {
    const teacher = await makeTeacher();
    const preview = await previewDocx(teacher, { docx: base64(NOTES), fileName: "reform.docx" });
    const introLineNo = preview.topic.sections[0]!.introLineNo!;
    const topic = await importNotes(teacher, { text: preview.text, format: "markdown", fixes: JSON.stringify([{ lineNo: introLineNo, kind: "point" }]) });
    const points = await db().point.findMany({ where: { topicId: topic.id }, orderBy: { position: "asc" }, select: { text: true } });
    expect(points.map((p) => p.text)).toEqual([
      "In 1830 the Duke of Wellington declared the constitution needed no reform.",
      "Rotten boroughs returned MPs with a handful of voters.",
      "Industrial towns such as Manchester had no MP.",
    ]);
    expect(await db().topicSection.findFirst({ where: { topicId: topic.id }, select: { intro: true } })).toEqual({ intro: null });
  });

  it("refuses a bad, old-format or oversized file with a 4xx message and writes nothing", async () => {
    const teacher = await makeTeacher();
    await expect(previewDocx(teacher, { docx: base64(new TextEncoder().encode("not a zip")) })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/could not be read as a Word document/),
    });
    await expect(previewDocx(teacher, { docx: base64(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])) })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/\.doc\)/) });
    await expect(previewDocx(teacher, { docx: base64(new Uint8Array(MAX_DOCX_BYTES + 3)) })).rejects.toThrow(/over the 640 KB limit/);
    await expect(previewDocx(teacher, { docx: "%%%" })).rejects.toThrow(/did not arrive intact/);
    expect(await db().topic.count()).toBe(0);
  });

  it("is for teachers only", async () => {
    await expect(previewDocx(await makeStudent(), { docx: base64(NOTES) })).rejects.toMatchObject({ status: 403 });
  });
});
