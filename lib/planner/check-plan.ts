import { JUDGEMENT_LINE } from "./plan-limits";
import type { Factor, Plan } from "./plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";
import { chosenCriteriaNames } from "./significance-criteria";

// What a plan still needs before the student writes from it. Every message is shown to the
// student as it stands: second person, names the factor, and says what to do next.

export type PlanProblemCode =
  | "stated-factor-missing"
  | "stated-factor-unweighed"
  | "too-few-factors"
  | "factor-unnamed"
  | "factor-no-evidence"
  | "factor-unweighed"
  | "factor-no-mini-judgement"
  | "no-criteria"
  | "no-judgement"
  | "judgement-no-position"
  | "judgement-no-argument"
  | "judgement-contradicts-weights"
  | "argument-contradicts-weights";

/** Which part of the planner a problem belongs to, so the UI can show it there. */
export type PlanSection = "factors" | "criteria" | "judgement";

export type PlanProblem = {
  code: PlanProblemCode;
  severity: "error" | "warning";
  section: PlanSection;
  /** The factor to highlight, if the problem is about one. */
  factorId?: string;
  message: string;
};

const MIN_FACTORS = 3;

const isBlank = (s: string) => s.trim() === "";
const quote = (s: string) => `‘${s}’`;

function factorLabel(plan: Plan, factor: Factor): string {
  return isBlank(factor.name) ? `factor ${plan.factors.indexOf(factor) + 1}` : quote(factor.name.trim());
}

/** The factor that stands for the question's stated factor: the one marked 'stated', else one with the same name. */
export function findStatedFactor(plan: Plan, analysis: QuestionAnalysis): Factor | undefined {
  if (analysis.focus !== "stated-factor" || !analysis.statedFactor?.trim()) return undefined;
  const wanted = words(analysis.statedFactor).join(" ");
  return plan.factors.find((f) => f.kind === "stated") ?? plan.factors.find((f) => words(f.name).join(" ") === wanted);
}

export function checkPlan(plan: Plan, analysis: QuestionAnalysis): PlanProblem[] {
  const problems: (PlanProblem & { rank: number })[] = [];
  const add = (rank: number, problem: PlanProblem) => problems.push({ ...problem, rank });
  const stated = findStatedFactor(plan, analysis);
  const statedName = quote(analysis.statedFactor?.trim() ?? "");
  const judgementRank = plan.factors.length + 1;

  // The whole list of factors.
  if (analysis.focus === "stated-factor" && analysis.statedFactor?.trim() && !stated) {
    add(-1, {
      code: "stated-factor-missing", severity: "error", section: "factors",
      message: `You haven't included ${statedName} in your plan. The question asks about it directly, so add it as a factor and explain its role before you weigh it against the others.`,
    });
  }
  if (plan.factors.length < MIN_FACTORS) {
    const have = plan.factors.length === 0 ? "Your plan has no factors yet." : `Your plan has ${plan.factors.length} factor${plan.factors.length === 1 ? "" : "s"}.`;
    const why =
      analysis.focus === "stated-factor" ? `so you can weigh ${statedName} against at least two other factors`
      : analysis.focus === "claim" ? "so you weigh the case for and against the claim in more than one area"
      : "so your answer weighs a range of factors";
    add(-1, { code: "too-few-factors", severity: "error", section: "factors", message: `${have} Add more until you have at least ${MIN_FACTORS}, ${why}.` });
  }

  // Each factor, in the student's order.
  plan.factors.forEach((factor, i) => {
    const name = factorLabel(plan, factor);
    const about = { section: "factors" as const, factorId: factor.id };
    if (isBlank(factor.name)) {
      add(i, { ...about, code: "factor-unnamed", severity: "error", message: `Give ${name} a short name, so you can see at a glance what the paragraph is about.` });
    }
    if (!factor.evidence.some((e) => !isBlank(e.text))) {
      add(i, { ...about, code: "factor-no-evidence", severity: "error", message: `Add evidence for ${name}: at least one precise fact, such as a date, a figure or a named example, from your notes or what you know.` });
    }
    if (factor.weight === null && factor === stated) {
      add(i, { ...about, code: "stated-factor-unweighed", severity: "error", message: `You haven't weighed ${name} yet. The question asks about it directly, so give it a weight and say how significant it was.` });
    } else if (factor.weight === null) {
      const against = factor.kind === "claim" || factor.kind === "counter" ? "how strong this side of the case is" : "how significant it was compared with your other factors";
      add(i, { ...about, code: "factor-unweighed", severity: "error", message: `You haven't weighed ${name} yet. Give it a weight from 1 to 5 to show ${against}.` });
    }
    if (isBlank(factor.miniJudgement)) {
      add(i, { ...about, code: "factor-no-mini-judgement", severity: "warning", message: `Write a mini-judgement for ${name}: one sentence on ${miniJudgementTarget(factor, analysis)}, so the paragraph ends by answering the question.` });
    }
  });

  // Criteria. "How significant" questions are judged against criteria, so there it is an error.
  if (chosenCriteriaNames(plan.criteria, plan.customCriteria).length === 0) {
    add(plan.factors.length, {
      code: "no-criteria", severity: analysis.stem === "how-significant" ? "error" : "warning", section: "criteria",
      message: "Choose at least one criterion for significance, such as scale, duration or depth of impact, so you can explain why one factor mattered more than another.",
    });
  }

  // The judgement.
  const { position, argument } = plan.judgement;
  if (position === null && isBlank(argument)) {
    add(judgementRank, { code: "no-judgement", severity: "error", section: "judgement", message: "You haven't reached a judgement yet. Place your answer on the judgement line and write your line of argument in a sentence or two. Decide it now, before you start writing." });
  } else if (position === null) {
    add(judgementRank, { code: "judgement-no-position", severity: "error", section: "judgement", message: "Place your answer on the judgement line, from “not at all” to “entirely”, so your plan shows how far you agree." });
  } else if (isBlank(argument)) {
    add(judgementRank, { code: "judgement-no-argument", severity: "error", section: "judgement", message: "Write your line of argument: one or two sentences that answer the question. You will state it in your introduction and come back to it at the end of every paragraph." });
  }
  for (const problem of judgementAgainstWeights(plan, analysis, stated)) add(judgementRank, problem);
  const named = argumentAgainstWeights(plan);
  if (named) add(judgementRank, named);

  const severityRank = { error: 0, warning: 1 };
  return problems
    .map((p, order) => ({ p, order }))
    .sort((a, b) => severityRank[a.p.severity] - severityRank[b.p.severity] || a.p.rank - b.p.rank || a.order - b.order)
    .map(({ p: { rank: _rank, ...problem } }) => problem);
}

function miniJudgementTarget(factor: Factor, analysis: QuestionAnalysis): string {
  if (factor.kind === "claim" || factor.kind === "counter") return "how far this supports or challenges the claim";
  return analysis.outcome?.trim() ? `how significant it was for ${analysis.outcome.trim()}` : "how significant it was";
}

const MOVE = "Move your judgement or change the weights so they agree.";

/** Does the position on the judgement line say the opposite of what the weights say? */
function judgementAgainstWeights(plan: Plan, analysis: QuestionAnalysis, stated: Factor | undefined): PlanProblem[] {
  const position = plan.judgement.position;
  if (position === null) return [];
  const problem = (message: string, factorId?: string): PlanProblem => ({
    code: "judgement-contradicts-weights", severity: "error", section: "judgement", message, ...(factorId ? { factorId } : {}),
  });

  if (stated && stated.weight !== null) {
    const name = factorLabel(plan, stated);
    const rival = highestWeighted(plan.factors.filter((f) => f !== stated));
    if (!rival || rival.weight === null) return [];
    // "How significant was X" can be answered "very" even when something else was more so,
    // so only the "most significant / main reason" questions treat a high position as "X was top".
    if (position >= JUDGEMENT_LINE.largelyYes && analysis.stem !== "how-significant" && rival.weight > stated.weight) {
      return [problem(`Your judgement line says ${name} was largely the most significant factor, but you've weighted ${factorLabel(plan, rival)} higher (${rival.weight} against ${stated.weight}). ${MOVE}`, rival.id)];
    }
    if (position <= JUDGEMENT_LINE.largelyNo && stated.weight > rival.weight) {
      return [problem(`Your judgement line says ${name} was not the main factor, but you've weighted it above every other factor. ${MOVE}`, stated.id)];
    }
    return [];
  }

  if (analysis.focus === "claim") {
    const forCase = sideWeight(plan, "claim");
    const againstCase = sideWeight(plan, "counter");
    // Until both sides carry a weight, the unweighed factors are the problem to report.
    if (forCase === null || againstCase === null) return [];
    const claim = analysis.claim?.trim() ? `the claim that ${analysis.claim.trim()}` : "the claim";
    if (position >= JUDGEMENT_LINE.largelyYes && againstCase > forCase) {
      return [problem(`Your judgement line says ${claim} largely holds, but the weights you gave the case against add up to more than the case for (${againstCase} against ${forCase}). ${MOVE}`)];
    }
    if (position <= JUDGEMENT_LINE.largelyNo && forCase > againstCase) {
      return [problem(`Your judgement line says ${claim} largely does not hold, but the weights you gave the case for add up to more than the case against (${forCase} against ${againstCase}). ${MOVE}`)];
    }
  }
  return [];
}

/** The total weight on one side of a claim, or null if no factor on that side is weighed yet. */
export function sideWeight(plan: Plan, kind: "claim" | "counter"): number | null {
  const weights = plan.factors.flatMap((f) => (f.kind === kind && f.weight !== null ? [f.weight] : []));
  return weights.length ? weights.reduce((a, b) => a + b, 0) : null;
}

function highestWeighted(factors: Factor[]): Factor | undefined {
  let best: Factor | undefined;
  for (const f of factors) {
    if (f.weight !== null && (best === undefined || best.weight === null || f.weight > best.weight)) best = f;
  }
  return best;
}

/** Does the line of argument call a factor "most significant" that the weights don't put on top? */
function argumentAgainstWeights(plan: Plan): PlanProblem | undefined {
  const top = highestWeighted(plan.factors);
  const named = factorCalledMostSignificant(plan.judgement.argument, plan.factors);
  // An unweighted factor is already reported; a factor tied for the top weight agrees.
  if (!top || top.weight === null || !named || named.weight === null || named.weight >= top.weight) return undefined;
  return {
    code: "argument-contradicts-weights", severity: "warning", section: "judgement", factorId: named.id,
    message: `Your line of argument calls ${factorLabel(plan, named)} the most significant, but you've weighted ${factorLabel(plan, top)} highest (${top.weight} against ${named.weight}). Change your argument or your weights so they agree.`,
  };
}

// The text heuristic, kept deliberately cautious because a false alarm teaches the wrong thing:
// 1. Split the argument into sentences and find a "top" phrase ("most significant", "main
//    reason", "key factor"…).
// 2. Skip any sentence with a negation or a hedge ("not", "n't", "rather than", "only",
//    "to some extent", "but"…): "X was only partly the main reason" is too easy to misread.
// 3. Find each factor's name in the sentence (case, punctuation, articles, possessive 's,
//    plural -s and -ise/-ize ignored) and take the mention nearest the phrase; a longer name
//    wins a tie ("Virgin Lands failure" over "Virgin Lands"); any other tie means no answer.
// Paraphrases ("the Secret Speech" for a factor named "de-Stalinisation") are not recognised.
const TOP_PHRASE = /\b(?:most (?:significant|important|influential|decisive)|(?:main|key|chief|primary|principal|biggest|greatest|decisive) (?:reason|cause|factor))\b/gi;
const NEGATION_OR_HEDGE =
  /\b(?:not|never|no|nor|neither|rather than|less|least|only|partly|partially|limited|some extent|an extent|but|however|although|though|whereas)\b|n['’]t\b/i;
const IGNORED_WORDS = new Set(["the", "a", "an"]);

function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !IGNORED_WORDS.has(w))
    .map((w) => w.replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1"))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

function occurrences(haystack: string[], needle: string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) found.push(i);
  }
  return found;
}

export function factorCalledMostSignificant(argument: string, factors: readonly Factor[]): Factor | undefined {
  for (const sentence of argument.split(/(?<=[.!?;])\s+|\n+/)) {
    if (NEGATION_OR_HEDGE.test(sentence)) continue;
    const sentenceWords = words(sentence);
    for (const match of sentence.matchAll(TOP_PHRASE)) {
      const start = words(sentence.slice(0, match.index)).length;
      const end = start + words(match[0]).length;
      let best: { factor: Factor; distance: number; length: number } | undefined;
      let tied = false;
      for (const factor of factors) {
        const name = words(factor.name);
        if (name.length === 0) continue;
        for (const at of occurrences(sentenceWords, name)) {
          const distance = at + name.length <= start ? start - (at + name.length) : at >= end ? at - end : Infinity;
          if (distance === Infinity) continue;
          if (!best || distance < best.distance || (distance === best.distance && name.length > best.length)) {
            best = { factor, distance, length: name.length };
            tied = false;
          } else if (distance === best.distance && name.length === best.length && factor !== best.factor) {
            tied = true;
          }
        }
      }
      if (best && !tied) return best.factor;
    }
  }
  return undefined;
}
