import type { Factor, Plan } from "../planner/plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";
import { compareLevels, readJudgement, plannedLevel, type JudgementReading, type Level, type NameTests } from "./judgement";
import { judgementMessage, placementReason, type JudgementStatus } from "./messages";
import { isRoleTarget, type ParagraphLinks } from "./links";
import { preview, splitParagraphs, type Paragraph } from "./paragraphs";
import { findIn, stemSet, tokens, type Token } from "./words";

// How far the draft carries out the plan, paragraph by paragraph, computed from nothing but
// the text and the plan, so the student's panel (live, in the browser) and the teacher's desk
// (on the server) agree. Every result says what it matched on. The rules, with their numbers,
// are in docs/decisions/021-plan-coverage.md.

export type Role = "introduction" | "body" | "conclusion" | "outline";
export type FactorStatus = "covered" | "mentioned" | "missing";

export type ParagraphCoverage = {
  index: number;
  key: string;
  start: number;
  end: number;
  preview: string;
  role: Role;
  /** The factor the paragraph argues, found or linked by hand. */
  factorId: string | null;
  linkedByHand: boolean;
  matchedOn: string[];
  /** Other factors the paragraph names without arguing them. */
  mentions: string[];
};
export type FactorCoverage = { factorId: string; name: string; status: FactorStatus; paragraphs: number[]; mentionedIn: number[]; matchedOn: string[]; reason: string };
export type EvidenceCoverage = { evidenceId: string; factorId: string; text: string; key: boolean; used: boolean; paragraph: number | null; matchedOn: string[] };
export type PlacementCheck = { found: boolean; paragraph: number | null; reason: string };
export type JudgementCheck = { status: JudgementStatus; planned: Level | null; concluded: JudgementReading["level"]; phrases: string[]; message: string };
export type Coverage = {
  paragraphs: ParagraphCoverage[];
  factors: FactorCoverage[];
  evidence: EvidenceCoverage[];
  introduction: PlacementCheck;
  conclusion: PlacementCheck;
  judgement: JudgementCheck;
};

export type CoverageInput = {
  text: string;
  plan: Plan;
  analysis: QuestionAnalysis;
  question: string;
  links?: ParagraphLinks;
  /** A handed-in essay: its last paragraph is the conclusion even without "In conclusion". */
  final?: boolean;
};

/** A body paragraph shorter than this is still being written: it can mention a factor, not argue it. */
export const MIN_ARGUING_WORDS = 30;
const CONCLUDING = /^(?:in conclusion|to conclude|to sum up|in summary|in sum|overall|ultimately|in the final analysis|all in all|on balance|taken together)\b/i;

type Words = { tokens: Token[]; vocabulary: Set<string>; opening: Set<string>; count: number };
type Profile = { factor: Factor; name: string[]; nameNeeded: number; support: Map<string, number> };

const wordsCache = new Map<string, Words>();
function wordsOf(prose: string): Words {
  const hit = wordsCache.get(prose);
  if (hit) return hit;
  const all = tokens(prose);
  const firstSentence = prose.split(/(?<=[.!?])\s/)[0] ?? prose;
  const words: Words = { tokens: all, vocabulary: new Set(all.map((t) => t.stem)), opening: stemSet(firstSentence), count: prose.split(/\s+/).filter(Boolean).length };
  if (wordsCache.size > 400) wordsCache.clear();
  wordsCache.set(prose, words);
  return words;
}

/** The factor that stands for the question's stated factor, if the question names one. */
function statedFactor(plan: Plan, analysis: QuestionAnalysis): Factor | undefined {
  if (analysis.focus !== "stated-factor") return undefined;
  return plan.factors.find((f) => f.kind === "stated");
}

function profiles(plan: Plan, questionStems: Set<string>): Profile[] {
  const raw = plan.factors.map((factor) => {
    const name = [...stemSet(factor.name)].filter((s) => !questionStems.has(s) || factor.kind === "stated");
    const own = [factor.argumentFor, factor.argumentAgainst, factor.miniJudgement, ...factor.evidence.map((e) => e.text)].join("\n");
    const support = [...stemSet(own)].filter((s) => !questionStems.has(s) && !name.includes(s));
    return { factor, name, support };
  });
  // A word in several factors' plans tells them apart less: it counts 1 / (factors using it).
  const df = new Map<string, number>();
  for (const p of raw) for (const s of new Set([...p.name, ...p.support])) df.set(s, (df.get(s) ?? 0) + 1);
  return raw.map((p) => ({
    factor: p.factor,
    name: p.name,
    nameNeeded: p.name.length <= 2 ? p.name.length : Math.ceil((2 * p.name.length) / 3),
    support: new Map(p.support.map((s) => [s, 1 / df.get(s)!])),
  }));
}

type Match = { nameFull: boolean; opening: boolean; support: number; stems: Set<string> };

function match(profile: Profile, words: Words): Match {
  const stems = new Set<string>();
  let named = 0;
  for (const s of profile.name) {
    const found = findIn(s, words.vocabulary);
    if (!found) continue;
    named++;
    stems.add(found);
  }
  const nameFull = profile.nameNeeded > 0 && named >= profile.nameNeeded;
  const opening = nameFull && profile.name.filter((s) => findIn(s, words.opening)).length >= profile.nameNeeded;
  let support = 0;
  for (const [s, weight] of profile.support) {
    const found = findIn(s, words.vocabulary);
    if (!found) continue;
    support += weight;
    stems.add(found);
  }
  return { nameFull, opening, support, stems };
}

const argues = (m: Match) => m.support >= 3 || (m.nameFull && (m.support >= 1 || m.opening));
const mentions = (m: Match) => m.nameFull || m.support >= 2;
const score = (m: Match) => (m.nameFull ? 3 : 0) + (m.opening ? 1 : 0) + m.support;

/** The words of `words` whose stems are in `stems`, neighbours joined: "Virgin Lands", "grain". */
export function matchedPhrases(words: Words | Token[], stems: Set<string>, max = 5): string[] {
  const list = Array.isArray(words) ? words : words.tokens;
  const phrases: string[] = [];
  let last = -2;
  for (const t of list) {
    if (!stems.has(t.stem)) continue;
    if (t.at === last + 1 && phrases.length) phrases[phrases.length - 1] += ` ${t.word}`;
    else phrases.push(t.word);
    last = t.at;
  }
  const seen = new Set<string>();
  const distinct = phrases.filter((p) => !seen.has(p.toLowerCase()) && seen.add(p.toLowerCase()));
  // Longer phrases first ("Virgin Lands" tells more than "failure"), otherwise in reading order.
  const size = (p: string) => p.split(" ").length;
  return distinct.map((p, i) => ({ p, i })).sort((a, b) => size(b.p) - size(a.p) || a.i - b.i).slice(0, max).map(({ p }) => p);
}

function roles(paragraphs: Paragraph[], links: ParagraphLinks, factorIds: Set<string>, final: boolean): Role[] {
  const manual = (p: Paragraph) => links[p.key];
  const out: Role[] = paragraphs.map((p) => {
    const link = manual(p);
    if (link === "role:introduction") return "introduction";
    if (link === "role:conclusion") return "conclusion";
    if (link && (link === "role:none" || factorIds.has(link))) return "body";
    if (!p.prose) return "outline";
    return p.heading ?? "body";
  });
  const open = paragraphs.map((p, i) => i).filter((i) => out[i] !== "outline");
  const free = (i: number | undefined) => i !== undefined && !manual(paragraphs[i]!) && !paragraphs[i]!.heading;
  const first = open[0];
  if (!out.includes("introduction") && free(first)) out[first!] = "introduction";
  const last = open.at(-1);
  if (!out.includes("conclusion") && open.length >= 2 && free(last) && out[last!] === "body") {
    if (CONCLUDING.test(paragraphs[last!]!.prose) || (final && open.length >= 3)) out[last!] = "conclusion";
  }
  return out;
}

export function computeCoverage({ text, plan, analysis, question, links: stored = {}, final = false }: CoverageInput): Coverage {
  const factorIds = new Set(plan.factors.map((f) => f.id));
  // A link to a factor since deleted is ignored: the paragraph is matched as if never linked.
  const links: ParagraphLinks = Object.fromEntries(Object.entries(stored).filter(([, t]) => isRoleTarget(t) || factorIds.has(t)));
  const stated = statedFactor(plan, analysis);
  const statedStems = stated ? stemSet(stated.name) : new Set<string>();
  const questionStems = new Set([...stemSet([question, analysis.claim ?? "", analysis.outcome ?? ""].join(" "))].filter((s) => !statedStems.has(s)));
  const profs = profiles(plan, questionStems);
  const paragraphs = splitParagraphs(text);
  const paraRoles = roles(paragraphs, links, factorIds, final);
  const words = paragraphs.map((p) => wordsOf(p.prose));

  const result: ParagraphCoverage[] = paragraphs.map((p, i) => {
    const role = paraRoles[i]!;
    const link = links[p.key];
    const matches = profs.map((prof) => ({ prof, m: match(prof, words[i]!) }));
    let factorId: string | null = null;
    let matchedOn: string[] = [];
    if (link && factorIds.has(link)) {
      factorId = link;
      matchedOn = matchedPhrases(words[i]!, matches.find((x) => x.prof.factor.id === link)!.m.stems);
    } else if (role === "body" && !link && words[i]!.count >= MIN_ARGUING_WORDS) {
      // The best-scoring factor the paragraph argues; a tie goes to the one named first.
      const best = matches.filter((x) => argues(x.m)).sort((a, b) => score(b.m) - score(a.m) || firstAt(words[i]!, a.m) - firstAt(words[i]!, b.m))[0];
      if (best) {
        factorId = best.prof.factor.id;
        matchedOn = matchedPhrases(words[i]!, best.m.stems);
      }
    }
    const mentioned = role === "outline" ? [] : matches.filter((x) => x.prof.factor.id !== factorId && mentions(x.m)).map((x) => x.prof.factor.id);
    return { index: i, key: p.key, start: p.start, end: p.end, preview: preview(p), role, factorId, linkedByHand: !!link, matchedOn, mentions: mentioned };
  });

  const evidence = evidenceUse(plan, paragraphs, words, paraRoles, questionStems);
  const factors = plan.factors.map((f) => factorCoverage(f, result, evidence));
  const names = nameTests(profs, stated);
  const intro = result.find((p) => p.role === "introduction");
  const conclusion = result.findLast((p) => p.role === "conclusion");
  const argumentStems = new Set([...stemSet(plan.judgement.argument)].filter((s) => !questionStems.has(s)));
  const place = (p: ParagraphCoverage | undefined, where: "introduction" | "conclusion"): PlacementCheck => {
    if (!p) return { found: false, paragraph: null, reason: placementReason(where, null, [], []) };
    const w = words[p.index]!;
    const reading = readJudgement(paragraphs[p.index]!.prose, names);
    const echoed = [...argumentStems].filter((s) => findIn(s, w.vocabulary));
    const echoes = echoed.length >= Math.min(2, argumentStems.size) && echoed.length > 0 && echoed.length >= 0.4 * argumentStems.size;
    const phrases = reading.level ? reading.phrases : [];
    return { found: phrases.length > 0 || echoes, paragraph: p.index, reason: placementReason(where, p.index, phrases, echoes ? matchedPhrases(w, new Set(echoed)) : []) };
  };
  const planned = plannedLevel(plan.judgement.position);
  const reading = conclusion ? readJudgement(paragraphs[conclusion.index]!.prose, names) : { level: null, phrases: [] };
  const status: JudgementStatus = conclusion ? compareLevels(planned, reading.level) : "no-conclusion";
  return {
    paragraphs: result,
    factors,
    evidence,
    introduction: place(intro, "introduction"),
    conclusion: place(conclusion, "conclusion"),
    judgement: { status, planned, concluded: reading.level, phrases: reading.phrases, message: judgementMessage(status, planned, reading.phrases) },
  };
}

function firstAt(words: Words, m: Match): number {
  return words.tokens.find((t) => m.stems.has(t.stem))?.at ?? Infinity;
}

function nameTests(profs: Profile[], stated: Factor | undefined): NameTests {
  const named = (p: Profile) => (clause: string) => {
    const vocabulary = stemSet(clause);
    return p.nameNeeded > 0 && p.name.filter((s) => findIn(s, vocabulary)).length >= p.nameNeeded;
  };
  const statedProfile = profs.find((p) => p.factor === stated);
  const others = profs.filter((p) => p !== statedProfile).map(named);
  return { stated: statedProfile ? named(statedProfile) : null, others: others.length ? (clause) => others.some((t) => t(clause)) : null };
}

/**
 * Planned evidence is used when a paragraph has enough of its content words (names, dates,
 * figures, key nouns): three, or two that are half of them, or all of a one- or two-word piece.
 */
function evidenceUse(plan: Plan, paragraphs: Paragraph[], words: Words[], paraRoles: Role[], questionStems: Set<string>): EvidenceCoverage[] {
  return plan.factors.flatMap((f) =>
    f.evidence.map((e) => {
      const stems = [...stemSet(e.text)].filter((s) => !questionStems.has(s));
      let best: { i: number; found: Set<string> } | null = null;
      paragraphs.forEach((_, i) => {
        if (paraRoles[i] === "outline" || stems.length === 0) return;
        const found = new Set(stems.flatMap((s) => findIn(s, words[i]!.vocabulary) ?? []));
        const used = found.size >= 3 || (found.size >= 2 && found.size >= stems.length / 2) || (stems.length <= 2 && found.size === stems.length);
        if (used && (!best || found.size > best.found.size)) best = { i, found };
      });
      const hit = best as { i: number; found: Set<string> } | null;
      return {
        evidenceId: e.id,
        factorId: f.id,
        text: e.text,
        key: e.key === true,
        used: hit !== null,
        paragraph: hit?.i ?? null,
        matchedOn: hit ? matchedPhrases(words[hit.i]!, hit.found) : [],
      };
    }),
  );
}

function factorCoverage(f: Factor, paragraphs: ParagraphCoverage[], evidence: EvidenceCoverage[]): FactorCoverage {
  const arguing = paragraphs.filter((p) => p.factorId === f.id);
  const mentionedIn = [...new Set([...paragraphs.filter((p) => p.mentions.includes(f.id)).map((p) => p.index), ...evidence.filter((e) => e.factorId === f.id && e.used).map((e) => e.paragraph!)])].sort((a, b) => a - b);
  const name = f.name.trim() || "Unnamed factor";
  const n = (i: number) => `paragraph ${i + 1}`;
  if (arguing.length) {
    const first = arguing[0]!;
    const how = first.linkedByHand ? `you linked ${n(first.index)} to it` : `${n(first.index)} argues it`;
    const on = first.matchedOn.length ? `: matched on ${first.matchedOn.map((w) => `‘${w}’`).join(", ")}` : "";
    const more = arguing.length > 1 ? ` (also ${arguing.slice(1).map((p) => n(p.index)).join(", ")})` : "";
    return { factorId: f.id, name, status: "covered", paragraphs: arguing.map((p) => p.index), mentionedIn, matchedOn: first.matchedOn, reason: `${capital(how)}${on}${more}.` };
  }
  if (mentionedIn.length) {
    const where = mentionedIn.map(n).join(", ");
    return { factorId: f.id, name, status: "mentioned", paragraphs: [], mentionedIn, matchedOn: [], reason: `Mentioned in ${where}, but no paragraph argues it yet.` };
  }
  return { factorId: f.id, name, status: "missing", paragraphs: [], mentionedIn: [], matchedOn: [], reason: "Not in the essay yet." };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
