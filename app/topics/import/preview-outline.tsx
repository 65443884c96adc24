"use client";

import type { ParsedSection } from "@/lib/notes/parse-notes";

// Every section with its intro and points, as they will be saved. An intro is prose a
// student reads but cannot pick as evidence; one that states a fact is flagged, and any
// intro can be made a point (a correction of kind "point" on its line).

type Props = { sections: ParsedSection[]; onMakePoint: (lineNo: number) => void; pending: boolean };

function Intro({ section, onMakePoint, pending }: { section: ParsedSection } & Omit<Props, "sections">) {
  if (!section.intro) return null;
  const button = section.introLineNo ? (
    <button
      type="button"
      disabled={pending}
      onClick={() => onMakePoint(section.introLineNo!)}
      className="mt-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-indigo-800 hover:bg-indigo-50 disabled:opacity-60"
    >
      {/* The name starts with the visible words, so voice control users can say them (WCAG 2.5.3). */}
      Make this a point<span className="sr-only"> (the intro of “{section.heading}”)</span>
    </button>
  ) : null;
  if (!section.introLooksLikePoint) {
    return (
      <div className="mt-1 text-slate-600">
        <p className="italic">{section.intro}</p>
        {button}
      </div>
    );
  }
  return (
    <div data-testid="flagged-intro" className="mt-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950">
      <p className="italic">{section.intro}</p>
      <p className="mt-1 text-xs">This intro reads like a fact. Students can only pick points as evidence, so it may belong as a point.</p>
      {button}
    </div>
  );
}

function Section({ section, onMakePoint, pending }: { section: ParsedSection } & Omit<Props, "sections">) {
  return (
    <li className="space-y-1">
      <p className="font-semibold text-slate-900">{section.heading}</p>
      <Intro section={section} onMakePoint={onMakePoint} pending={pending} />
      {section.points.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-slate-800">
          {section.points.map((p, i) => (
            <li key={i}>
              {p.text}
              {p.subpoints.length ? (
                <ul className="list-[circle] pl-5 text-slate-700">
                  {p.subpoints.map((s, j) => (
                    <li key={j}>{s}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {section.children.length ? (
        <ol className="space-y-3 border-l border-slate-200 pl-4">
          {section.children.map((c) => (
            <Section key={c.lineNo} section={c} onMakePoint={onMakePoint} pending={pending} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function PreviewOutline({ sections, onMakePoint, pending }: Props) {
  if (!sections.length) return <p className="text-slate-600">No sections were found.</p>;
  return (
    <ol data-testid="preview-outline" className="mt-2 max-h-[32rem] space-y-4 overflow-y-auto pr-1">
      {sections.map((s) => (
        <Section key={s.lineNo} section={s} onMakePoint={onMakePoint} pending={pending} />
      ))}
    </ol>
  );
}
