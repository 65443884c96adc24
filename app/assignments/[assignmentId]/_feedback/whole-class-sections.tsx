import type { WholeClassContent } from "@/lib/whole-class-feedback/schemas";

/**
 * Whole-class feedback as the class reads it (decision 032): the teacher's note, then per
 * criterion what went well and what to work on, then the comments that came up most. Used
 * beside a student's own feedback and on the printable page. Empty sections are left out.
 */
export function WholeClassSections({ content, criteria, headingLevel = 2 }: { content: WholeClassContent; criteria: { id: string; name: string }[]; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as "h2" | "h3";
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  const nameOf = (id: string) => criteria.find((c) => c.id === id)?.name ?? id;
  const sections = content.criteria.filter((c) => c.strengths || c.targets);
  return (
    <div className="space-y-4 text-sm text-slate-800">
      {content.intro ? <p className="whitespace-pre-line">{content.intro}</p> : null}
      {sections.map((c) => (
        <section key={c.criterionId} aria-label={nameOf(c.criterionId)} className="break-inside-avoid-page">
          <H className="font-semibold text-slate-900">{nameOf(c.criterionId)}</H>
          <div className="mt-1 grid gap-3 sm:grid-cols-2">
            {c.strengths ? (
              <div>
                <Sub className="font-medium text-emerald-900">What the class did well</Sub>
                <p className="mt-0.5 whitespace-pre-line">{c.strengths}</p>
              </div>
            ) : null}
            {c.targets ? (
              <div>
                <Sub className="font-medium text-amber-900">What to work on</Sub>
                <p className="mt-0.5 whitespace-pre-line">{c.targets}</p>
              </div>
            ) : null}
          </div>
        </section>
      ))}
      {content.comments ? (
        <section aria-label="Comments that came up most" className="break-inside-avoid-page">
          <H className="font-semibold text-slate-900">Comments that came up most</H>
          <p className="mt-1 whitespace-pre-line">{content.comments}</p>
        </section>
      ) : null}
    </div>
  );
}
