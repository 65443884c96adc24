"use client";

import type { ParsedTopic } from "@/lib/notes/parse-notes";
import type { QuestionAnalysis } from "@/lib/questions/analyse-question";

const STEMS: Record<QuestionAnalysis["stem"], string> = {
  "to-what-extent": "To what extent",
  "how-far": "How far",
  "how-significant": "How significant",
  assess: "Assess",
  other: "Other",
};

export type PreviewQuestion = { question: string; modelAnswer: string | null; analysis: QuestionAnalysis };

/** The FAQ split into question and answer, as it will be saved. */
export function PreviewFaq({ faq }: { faq: ParsedTopic["faq"] }) {
  if (!faq.length) return <p className="text-slate-600">None found.</p>;
  return (
    <dl data-testid="preview-faq" className="mt-2 space-y-2">
      {faq.map((f, i) => (
        <div key={i} className="rounded-md border border-slate-200 p-3">
          <dt className="font-medium text-slate-900">{f.question ?? <span className="italic text-slate-600">No question (an answer on its own)</span>}</dt>
          <dd className="mt-1 whitespace-pre-line text-slate-700">{f.answer}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Practice questions with the analysis they will be saved with. */
export function PreviewQuestions({ questions }: { questions: PreviewQuestion[] }) {
  if (!questions.length) return <p className="text-slate-600">None found. You can add questions to the bank by hand after saving.</p>;
  return (
    <ul className="mt-2 space-y-3" data-testid="preview-questions">
      {questions.map((q, i) => (
        <li key={i} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium text-slate-900">{q.question}</p>
          <dl className="mt-1 grid grid-cols-[8rem_1fr] gap-x-2 text-slate-700">
            <dt className="text-slate-600">Command</dt>
            <dd>{STEMS[q.analysis.stem]}</dd>
            {q.analysis.statedFactor ? (
              <>
                <dt className="text-slate-600">Stated factor</dt>
                <dd>{q.analysis.statedFactor}</dd>
              </>
            ) : null}
            {q.analysis.claim ? (
              <>
                <dt className="text-slate-600">Claim</dt>
                <dd>{q.analysis.claim}</dd>
              </>
            ) : null}
            {q.analysis.outcome ? (
              <>
                <dt className="text-slate-600">Outcome</dt>
                <dd>{q.analysis.outcome}</dd>
              </>
            ) : null}
            {q.analysis.period ? (
              <>
                <dt className="text-slate-600">Period</dt>
                <dd>{q.analysis.period.label}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">Model answer</dt>
            <dd>{q.modelAnswer ? "Yes" : "None"}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
