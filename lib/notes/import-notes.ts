import { db } from "../db";
import { AppError } from "../errors";
import { assertTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { analyseQuestion } from "../questions/analyse-question";
import { analysisToColumns } from "../questions/question-record";
import {
  classifyLines,
  detectFormat,
  parseNotes,
  validateNotesInput,
  type ParsedSection,
  type ParsedTopic,
} from "./parse-notes";
import { ImportNotesSchema, type ImportNotesInput } from "./schemas";
import { titleFromFileName } from "./title-from-file-name";

type ImportNotes = ReturnType<typeof ImportNotesSchema.parse>;

const fallbackTitle = (input: ImportNotes) => input.title || (input.fileName ? titleFromFileName(input.fileName) : undefined);

function readNotes(input: ImportNotes) {
  const checked = validateNotesInput(input.text);
  if (!checked.ok) throw new AppError(checked.error, 422, { text: [checked.error] });
  const format = input.format === "auto" ? detectFormat(checked.text) : input.format;
  return { text: checked.text, format };
}

/** What the teacher sees before saving: the parsed topic and the lines they may correct. */
export function previewNotes(user: SessionUser, raw: ImportNotesInput) {
  assertTeacher(user);
  const input = ImportNotesSchema.parse(raw);
  const { text, format } = readNotes(input);
  const topic = parseNotes(text, { format, fixes: input.fixes, fallbackTitle: fallbackTitle(input) });
  const headingLines = classifyLines(text, format).filter((l) => l.kind === "heading");
  return {
    format,
    topic: { ...topic, title: input.title || topic.title },
    headingLines,
    questions: topic.practiceQuestions.map((q) => ({ ...q, analysis: analyseQuestion(q.question) })),
  };
}

/** Saves a topic with its sections, points, FAQ and analysed practice questions, all or nothing. */
export async function importNotes(user: SessionUser, raw: ImportNotesInput) {
  assertTeacher(user);
  const input = ImportNotesSchema.parse(raw);
  const { text, format } = readNotes(input);
  const parsed = parseNotes(text, { format, fixes: input.fixes, fallbackTitle: fallbackTitle(input) });
  const title = (input.title || parsed.title).trim();
  if (!title) throw new AppError("Give the topic a title.", 422, { title: ["Give the topic a title."] });
  if (parsed.sections.length === 0 && parsed.practiceQuestions.length === 0) {
    throw new AppError("No headings, points or questions were found in these notes. Check the format and try again.", 422, {
      text: ["Nothing to import was found."],
    });
  }
  return saveTopic(user.id, { ...parsed, title }, format, text);
}

export async function saveTopic(ownerId: string, parsed: ParsedTopic, format: "text" | "markdown", sourceText: string) {
  return db().$transaction(async (tx) => {
    const topic = await tx.topic.create({
      data: {
        title: parsed.title,
        summary: parsed.summary,
        ownerId,
        sourceFormat: format === "markdown" ? "MARKDOWN" : "TEXT",
        sourceText,
      },
      select: { id: true, title: true },
    });

    // Sections are few (tens), so creating them one by one to learn parent ids is fine;
    // points, FAQ and questions go in bulk.
    let position = 0;
    const points: { topicId: string; sectionId: string; text: string; subpoints: string[]; path: string[]; position: number }[] = [];
    const walk = async (sections: ParsedSection[], parentId: string | null, path: string[]) => {
      for (const s of sections) {
        const row = await tx.topicSection.create({
          data: { topicId: topic.id, parentId, heading: s.heading, level: s.level, intro: s.intro, position: position++ },
          select: { id: true },
        });
        const here = [...path, s.heading];
        for (const p of s.points) {
          points.push({ topicId: topic.id, sectionId: row.id, text: p.text, subpoints: p.subpoints, path: here, position: points.length });
        }
        await walk(s.children, row.id, here);
      }
    };
    await walk(parsed.sections, null, []);
    if (points.length) await tx.point.createMany({ data: points });
    if (parsed.faq.length) {
      await tx.faqEntry.createMany({
        data: parsed.faq.map((f, i) => ({ topicId: topic.id, question: f.question, answer: f.answer, position: i })),
      });
    }
    if (parsed.practiceQuestions.length) {
      await tx.question.createMany({
        data: parsed.practiceQuestions.map((q) => ({
          topicId: topic.id,
          createdById: ownerId,
          text: q.question,
          modelAnswer: q.modelAnswer,
          source: "IMPORTED" as const,
          ...analysisToColumns(analyseQuestion(q.question)),
        })),
      });
    }
    return topic;
  });
}
