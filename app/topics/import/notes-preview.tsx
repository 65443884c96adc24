"use client";

import type { ClassifiedLine, ParsedSection, ParsedTopic } from "@/lib/notes/parse-notes";
import type { QuestionAnalysis } from "@/lib/questions/analyse-question";

export type Preview = {
  format: "text" | "markdown";
  topic: ParsedTopic;
  headingLines: ClassifiedLine[];
  questions: { question: string; modelAnswer: string | null; analysis: QuestionAnalysis }[];
};

type Fix = { lineNo: number; kind: "heading" | "point"; level?: number; text?: string };

const STEMS: Record<QuestionAnalysis["stem"], string> = {
  "to-what-extent": "To what extent",
  "how-far": "How far",
  "how-significant": "How significant",
  assess: "Assess",
  other: "Other",
};

function countPoints(sections: ParsedSection[]): number {
  return sections.reduce((n, s) => n + s.points.length + countPoints(s.children), 0);
}

export function NotesPreview({ preview, fixes, onFix, onSave, pending }: { preview: Preview; fixes: Record<number, Fix>; onFix: (lineNo: number, change: Partial<Fix>) => void; onSave: () => void; pending: boolean }) {
  const { topic } = preview;
  return (
    <div className="mt-3 space-y-5 text-sm">
      <p data-testid="preview-summary" className="text-slate-700">
        Read as <strong>{preview.format === "markdown" ? "Markdown" : "plain text"}</strong>: {topic.sections.length} top-level sections,{" "}
        {countPoints(topic.sections)} points, {topic.faq.length} FAQ entries, {topic.practiceQuestions.length} practice questions.
      </p>
      {topic.warnings.length ? (
        <ul className="list-disc space-y-1 rounded-md border border-amber-200 bg-amber-50 py-2 pl-8 pr-3 text-amber-900">
          {topic.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}

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
                  className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 disabled:bg-slate-100 disabled:text-slate-500"
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

      <div>
        <h3 className="font-semibold text-slate-900">Practice questions</h3>
        {preview.questions.length === 0 ? (
          <p className="text-slate-600">None found. You can add questions to the bank by hand after saving.</p>
        ) : (
          <ul className="mt-2 space-y-3" data-testid="preview-questions">
            {preview.questions.map((q, i) => (
              <li key={i} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium text-slate-900">{q.question}</p>
                <dl className="mt-1 grid grid-cols-[8rem_1fr] gap-x-2 text-slate-700">
                  <dt className="text-slate-500">Command</dt>
                  <dd>{STEMS[q.analysis.stem]}</dd>
                  {q.analysis.statedFactor ? (<><dt className="text-slate-500">Stated factor</dt><dd>{q.analysis.statedFactor}</dd></>) : null}
                  {q.analysis.claim ? (<><dt className="text-slate-500">Claim</dt><dd>{q.analysis.claim}</dd></>) : null}
                  {q.analysis.outcome ? (<><dt className="text-slate-500">Outcome</dt><dd>{q.analysis.outcome}</dd></>) : null}
                  {q.analysis.period ? (<><dt className="text-slate-500">Period</dt><dd>{q.analysis.period.label}</dd></>) : null}
                  <dt className="text-slate-500">Model answer</dt>
                  <dd>{q.modelAnswer ? "Yes" : "None"}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </div>

      <button type="button" onClick={onSave} disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save topic"}
      </button>
    </div>
  );
}
