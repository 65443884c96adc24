import type { WholeClassContent } from "./schemas";
import type { Theme, WholeClassSummary } from "./aggregate";
import { plural } from "../text/plural";

// The first draft of whole-class feedback, written from the summary as plain text the
// teacher then edits (decision 032). Level counts stay out of it: they are for the teacher.


function themeLines(themes: Theme[]): string {
  return themes
    .flatMap((t) => [`- ${t.comment}${t.essays > 1 ? ` (${plural(t.essays, "essay")})` : ""}`, ...t.quotes.map((q) => `  For example: “${q}”`)])
    .join("\n");
}

export function draftWholeClass(summary: WholeClassSummary): WholeClassContent {
  const ranked = summary.criteria.filter((c) => c.meanShare !== null).sort((a, b) => b.meanShare! - a.meanShare!);
  const best = ranked[0];
  const weakest = ranked.at(-1);
  const intro = [
    summary.marked ? `I have marked ${plural(summary.marked, "essay")} on this question.` : "",
    best && weakest && best !== weakest ? `As a class you were strongest on ${best.name.toLowerCase()}; the most to gain is on ${weakest.name.toLowerCase()}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    intro,
    criteria: summary.criteria.map((c) => ({ criterionId: c.criterionId, strengths: themeLines(c.strengths), targets: themeLines(c.targets) })),
    comments: summary.bankUses.map((b) => `- ${b.text} (${b.criterionName})`).join("\n"),
  };
}
