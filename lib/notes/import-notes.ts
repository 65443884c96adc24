import { AppError } from "../errors";
import { assertTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { analyseQuestion } from "../questions/analyse-question";
import { classifyLines, detectFormat, parseNotes, validateNotesInput } from "./parse-notes";
import { docxToMarkdown } from "./docx";
import { ImportDocxSchema, ImportNotesSchema, type ImportDocxInput, type ImportNotesInput } from "./schemas";
import { saveTopic } from "./internal/save-topic";
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

/**
 * A Word document, converted to Markdown and previewed. The Markdown is returned so the
 * form holds it from here on: corrections name its lines, and saving imports it as Markdown.
 * Nothing is written.
 */
export async function previewDocx(user: SessionUser, raw: ImportDocxInput) {
  assertTeacher(user);
  const input = ImportDocxSchema.parse(raw);
  const converted = await docxToMarkdown(Buffer.from(input.docx, "base64"));
  if (!converted.ok) throw new AppError(converted.error, 422, { docx: [converted.error] });
  const preview = previewNotes(user, { text: converted.markdown, format: "markdown", fileName: input.fileName });
  return { ...preview, text: converted.markdown, conversionNotes: converted.notes };
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
