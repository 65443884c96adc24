import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importNotes, previewNotes } from "@/lib/notes/import-notes";
import { getTopic, listTopics } from "@/lib/notes/topics";
import { makeStudent, makeTeacher } from "../factories";

const sample = readFileSync(path.resolve(import.meta.dirname, "../fixtures/khrushchev-ussr-1953-1964.txt"), "utf8");
const markdown = readFileSync(path.resolve(import.meta.dirname, "../fixtures/cuban-missile-crisis.md"), "utf8");

describe("study-notes import", () => {
  it("imports the sample notes: sections, points with their paths, FAQ, analysed questions", async () => {
    const teacher = await makeTeacher();
    const topic = await importNotes(teacher, { text: sample, title: "Khrushchev and the USSR" });
    const saved = await getTopic(teacher, topic.id);
    expect(saved.title).toBe("Khrushchev and the USSR");
    expect(saved.sections.map((s) => s.heading)).toEqual([
      "Khrushchev’s Rise to Power",
      "De-Stalinisation",
      "Economic Reforms: Industrial Management and the Seven-Year Plan",
      "Agricultural Reforms: Virgin Lands Scheme and Mixed Outcomes",
      "Social and Cultural Changes",
      "Emergence of Opposition",
      "Khrushchev’s Fall and the USSR by 1964",
    ]);
    expect(saved.sections[1]!.children.map((c) => c.heading)).toEqual([
      "The Secret Speech (1956)",
      "Reforms to Terror and Political Amnesties",
      "Decentralisation",
    ]);
    expect(saved.faq).toHaveLength(5);

    const point = await db().point.findFirstOrThrow({ where: { topicId: topic.id, text: { startsWith: "Gulag numbers fell" } } });
    expect(point.path).toEqual(["De-Stalinisation", "Reforms to Terror and Political Amnesties"]);
    const withSubpoints = await db().point.findFirstOrThrow({ where: { topicId: topic.id, text: { startsWith: "Initial growth was promising" } } });
    expect(withSubpoints.subpoints).toContain("Targets were overly ambitious.");

    const questions = await db().question.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" } });
    expect(questions).toHaveLength(2);
    const howFar = questions.find((q) => q.stem === "HOW_FAR")!;
    expect(howFar).toMatchObject({ focus: "STATED_FACTOR", statedFactor: "de-Stalinisation", outcome: "Khrushchev’s fall from power", periodTo: 1964, source: "IMPORTED" });
    expect(howFar.modelAnswer).toMatch(/^De-Stalinisation was a key factor/);
    const extent = questions.find((q) => q.stem === "TO_WHAT_EXTENT")!;
    expect(extent).toMatchObject({ focus: "CLAIM", claim: "Khrushchev’s reforms transformed the USSR", periodLabel: "by 1964" });
  });

  it("previews without saving, and applies heading fixes to the preview and the save", async () => {
    const teacher = await makeTeacher();
    const preview = previewNotes(teacher, { text: sample, fixes: [{ lineNo: 2, kind: "heading", level: 1, text: "Rise to Power" }] });
    expect(preview.topic.sections[0]!.heading).toBe("Rise to Power");
    expect(preview.questions.map((q) => q.analysis.stem)).toEqual(["to-what-extent", "how-far"]);
    expect(preview.headingLines.length).toBeGreaterThan(20);
    expect(await db().topic.count()).toBe(0);

    const topic = await importNotes(teacher, { text: sample, fixes: JSON.stringify([{ lineNo: 2, kind: "heading", level: 1, text: "Rise to Power" }]) });
    expect((await getTopic(teacher, topic.id)).sections[0]!.heading).toBe("Rise to Power");
  });

  it("imports Markdown notes", async () => {
    const teacher = await makeTeacher();
    const topic = await importNotes(teacher, { text: markdown, format: "auto" });
    const saved = await getTopic(teacher, topic.id);
    expect(saved.pointCount).toBeGreaterThan(3);
    expect(saved.sections.length).toBeGreaterThan(0);
  });

  it.each([
    ["empty", "   \n\n  ", /empty|nothing/i],
    ["binary", "PK\u0003\u0004\u0000\u0000binary", /binary/i],
    ["oversized", "A heading\n" + "A point that goes on and on.\n".repeat(8000), /200 KB/],
  ])("refuses %s notes with a clear message and saves nothing", async (_name, text, message) => {
    const teacher = await makeTeacher();
    await expect(importNotes(teacher, { text })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(message) });
    expect(() => previewNotes(teacher, { text })).toThrow(message);
    expect(await db().topic.count()).toBe(0);
    expect(await db().point.count()).toBe(0);
  });

  it("refuses unreadable heading fixes", async () => {
    const teacher = await makeTeacher();
    await expect(importNotes(teacher, { text: sample, fixes: "{not json" })).rejects.toThrow(/heading corrections could not be read/);
    expect(await db().topic.count()).toBe(0);
  });

  it("only teachers import, and each teacher sees only their own topics", async () => {
    const teacher = await makeTeacher();
    const other = await makeTeacher();
    const topic = await importNotes(teacher, { text: sample });
    await expect(importNotes(await makeStudent(), { text: sample })).rejects.toMatchObject({ status: 403 });
    expect(() => previewNotes({ ...teacher, role: "STUDENT" }, { text: sample })).toThrow(/teachers/);
    expect(await listTopics(other)).toEqual([]);
    await expect(getTopic(other, topic.id)).rejects.toMatchObject({ status: 404 });
    expect(await db().topic.count()).toBe(1);
  });
});
