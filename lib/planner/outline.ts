import { findStatedFactor, sideWeight } from "./check-plan";
import { JUDGEMENT_LINE, WEIGHT_MAX } from "./plan-limits";
import type { Factor, Plan } from "./plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";
import { chosenCriteriaNames } from "./significance-criteria";

// Turns a plan into an essay outline: an introduction that states the line of argument, one
// PEEL paragraph per factor (most significant first) and a conclusion that reaches the
// judgement. The student inserts it into their draft and writes over it, so every gap is a
// visible [bracketed prompt] rather than silently left out.

export type OutlineParagraph = {
  factorId: string;
  kind: Factor["kind"];
  name: string;
  weight: number | null;
  point: string;
  evidence: string[];
  explain: string;
  /** The argument against, when the student wrote one. */
  counter: string | null;
  link: string;
};

export type Outline = {
  question: string;
  introduction: string[];
  paragraphs: OutlineParagraph[];
  conclusion: string[];
};

export type JudgementBand = "not-at-all" | "limited" | "some" | "large" | "entirely";

const BAND_WORDS: Record<JudgementBand, string> = {
  "not-at-all": "not at all",
  limited: "to a limited extent",
  some: "to some extent",
  large: "to a large extent",
  entirely: "entirely",
};

// Bands meet the checker's thresholds (JUDGEMENT_LINE), so "to a large extent" here is
// exactly the range where checkPlan reads the position as "largely yes".
export function judgementBand(position: number): JudgementBand {
  if (position <= 10) return "not-at-all";
  if (position <= JUDGEMENT_LINE.largelyNo) return "limited";
  if (position < JUDGEMENT_LINE.largelyYes) return "some";
  if (position < 90) return "large";
  return "entirely";
}

export function judgementWords(position: number): string {
  return BAND_WORDS[judgementBand(position)];
}

/** Highest weight first; ties keep the student's order; unweighted factors last, in order. */
export function factorsByWeight(factors: readonly Factor[]): Factor[] {
  return factors
    .map((factor, order) => ({ factor, order }))
    .sort((a, b) => (b.factor.weight ?? 0) - (a.factor.weight ?? 0) || a.order - b.order)
    .map(({ factor }) => factor);
}

const WEIGHT_WORDS = ["minor", "limited", "moderate", "major", "decisive"] as const;

const isBlank = (s: string) => s.trim() === "";
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => (/[.!?]["'’”)]?$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const listed = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

function nameOf(factor: Factor, plan: Plan): string {
  return isBlank(factor.name) ? `Factor ${plan.factors.indexOf(factor) + 1}` : factor.name.trim();
}

type Wording = { outcome: string | null; claim: string | null; stated: string | null };

function wordingOf(analysis: QuestionAnalysis): Wording {
  const clean = (s: string | null) => (s && !isBlank(s) ? s.trim() : null);
  return {
    outcome: clean(analysis.outcome),
    claim: analysis.focus === "claim" ? clean(analysis.claim) : null,
    stated: analysis.focus === "stated-factor" ? clean(analysis.statedFactor) : null,
  };
}

function paragraphFor(factor: Factor, plan: Plan, wording: Wording): OutlineParagraph {
  const name = nameOf(factor, plan);
  const side = factor.kind === "claim" || factor.kind === "counter" ? factor.kind : null;
  const inArea = factor.area && !isBlank(factor.area) ? `In ${factor.area.trim().toLowerCase()} terms, t` : "T";
  const claim = wording.claim ?? "the claim in the question holds";

  const point =
    side === "claim" ? `${inArea}here is evidence that ${claim}.`
    : side === "counter" ? `${inArea}here are limits to the claim that ${claim}.`
    : wording.outcome ? `${capitalise(name)} contributed to ${wording.outcome}.`
    : `${capitalise(name)} was a significant factor.`;

  const strength = factor.weight === null ? null : WEIGHT_WORDS[factor.weight - 1];
  const weighing =
    strength === null || strength === undefined ? (side ? "[Weigh it: how strong is this side of the case?]" : "[Weigh it: how significant was this?]")
    : side === "claim" ? `This gives ${strength} support to the claim that ${claim}.`
    : side === "counter" ? `This is a ${strength} challenge to the claim that ${claim}.`
    : `${capitalise(name)} was therefore of ${strength} significance${wording.outcome ? ` to ${wording.outcome}` : ""}.`;
  const mini = isBlank(factor.miniJudgement) ? "[Mini-judgement: how far does this answer the question?]" : sentence(factor.miniJudgement);

  const evidence = factor.evidence.map((e) => e.text.trim()).filter((t) => t !== "");
  return {
    factorId: factor.id,
    kind: factor.kind,
    name,
    weight: factor.weight,
    point,
    evidence: evidence.length ? evidence : ["[Add precise evidence: a date, a figure or a named example.]"],
    explain: isBlank(factor.argumentFor) ? "[Explain how this evidence supports your point.]" : sentence(factor.argumentFor),
    counter: isBlank(factor.argumentAgainst) ? null : sentence(factor.argumentAgainst),
    link: `${mini} ${weighing}`,
  };
}

function introduction(plan: Plan, analysis: QuestionAnalysis, ordered: Factor[], wording: Wording): string[] {
  const lines = [isBlank(plan.judgement.argument) ? "[Your line of argument: answer the question in a sentence or two.]" : sentence(plan.judgement.argument)];
  const stated = findStatedFactor(plan, analysis);
  const others = ordered.filter((f) => f !== stated).map((f) => nameOf(f, plan));
  if (wording.claim) {
    const areas = [...new Set(ordered.flatMap((f) => (f.area && !isBlank(f.area) ? [f.area.trim().toLowerCase()] : [])))];
    lines.push(`This essay weighs the case for the claim that ${wording.claim} against the case against${areas.length ? `, area by area: ${listed(areas)}` : ""}.`);
  } else if (stated && others.length) {
    lines.push(`This essay weighs ${nameOf(stated, plan)} against ${listed(others)}.`);
  } else if (ordered.length) {
    lines.push(`This essay weighs ${listed(ordered.map((f) => nameOf(f, plan)))}.`);
  }
  const criteria = chosenCriteriaNames(plan.criteria, plan.customCriteria).map((c) => c.toLowerCase());
  if (criteria.length) lines.push(`Significance is judged by ${listed(criteria)}.`);
  return lines;
}

function judgementSentence(position: number | null, analysis: QuestionAnalysis, wording: Wording): string {
  if (position === null) return "[Your judgement: place your answer on the judgement line.]";
  const band = judgementBand(position);
  const words = BAND_WORDS[band];
  const outcome = wording.outcome ? ` in ${wording.outcome}` : "";
  if (wording.stated) {
    return analysis.stem === "how-significant"
      ? `Overall, ${wording.stated} was ${words} significant${outcome}.`
      : `Overall, ${wording.stated} was ${words} the most significant factor${outcome}.`;
  }
  if (wording.claim) {
    return band === "not-at-all" ? `Overall, the claim that ${wording.claim} does not hold at all.` : `Overall, the claim that ${wording.claim} holds ${words}.`;
  }
  return `Overall, the answer to the question is: ${words}.`;
}

// Says in so many words whether the stated factor was the most significant, from the weights:
// the stated-factor rule means the conclusion must answer that directly.
function statedFactorSentence(plan: Plan, stated: Factor | undefined, wording: Wording): string {
  const plainName = stated ? nameOf(stated, plan) : (wording.stated ?? "");
  const name = capitalise(plainName);
  const rival = factorsByWeight(plan.factors.filter((f) => f !== stated))[0];
  if (!stated || stated.weight === null || !rival || rival.weight === null) {
    return `[Say whether ${plainName} was the most significant factor, and why.]`;
  }
  const rivalName = nameOf(rival, plan);
  if (stated.weight > rival.weight) return `${name} was the most significant factor: it outweighed ${rivalName}.`;
  if (stated.weight === rival.weight) return `${name} was not clearly the most significant factor: ${rivalName} mattered as much.`;
  return `${name} was not the most significant factor: ${rivalName} mattered more.`;
}

function balanceSentence(plan: Plan): string {
  const forCase = sideWeight(plan, "claim");
  const againstCase = sideWeight(plan, "counter");
  if (forCase === null || againstCase === null) return "[Weigh both sides to say which case is stronger.]";
  if (forCase > againstCase) return "The case for the claim outweighs the case against.";
  if (againstCase > forCase) return "The case against the claim outweighs the case for.";
  return "The case for and the case against are evenly balanced.";
}

function conclusion(plan: Plan, analysis: QuestionAnalysis, ordered: Factor[], wording: Wording): string[] {
  const lines = [judgementSentence(plan.judgement.position, analysis, wording)];
  if (wording.stated) {
    lines.push(statedFactorSentence(plan, findStatedFactor(plan, analysis), wording));
  } else if (wording.claim) {
    lines.push(balanceSentence(plan));
  } else {
    const [top, next] = ordered;
    if (top && top.weight !== null && (!next || next.weight === null || next.weight < top.weight)) {
      lines.push(`${capitalise(nameOf(top, plan))} was the most significant factor${wording.outcome ? ` in ${wording.outcome}` : ""}.`);
    }
  }
  if (!isBlank(plan.judgement.argument)) lines.push(sentence(plan.judgement.argument));
  return lines;
}

export function generateOutline(plan: Plan, analysis: QuestionAnalysis, question: string): Outline {
  const wording = wordingOf(analysis);
  const ordered = factorsByWeight(plan.factors);
  return {
    question: question.trim(),
    introduction: introduction(plan, analysis, ordered, wording),
    paragraphs: ordered.map((f) => paragraphFor(f, plan, wording)),
    conclusion: conclusion(plan, analysis, ordered, wording),
  };
}

/**
 * Plain text with headings, for inserting into a draft. The question itself is left out:
 * the draft already shows it.
 */
export function outlineToText(outline: Outline): string {
  const paragraphs = outline.paragraphs.map((p, i) => {
    const weight = p.weight === null ? "not yet weighed" : `weight ${p.weight} of ${WEIGHT_MAX}`;
    return [
      `Paragraph ${i + 1}: ${p.name} (${weight})`,
      `Point: ${p.point}`,
      "Evidence:",
      ...p.evidence.map((e) => `- ${e}`),
      `Explain: ${p.explain}`,
      ...(p.counter ? [`However: ${p.counter}`] : []),
      `Link: ${p.link}`,
    ].join("\n");
  });
  return [`Introduction\n${outline.introduction.join(" ")}`, ...paragraphs, `Conclusion\n${outline.conclusion.join(" ")}`].join("\n\n");
}
