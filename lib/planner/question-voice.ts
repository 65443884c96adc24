import { JUDGEMENT_LINE } from "./plan-limits";
import type { QuestionAnalysis } from "../questions/analyse-question";

// The words the judgement line speaks in, taken from the question's own wording: a student
// asked "How far…" answers "very far" or "not far", one asked "To what extent…" answers "to
// a great extent", one asked whether they agree with a quoted claim answers "largely agree".
// The plan check, the outline and the slider's label all read the same words from here.

export type JudgementScale = "extent" | "far" | "significance" | "agree";

/** Five bands along the judgement line, from "not at all" to "entirely". */
export type JudgementBand = "not-at-all" | "limited" | "some" | "large" | "entirely";

// Bands meet the checker's thresholds (JUDGEMENT_LINE), so "largely" in any scale is exactly
// the range where checkPlan reads the position as "largely yes".
export function judgementBand(position: number): JudgementBand {
  if (position <= 10) return "not-at-all";
  if (position <= JUDGEMENT_LINE.largelyNo) return "limited";
  if (position < JUDGEMENT_LINE.largelyYes) return "some";
  if (position < 90) return "large";
  return "entirely";
}

export const SCALE_WORDS: Record<JudgementScale, Record<JudgementBand, string>> = {
  extent: { "not-at-all": "not at all", limited: "to a limited extent", some: "to some extent", large: "to a great extent", entirely: "entirely" },
  far: { "not-at-all": "not at all far", limited: "not far", some: "some way", large: "very far", entirely: "all the way" },
  significance: { "not-at-all": "not significant", limited: "of limited significance", some: "quite significant", large: "very significant", entirely: "decisive" },
  agree: { "not-at-all": "disagree entirely", limited: "largely disagree", some: "partly agree", large: "largely agree", entirely: "agree entirely" },
};

export type QuestionVoice = {
  scale: JudgementScale;
  /**
   * The question asks how far the student agrees with a proposition ("'X was the main
   * reason…' How far do you agree?", "Assess the validity of this view"), so the plan is
   * argued for and against that claim even when the claim names a factor.
   */
  agreeWithClaim: boolean;
  /** The proposition to agree or disagree with, when the question states one. */
  claim: string | null;
};

const AGREE_WORDING = /\b(?:do|would) you agree\b|\bvalidity of (?:this|the) (?:view|claim|statement|interpretation|judgement)\b|\b(?:assess|evaluate) (?:this|the) (?:view|claim|statement|interpretation)\b/i;
const OPENS_WITH_QUOTATION = /^\s*[‘“'"]/;

export function questionVoice(question: string, analysis: QuestionAnalysis): QuestionVoice {
  const claim = analysis.claim?.trim() || null;
  const agreeWithClaim = !!claim && (AGREE_WORDING.test(question) || (OPENS_WITH_QUOTATION.test(question) && analysis.stem !== "how-significant"));
  const scale: JudgementScale = agreeWithClaim
    ? "agree"
    : analysis.stem === "how-significant" ? "significance"
    : analysis.stem === "how-far" ? "far"
    : "extent";
  return { scale, agreeWithClaim, claim };
}

export function judgementWords(position: number, scale: JudgementScale = "extent"): string {
  return SCALE_WORDS[scale][judgementBand(position)];
}

/** What the slider's ends and middle say, in the question's own terms. */
export function scaleEnds(scale: JudgementScale): { low: string; middle: string; high: string } {
  const words = SCALE_WORDS[scale];
  return { low: words["not-at-all"], middle: words.some, high: words.entirely };
}

/** The judgement line's label: the question, asked back in the student's terms. */
export function judgementQuestion(analysis: QuestionAnalysis, voice: QuestionVoice): string {
  const stated = analysis.focus === "stated-factor" ? analysis.statedFactor?.trim() : undefined;
  if (voice.agreeWithClaim && voice.claim) return `How far do you agree that ${lowerArticle(voice.claim)}?`;
  if (stated && analysis.stem === "how-significant") {
    return `How significant was ${stated}${analysis.outcome?.trim() ? ` in ${analysis.outcome.trim()}` : ""}?`;
  }
  const asked = voice.scale === "far" ? "How far" : "To what extent";
  if (stated) {
    // Ask it in the question's own terms ("the main reason for…"), by turning the claim "X was Y" round.
    const claim = voice.claim?.replace(/[.!?]+$/, "") ?? "";
    const head = `${stated} `.toLowerCase();
    const turned = claim.toLowerCase().startsWith(head) && /^(was|were) (.+)$/.exec(claim.slice(head.length));
    if (turned) return `${asked} ${turned[1]} ${stated} ${turned[2]}?`;
    return `${asked} was ${stated} the most significant factor${analysis.outcome?.trim() ? ` in ${analysis.outcome.trim()}` : ""}?`;
  }
  if (voice.claim) return `${asked} do you agree that ${lowerArticle(voice.claim)}?`;
  return `${asked} does your answer hold?`;
}

const lowerArticle = (s: string) => s.replace(/[.!?]+$/, "").replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
