// Parses a notes file the way the import page does and prints the topic as JSON, with each
// practice question's analysis. For checking how new notes will be read before importing.
//
//   npm run parse-notes -- notes.txt
//   npm run parse-notes -- notes.docx          (converted to Markdown as the import page does)
//   npm run parse-notes -- notes.md --format markdown
//   cat notes.txt | npm run parse-notes -- -

import { readFileSync } from "node:fs";
import { docxToMarkdown } from "../lib/notes/docx";
import { parseNotes, validateNotesInput, type NotesFormat } from "../lib/notes/parse-notes";
import { analyseQuestion } from "../lib/questions/analyse-question";
import { titleFromFileName } from "../lib/notes/title-from-file-name";

const USAGE = `Usage: npm run parse-notes -- FILE [--format markdown|text]

  FILE               a .txt, .md or .docx file of study notes, or - to read standard input
  --format FORMAT    markdown or text (default: detected from the content)

Prints the parsed topic as JSON on standard output.`;

type Args = { file: string; format?: NotesFormat };

function readArgs(argv: string[]): Args | string {
  let file: string | undefined;
  let format: NotesFormat | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice("--format=".length) : argv[++i];
      if (value !== "markdown" && value !== "text") return `--format must be "markdown" or "text", not "${value ?? ""}".`;
      format = value;
    } else if (arg === "-h" || arg === "--help") {
      return "";
    } else if (arg.startsWith("-") && arg !== "-") {
      return `Unknown option ${arg}.`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return `Only one file can be parsed at a time (got "${file}" and "${arg}").`;
    }
  }
  return file === undefined ? "" : { file, format };
}

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (typeof args === "string") {
    if (args) console.error(args);
    console.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file === "-" ? 0 : args.file);
  } catch (e) {
    console.error(`Could not read ${args.file === "-" ? "standard input" : args.file}: ${(e as Error).message}`);
    return 1;
  }
  let format = args.format;
  let notes: string[] = [];
  if (args.file.toLowerCase().endsWith(".docx")) {
    const converted = await docxToMarkdown(bytes);
    if (!converted.ok) {
      console.error(converted.error);
      return 1;
    }
    bytes = new TextEncoder().encode(converted.markdown);
    format = "markdown";
    notes = converted.notes;
  }
  const checked = validateNotesInput(bytes);
  if (!checked.ok) {
    console.error(checked.error);
    return 1;
  }
  const topic = parseNotes(checked.text, {
    format,
    fallbackTitle: args.file === "-" ? undefined : titleFromFileName(args.file),
  });
  const output = {
    ...topic,
    practiceQuestions: topic.practiceQuestions.map((q) => ({ ...q, analysis: analyseQuestion(q.question) })),
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  for (const warning of [...notes, ...topic.warnings]) console.error(`warning: ${warning}`);
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
