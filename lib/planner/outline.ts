import { findStatedFactor, judgementAgainstWeights, sideWeight } from "./check-plan";
import { factorCalledMostSignificant } from "./most-significant";
import { WEIGHT_MAX } from "./plan-limits";
import type { Factor, Plan } from "./plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";
import { findCriterion } from "./significance-criteria";
import { inline, listed, opening, sentence, wasOrWere, withArticle } from "./plan-english";
import { judgementBand, questionVoice, SCALE_WORDS, type JudgementBand, type QuestionVoice } from "./question-voice";

export { judgementBand, judgementWords, type JudgementBand } from "./question-voice";

// Turns a plan into an essay outline: an introduction that states the line of argument, one
// PEEL paragraph per factor (most significant first) and a conclusion that reaches the
// judgement. The student inserts it into their draft and writes over it, so every gap is a
// visible [bracketed prompt] rather than silently left out, and so is a judgement the plan
// has not settled (the line unplaced, or the weights saying the opposite): the outline never
// states two answers at once. Grammar round the student's words: plan-english.ts.

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

/** Highest weight first; ties keep the student's order; unweighted factors last, in order. */
export function factorsByWeight(factors: readonly Factor[]): Factor[] {
  return factors
    .map((factor, order) => ({ factor, order }))
    .sort((a, b) => (b.factor.weight ?? 0) - (a.factor.weight ?? 0) || a.order - b.order)
    .map(({ factor }) => factor);
}

const WEIGHT_WORDS = ["minor", "limited", "moderate", "major", "decisive"] as const;

const isBlank = (s: string) => s.trim() === "";

function nameOf(factor: Factor, plan: Plan): string {
  return isBlank(factor.name) ? `Factor ${plan.factors.indexOf(factor) + 1}` : inline(factor.name);
}

type Wording = { outcome: string | null; claim: string | null; stated: string | null; voice: QuestionVoice };

function wordingOf(analysis: QuestionAnalysis, question: string): Wording {
  const clean = (s: string | null) => (s && !isBlank(s) ? inline(s) : null);
  const voice = questionVoice(question, analysis);
  return {
    outcome: clean(analysis.outcome),
    // A claim question, or a stated factor put as a claim to agree with, is argued as a claim.
    claim: analysis.focus === "claim" || voice.agreeWithClaim ? clean(analysis.claim) : null,
    stated: analysis.focus === "stated-factor" ? clean(analysis.statedFactor) : null,
    voice,
  };
}

function paragraphFor(factor: Factor, plan: Plan, wording: Wording): OutlineParagraph {
  const name = nameOf(factor, plan);
  const side = factor.kind === "claim" || factor.kind === "counter" ? factor.kind : null;
  const inArea = factor.area && !isBlank(factor.area) ? `In ${inline(factor.area).toLowerCase()} terms, t` : "T";
  const claim = wording.claim ?? "the claim in the question holds";

  const point =
    side === "claim" ? `${inArea}here is evidence that ${claim}.`
    : side === "counter" ? `${inArea}here are limits to the claim that ${claim}.`
    : wording.outcome ? `${opening(name)} contributed to ${wording.outcome}.`
    : `${opening(name)} ${wasOrWere(name)} a significant factor.`;

  const strength = factor.weight === null ? undefined : WEIGHT_WORDS[factor.weight - 1];
  const weighing =
    strength === undefined ? (side ? "[Weigh it: how strong is this side of the case?]" : "[Weigh it: how significant was this?]")
    : side === "claim" ? `This gives ${strength} support to the claim that ${claim}.`
    : side === "counter" ? `This is ${withArticle(strength)} challenge to the claim that ${claim}.`
    : `${opening(name)} ${wasOrWere(name)} therefore of ${strength} significance${wording.outcome ? ` to ${wording.outcome}` : ""}.`;
  const mini = isBlank(factor.miniJudgement) ? "[Mini-judgement: how far does this answer the question?]" : sentence(factor.miniJudgement);

  const evidence = factor.evidence.map((e) => e.text.trim()).filter((t) => t !== "");
  return {
    factorId: factor.id,
    kind: factor.kind,
    // The heading keeps the name as typed; sentences use `name`'s inline form.
    name: isBlank(factor.name) ? name : factor.name.trim().replace(/[\s.,;:]+$/, ""),
    weight: factor.weight,
    point,
    evidence: evidence.length ? evidence : ["[Add precise evidence: a date, a figure or a named example.]"],
    explain: isBlank(factor.argumentFor) ? "[Explain how this evidence supports your point.]" : sentence(factor.argumentFor),
    counter: isBlank(factor.argumentAgainst) ? null : sentence(factor.argumentAgainst),
    link: `${mini} ${weighing}`,
  };
}

function criteriaNames(plan: Plan): string[] {
  // Built-in names are common nouns ("depth of impact"); the student's own are kept as typed ("the Party elite").
  const builtIn = plan.criteria.flatMap((id) => findCriterion(id)?.name.toLowerCase() ?? []);
  return [...builtIn, ...plan.customCriteria.filter((c) => !isBlank(c)).map(inline)];
}

function introduction(plan: Plan, analysis: QuestionAnalysis, ordered: Factor[], wording: Wording): string[] {
  const lines = [isBlank(plan.judgement.argument) ? "[Your line of argument: answer the question in a sentence or two.]" : sentence(plan.judgement.argument)];
  const stated = findStatedFactor(plan, analysis);
  const others = ordered.filter((f) => f !== stated).map((f) => nameOf(f, plan));
  if (wording.claim && analysis.focus === "claim") {
    const areas = [...new Set(ordered.flatMap((f) => (f.area && !isBlank(f.area) ? [inline(f.area).toLowerCase()] : [])))];
    lines.push(`This essay weighs the case for the claim that ${wording.claim} against the case against${areas.length ? `, area by area: ${listed(areas)}` : ""}.`);
  } else if (stated && others.length) {
    const against = `${nameOf(stated, plan)} against ${listed(others)}`;
    lines.push(wording.claim ? `To test the claim that ${wording.claim}, this essay weighs ${against}.` : `This essay weighs ${against}.`);
  } else if (ordered.length) {
    lines.push(`This essay weighs ${listed(ordered.map((f) => nameOf(f, plan)))}.`);
  }
  const criteria = criteriaNames(plan);
  if (criteria.length) lines.push(`Significance is judged by ${listed(criteria)}.`);
  return lines;
}

// How a claim is judged in an essay's own voice, band by band.
const CLAIM_HOLDS: Record<JudgementBand, string> = {
  "not-at-all": "does not hold",
  limited: "holds only to a limited extent",
  some: "holds to some extent",
  large: "holds to a great extent",
  entirely: "holds entirely",
};
const CLAIM_JUSTIFIED: Record<JudgementBand, string> = {
  "not-at-all": "is not justified",
  limited: "is justified only to a limited extent",
  some: "is partly justified",
  large: "is largely justified",
  entirely: "is fully justified",
};

function judgementSentence(position: number | null, analysis: QuestionAnalysis, wording: Wording): string {
  if (position === null) return "[Your judgement: not decided yet. Place your answer on the judgement line.]";
  const band = judgementBand(position);
  const outcome = wording.outcome ? ` in ${wording.outcome}` : "";
  if (wording.claim) {
    return `Overall, the claim that ${wording.claim} ${(wording.voice.agreeWithClaim ? CLAIM_JUSTIFIED : CLAIM_HOLDS)[band]}.`;
  }
  if (wording.stated) {
    const subject = `${wording.stated} ${wasOrWere(wording.stated)}`;
    if (analysis.stem === "how-significant") return `Overall, ${subject} ${SCALE_WORDS.significance[band]}${outcome}.`;
    const top = `the most significant factor${outcome}`;
    const byBand: Record<JudgementBand, string> = {
      "not-at-all": `Overall, ${subject} not ${top}.`,
      limited: `Overall, ${subject} ${top} only to a limited extent.`,
      some: `Overall, ${subject}, to some extent, ${top}.`,
      large: `Overall, ${subject}, to a great extent, ${top}.`,
      entirely: `Overall, ${subject} clearly ${top}.`,
    };
    return byBand[band];
  }
  return `Overall, the answer to the question is: ${SCALE_WORDS[wording.voice.scale][band]}.`;
}

// Says in so many words whether the stated factor was the most significant, from the weights:
// the stated-factor rule means the conclusion must answer that directly.
function statedFactorSentence(plan: Plan, stated: Factor | undefined, wording: Wording): string {
  const plainName = stated ? nameOf(stated, plan) : (wording.stated ?? "");
  const name = opening(plainName);
  const was = wasOrWere(plainName);
  const rival = factorsByWeight(plan.factors.filter((f) => f !== stated))[0];
  if (!stated || stated.weight === null || !rival || rival.weight === null) {
    return `[Say whether ${plainName} ${was} the most significant factor, and why.]`;
  }
  const rivalName = nameOf(rival, plan);
  const it = was === "were" ? "they" : "it";
  if (stated.weight > rival.weight) return `${name} ${was} the most significant factor: ${it} outweighed ${rivalName}.`;
  if (stated.weight === rival.weight) return `${name} ${was} not clearly the most significant factor: ${rivalName} mattered as much.`;
  return `${name} ${was} not the most significant factor: ${rivalName} mattered more.`;
}

function balanceSentence(plan: Plan): string {
  const forCase = sideWeight(plan, "claim");
  const againstCase = sideWeight(plan, "counter");
  if (forCase === null || againstCase === null) return "[Weigh both sides to say which case is stronger.]";
  if (forCase > againstCase) return "The case for the claim outweighs the case against.";
  if (againstCase > forCase) return "The case against the claim outweighs the case for.";
  return "The case for and the case against are evenly balanced.";
}

const UNSETTLED =
  "[Your judgement line and your weights give different answers. Decide which is right, then change the other, before you write this conclusion.]";

function conclusion(plan: Plan, analysis: QuestionAnalysis, ordered: Factor[], wording: Wording): string[] {
  const stated = findStatedFactor(plan, analysis);
  const lines = [judgementSentence(plan.judgement.position, analysis, wording)];
  // A judgement the weights contradict is the student's to settle: say so instead of writing both answers.
  if (judgementAgainstWeights(plan, analysis, stated).length) return [...lines, UNSETTLED];
  if (wording.stated) {
    lines.push(statedFactorSentence(plan, stated, wording));
  } else if (wording.claim) {
    lines.push(balanceSentence(plan));
  } else {
    const [top, next] = ordered;
    if (top && top.weight !== null && (!next || next.weight === null || next.weight < top.weight)) {
      const name = nameOf(top, plan);
      lines.push(`${opening(name)} ${wasOrWere(name)} the most significant factor${wording.outcome ? ` in ${wording.outcome}` : ""}.`);
    }
  }
  if (!isBlank(plan.judgement.argument)) {
    // A line of argument that crowns a factor the weights put lower would contradict the sentence above.
    const crowned = factorCalledMostSignificant(plan.judgement.argument, plan.factors);
    const top = ordered[0];
    if (crowned && crowned.weight !== null && top && top.weight !== null && crowned.weight < top.weight) {
      lines.push("[Your line of argument names a different most significant factor from your weights. Make them agree, then restate it here.]");
    } else {
      lines.push(sentence(plan.judgement.argument));
    }
  }
  return lines;
}

export function generateOutline(plan: Plan, analysis: QuestionAnalysis, question: string): Outline {
  const wording = wordingOf(analysis, question);
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

