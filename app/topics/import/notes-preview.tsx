"use client";

import type { ClassifiedLine, ParsedSection, ParsedTopic } from "@/lib/notes/parse-notes";
import { plural } from "@/lib/text/plural";
import { PreviewOutline } from "./preview-outline";
import { PreviewFaq, PreviewQuestions, type PreviewQuestion } from "./preview-questions";

// Everything the import will save, before it is saved: the title, every section with its
// intro and points, the FAQ, the practice questions with their analysis, and what was
// dropped or is doubtful. Corrections (headings, intros made points) re-run the preview.

export type Preview = {
  format: "text" | "markdown";
  topic: ParsedTopic;
  headingLines: ClassifiedLine[];
  questions: PreviewQuestion[];
};

export type Fix = { lineNo: number; kind: "heading" | "point"; level?: number; text?: string };

type Props = {
  preview: Preview;
  source: string;
  notes: string[];
  fixes: Record<number, Fix>;
  onFix: (lineNo: number, change: Partial<Fix>) => void;
  onMakePoint: (lineNo: number) => void;
  onUndo: (lineNo: number) => void;
  onSave: () => void;
  pending: boolean;
};

function countPoints(sections: ParsedSection[]): number {
  return sections.reduce((n, s) => n + s.points.length + countPoints(s.children), 0);
}

function HeadingFixes({ preview, fixes, onFix }: Pick<Props, "preview" | "fixes" | "onFix">) {
  return (
    <fieldset>
      <legend className="font-semibold text-slate-900">Headings</legend>
      <p className="text-slate-600">Rename a heading, change its level, or mark it as an ordinary point.</p>
      <ol className="mt-2 max-h-80 space-y-2 overflow-y-auto pr-1">
        {preview.headingLines.map((line) => {
          const f = fixes[line.lineNo];
          const isPoint = f?.kind === "point";
          const level = f?.level ?? line.level ?? 1;
          return (
            <li key={line.lineNo} className={`flex flex-wrap items-center gap-2 ${level > 1 ? "pl-6" : ""}`}>
              <label className="sr-only" htmlFor={`h-${line.lineNo}`}>Heading on line {line.lineNo}</label>
              <input
                id={`h-${line.lineNo}`}
                defaultValue={f?.text ?? line.text}
                disabled={isPoint}
                onBlur={(e) => e.target.value.trim() && e.target.value !== (f?.text ?? line.text) && onFix(line.lineNo, { text: e.target.value.trim() })}
                className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 disabled:bg-slate-100 disabled:text-slate-600"
              />
              <label className="sr-only" htmlFor={`l-${line.lineNo}`}>Level of the heading on line {line.lineNo}</label>
              <select id={`l-${line.lineNo}`} value={level} disabled={isPoint} onChange={(e) => onFix(line.lineNo, { level: Number(e.target.value) })} className="rounded border border-slate-300 px-1 py-1">
                <option value={1}>Section</option>
                <option value={2}>Sub-section</option>
                <option value={3}>Sub-sub-section</option>
              </select>
              <label className="flex items-center gap-1 text-slate-700">
                <input type="checkbox" checked={isPoint} onChange={(e) => onFix(line.lineNo, { kind: e.target.checked ? "point" : "heading" })} />
                Not a heading
              </label>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

export function NotesPreview({ preview, source, notes, fixes, onFix, onMakePoint, onUndo, onSave, pending }: Props) {
  const { topic } = preview;
  const headingLineNos = new Set(preview.headingLines.map((l) => l.lineNo));
  const madePoints = Object.values(fixes).filter((f) => f.kind === "point" && !headingLineNos.has(f.lineNo));
  const warnings = [...notes, ...topic.warnings];
  return (
    <div className="mt-3 space-y-5 text-sm">
      <p data-testid="preview-summary" className="text-slate-700">
        Read as <strong>{source}</strong>: {plural(topic.sections.length, "top-level section")}, {plural(countPoints(topic.sections), "point")},{" "}
        {plural(topic.faq.length, "FAQ entry", "FAQ entries")}, {plural(topic.practiceQuestions.length, "practice question")}.
      </p>
      <p data-testid="preview-title" className="text-slate-700">
        Suggested title: <strong className="text-slate-900">{topic.title}</strong>
        {topic.summary ? <span className="block text-slate-600">Summary: {topic.summary}</span> : null}
      </p>
      {warnings.length ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          <p className="font-medium">Check these before saving</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <HeadingFixes preview={preview} fixes={fixes} onFix={onFix} />

      <section aria-labelledby="preview-sections">
        <h3 id="preview-sections" className="font-semibold text-slate-900">Sections and points</h3>
        <p className="text-slate-600">Students pick points as evidence when they plan; intros are shown to them but cannot be picked.</p>
        {madePoints.length ? (
          <ul className="mt-2 space-y-1" aria-label="Intros made points">
            {madePoints.map((f) => (
              <li key={f.lineNo} className="flex flex-wrap items-center gap-2 text-slate-700">
                Line {f.lineNo} is now a point.
                <button type="button" disabled={pending} onClick={() => onUndo(f.lineNo)} className="rounded px-1 text-indigo-800 underline disabled:opacity-60">
                  Undo<span className="sr-only"> making line {f.lineNo} a point</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <PreviewOutline sections={topic.sections} onMakePoint={onMakePoint} pending={pending} />
      </section>

      <section aria-labelledby="preview-faq">
        <h3 id="preview-faq" className="font-semibold text-slate-900">FAQ</h3>
        <PreviewFaq faq={topic.faq} />
      </section>

      <section aria-labelledby="preview-practice">
        <h3 id="preview-practice" className="font-semibold text-slate-900">Practice questions</h3>
        <PreviewQuestions questions={preview.questions} />
      </section>

      <button type="button" onClick={onSave} disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save topic"}
      </button>
    </div>
  );
}
