import { JUDGEMENT_LINE } from "./plan-limits";
import type { Factor, Plan } from "./plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";
import { chosenCriteriaNames } from "./significance-criteria";
import { factorCalledMostSignificant, words } from "./most-significant";
import { planCheckGroup, type PlanCheckGuide, type PlanCheckId, type PlanCheckSource } from "./plan-check-guide";
import { count, inline } from "./plan-english";
import { questionVoice, scaleEnds, type QuestionVoice } from "./question-voice";

export { factorCalledMostSignificant };

// What a plan still needs before the student writes from it. Every message is shown to the
// student as it stands: second person, names the factor, says what to do next and, when the
// assignment's rubric declares it (decision 022), which part of the mark scheme asks for it.

export type PlanProblemCode = PlanCheckId;

/** Which part of the planner a problem belongs to, so the UI can show it there. */
export type PlanSection = "factors" | "criteria" | "judgement";

export type PlanProblem = {
  code: PlanProblemCode;
  severity: "error" | "warning";
  section: PlanSection;
  /** The factor to highlight, if the problem is about one. */
  factorId?: string;
  /** The whole message: the advice, then the mark scheme's words when the rubric maps this check. */
  message: string;
  /** The advice alone, for a UI that shows `serves` beside it. */
  advice: string;
  /** The criterion (or holistic feature) this check serves and the level descriptor's words, when the rubric maps it. */
  serves?: PlanCheckSource;
};

export type CheckPlanOptions = {
  /** The assignment's pinned rubric's mapping (planCheckGuide); without it the messages name no criterion. */
  guide?: PlanCheckGuide | null;
  /** The question as set, so claim questions ("How far do you agree…") get claim-shaped advice and the scale's own words. */
  question?: string;
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

/** "Evaluation and judgement, Level 5: “…”", the mark scheme's part of a message. */
export function servesText(source: PlanCheckSource): string {
  // The descriptor's words exactly as written (decision 022), less any end mark before ours.
  return `${planCheckGroup(source).label}, Level ${source.level}: “${source.quote.trim().replace(/[\s.,;:]+$/, "")}”`;
}

type Draft = Omit<PlanProblem, "advice" | "serves">;

export function checkPlan(plan: Plan, analysis: QuestionAnalysis, options: CheckPlanOptions = {}): PlanProblem[] {
  const voice = questionVoice(options.question ?? "", analysis);
  const problems: (Draft & { rank: number })[] = [];
  const add = (rank: number, problem: Draft) => problems.push({ ...problem, rank });
  const stated = findStatedFactor(plan, analysis);
  const statedName = quote(analysis.statedFactor?.trim() ?? "");
  const claimText = voice.claim ? `the claim that ${inline(voice.claim)}` : "the claim";
  const agreeing = voice.agreeWithClaim;
  const judgementRank = plan.factors.length + 1;

  // The whole list of factors.
  if (analysis.focus === "stated-factor" && analysis.statedFactor?.trim() && !stated) {
    add(-1, {
      code: "stated-factor-missing", severity: "error", section: "factors",
      message: agreeing
        ? `You haven't included ${statedName} in your plan. The question asks how far you agree with ${claimText}, so add it as a factor and show what it did before you agree or disagree.`
        : `You haven't included ${statedName} in your plan. The question asks about it directly, so add it as a factor and explain its role before you weigh it against the others.`,
    });
  }
  if (plan.factors.length < MIN_FACTORS) {
    const have = plan.factors.length === 0 ? "Your plan has no factors yet." : `Your plan has ${count(plan.factors.length, "factor")}.`;
    const why =
      analysis.focus === "stated-factor" && agreeing ? `so you can test ${claimText} against at least two other reasons`
      : analysis.focus === "stated-factor" ? `so you can weigh ${statedName} against at least two other factors`
      : analysis.focus === "claim" ? `so you weigh the case for and against ${claimText} in more than one area`
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
      const why = agreeing ? `The claim rests on it, so give it a weight and say how far the evidence bears the claim out.` : "The question asks about it directly, so give it a weight and say how significant it was.";
      add(i, { ...about, code: "stated-factor-unweighed", severity: "error", message: `You haven't weighed ${name} yet. ${why}` });
    } else if (factor.weight === null) {
      const against = factor.kind === "claim" || factor.kind === "counter" ? "how strong this side of the case is" : "how significant it was compared with your other factors";
      add(i, { ...about, code: "factor-unweighed", severity: "error", message: `You haven't weighed ${name} yet. Give it a weight from 1 to 5 to show ${against}.` });
    }
    if (isBlank(factor.miniJudgement)) {
      add(i, { ...about, code: "factor-no-mini-judgement", severity: "warning", message: `Write a mini-judgement for ${name}: one sentence on ${miniJudgementTarget(factor, analysis, voice, claimText)}, so the paragraph ends by answering the question.` });
    }
  });

  // Criteria. "How significant" questions are judged against criteria, so there it is an error.
  if (chosenCriteriaNames(plan.criteria, plan.customCriteria).length === 0) {
    add(plan.factors.length, {
      code: "no-criteria", severity: analysis.stem === "how-significant" ? "error" : "warning", section: "criteria",
      message: "Choose at least one criterion for significance, such as scale, duration or depth of impact, so you can explain why one factor mattered more than another.",
    });
  }

  // The judgement. An unplaced judgement line (position null) is "not decided yet".
  const { position, argument } = plan.judgement;
  const ends = scaleEnds(voice.scale);
  const howFar = agreeing ? `how far you agree with ${claimText}` : "how far you agree";
  if (position === null && isBlank(argument)) {
    add(judgementRank, { code: "no-judgement", severity: "error", section: "judgement", message: `You haven't decided ${agreeing ? howFar : "your answer"} yet. Place your answer on the judgement line and write your line of argument in a sentence or two. Decide it now, before you start writing.` });
  } else if (position === null) {
    add(judgementRank, { code: "judgement-no-position", severity: "error", section: "judgement", message: `You haven't placed your answer on the judgement line yet. Move it, from “${ends.low}” to “${ends.high}”, so your plan shows ${howFar}.` });
  } else if (isBlank(argument)) {
    add(judgementRank, { code: "judgement-no-argument", severity: "error", section: "judgement", message: "Write your line of argument: one or two sentences that answer the question. You will state it in your introduction and come back to it at the end of every paragraph." });
  }
  for (const problem of judgementAgainstWeights(plan, analysis, stated, agreeing, claimText)) add(judgementRank, problem);
  const named = argumentAgainstWeights(plan);
  if (named) add(judgementRank, named);

  const severityRank = { error: 0, warning: 1 };
  return problems
    .map((p, order) => ({ p, order }))
    .sort((a, b) => severityRank[a.p.severity] - severityRank[b.p.severity] || a.p.rank - b.p.rank || a.order - b.order)
    .map(({ p: { rank: _rank, ...problem } }) => withSource(problem, options.guide?.checks[problem.code]));
}

function withSource(problem: Draft, source: PlanCheckSource | undefined): PlanProblem {
  if (!source) return { ...problem, advice: problem.message };
  return { ...problem, advice: problem.message, serves: source, message: `${problem.message} Mark scheme: ${servesText(source)}.` };
}

function miniJudgementTarget(factor: Factor, analysis: QuestionAnalysis, voice: QuestionVoice, claimText: string): string {
  if (factor.kind === "claim" || factor.kind === "counter") return `how far this supports or challenges ${claimText}`;
  if (voice.agreeWithClaim) return `whether this supports or challenges ${claimText}`;
  return analysis.outcome?.trim() ? `how significant it was for ${analysis.outcome.trim()}` : "how significant it was";
}

const MOVE = "Move your judgement or change the weights so they agree.";

/** Does the position on the judgement line say the opposite of what the weights say? */
export function judgementAgainstWeights(plan: Plan, analysis: QuestionAnalysis, stated: Factor | undefined, agreeing = false, claimText = "the claim"): Draft[] {
  const position = plan.judgement.position;
  if (position === null) return [];
  const problem = (message: string, factorId?: string): Draft => ({
    code: "judgement-contradicts-weights", severity: "error", section: "judgement", message, ...(factorId ? { factorId } : {}),
  });

  if (stated && stated.weight !== null) {
    const name = factorLabel(plan, stated);
    const rival = highestWeighted(plan.factors.filter((f) => f !== stated));
    if (!rival || rival.weight === null) return [];
    // "How significant was X" can be answered "very" even when something else was more so,
    // so only the "most significant / main reason" questions treat a high position as "X was top".
    if (position >= JUDGEMENT_LINE.largelyYes && analysis.stem !== "how-significant" && rival.weight > stated.weight) {
      const says = agreeing ? `you largely agree with ${claimText}` : `${name} was largely the most significant factor`;
      return [problem(`Your judgement line says ${says}, but you've weighted ${factorLabel(plan, rival)} higher (${rival.weight} against ${stated.weight}). ${MOVE}`, rival.id)];
    }
    if (position <= JUDGEMENT_LINE.largelyNo && stated.weight > rival.weight) {
      const says = agreeing ? `you largely disagree with ${claimText}` : `${name} was not the main factor`;
      return [problem(`Your judgement line says ${says}, but you've weighted ${name} above every other factor. ${MOVE}`, stated.id)];
    }
    return [];
  }

  if (analysis.focus === "claim") {
    const forCase = sideWeight(plan, "claim");
    const againstCase = sideWeight(plan, "counter");
    // Until both sides carry a weight, the unweighed factors are the problem to report.
    if (forCase === null || againstCase === null) return [];
    if (position >= JUDGEMENT_LINE.largelyYes && againstCase > forCase) {
      const says = agreeing ? `you largely agree with ${claimText}` : `${claimText} largely holds`;
      return [problem(`Your judgement line says ${says}, but the weights you gave the case against add up to more than the case for (${againstCase} against ${forCase}). ${MOVE}`)];
    }
    if (position <= JUDGEMENT_LINE.largelyNo && forCase > againstCase) {
      const says = agreeing ? `you largely disagree with ${claimText}` : `${claimText} largely does not hold`;
      return [problem(`Your judgement line says ${says}, but the weights you gave the case for add up to more than the case against (${forCase} against ${againstCase}). ${MOVE}`)];
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
function argumentAgainstWeights(plan: Plan): Draft | undefined {
  const top = highestWeighted(plan.factors);
  const named = factorCalledMostSignificant(plan.judgement.argument, plan.factors);
  // An unweighted factor is already reported; a factor tied for the top weight agrees.
  if (!top || top.weight === null || !named || named.weight === null || named.weight >= top.weight) return undefined;
  return {
    code: "argument-contradicts-weights", severity: "warning", section: "judgement", factorId: named.id,
    message: `Your line of argument calls ${factorLabel(plan, named)} the most significant, but you've weighted ${factorLabel(plan, top)} highest (${top.weight} against ${named.weight}). Change your argument or your weights so they agree.`,
  };
}
