import { JUDGEMENT_LINE } from "../planner/plan-limits";

// How far a conclusion answers the question, read from its words, and whether that agrees
// with the judgement the student planned. Cautious on purpose: a view the essay attributes to
// others ("it could be argued that…") or concedes ("Although X was important, …") is not the
// student's judgement, and a hedge ("to some extent") sits in the middle of the line, which a
// plan at either end only "nearly" matches — it is never flagged as a contradiction.

export type Level = "high" | "middle" | "low";
/** Does a clause name the stated factor / any other planned factor? Null when there is none. */
export type NameTests = { stated: ((clause: string) => boolean) | null; others: ((clause: string) => boolean) | null };
export type JudgementReading = { level: Level | "mixed" | null; phrases: string[] };

const HIGH = [
  /\bto an? (?:very )?(?:large|great|considerable|significant|high|major|huge|overwhelming) (?:extent|degree)\b/i,
  /\b(?:largely|mostly|mainly|predominantly|overwhelmingly|entirely|completely|wholly|fully)\b/i,
  /\bvery far\b/i,
  /\bI (?:strongly |largely )?agree\b/i,
  /\b(?:valid|convincing|accurate|justified) (?:view|claim|interpretation)\b/i,
];
const MIDDLE = [/\bto (?:some|an|a certain|a moderate|a partial|a degree of) (?:extent|degree)\b/i, /\b(?:partly|partially|somewhat|in part)\b/i, /\bpartially agree\b/i];
const LOW = [
  /\bto an? (?:very |rather )?(?:limited|small|lesser|minor|slight|minimal) (?:extent|degree)\b/i,
  /\bnot (?:very |that )?far\b/i,
  /\bonly (?:partly|partially|in part|slightly|marginally)\b/i,
  /\bnot at all\b/i,
  /\bI (?:strongly )?disagree\b/i,
  /\b(?:overstat|exaggerat|unconvincing|invalid)\w*/i,
  /\b(?:less|least) (?:significant|important)\b/i,
  /\b(?:minor|secondary|limited) (?:factor|reason|cause|role|part)\b/i,
];
const TOP = /\b(?:the )?(?:most (?:significant|important|influential|decisive)|(?:main|key|chief|primary|principal|biggest|greatest|decisive|crucial) (?:reason|cause|factor))\b/i;
const NEGATED_TOP = /\b(?:not|never|n['’]t|no longer)\b[^.;]{0,30}\b(?:the )?(?:most (?:significant|important|influential|decisive)|(?:main|key|chief|primary|principal|biggest|greatest|decisive|crucial) (?:reason|cause|factor))\b/i;
// Someone else's view, or a view the writer sets up to knock down.
const ATTRIBUTED = /\b(?:could|might|may|can) be (?:argued|said|claimed|seen)|\bsome (?:historians|would|argue)|\bit (?:may|might) (?:seem|appear)|\bat first (?:glance|sight)|\bon the surface\b|\bhistorians such as\b|\bit is often (?:said|argued)\b/i;
const CONCESSION = /^\s*(?:although|though|while|whilst|whereas|despite|even though|even if|admittedly)\b/i;

/**
 * The conclusion's level: each sentence is cut into clauses at commas, semicolons and
 * "but"/"however"; a conceded or attributed clause is skipped. `names` tell a "main reason"
 * about the stated factor (high) from one about a rival (low, on stated-factor questions).
 */
export function readJudgement(text: string, names: NameTests): JudgementReading {
  const found: { level: Level; phrase: string }[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (ATTRIBUTED.test(sentence)) continue;
    const clauses = sentence.split(/[,;:]|\s(?=\bbut\b|\bhowever\b|\byet\b|\bwhereas\b|\bwhile\b)/i);
    for (const clause of clauses) {
      // "Although X…, Y" / "…, whereas X": the conceded clause is not the judgement.
      if (CONCESSION.test(clause)) continue;
      const level = clauseLevel(clause, names);
      if (level) found.push(level);
    }
  }
  const levels = new Set(found.map((f) => f.level));
  const phrases = [...new Set(found.map((f) => f.phrase))];
  if (levels.size === 0) return { level: null, phrases };
  if (levels.has("high") && levels.has("low")) return { level: "mixed", phrases };
  return { level: levels.has("high") ? "high" : levels.has("low") ? "low" : "middle", phrases };
}

function clauseLevel(clause: string, names: NameTests): { level: Level; phrase: string } | null {
  const aboutStated = !!names.stated?.(clause);
  const aboutOther = !!names.others?.(clause);
  const top = NEGATED_TOP.exec(clause) ?? TOP.exec(clause);
  if (top && names.stated && (aboutStated || aboutOther)) {
    const negated = NEGATED_TOP.test(clause);
    // "X was the main reason": high if X is the stated factor, low if it is a rival.
    if (aboutStated && !aboutOther) return { level: negated ? "low" : "high", phrase: top[0].trim() };
    if (aboutOther && !aboutStated && !negated) return { level: "low", phrase: top[0].trim() };
  }
  // An extent phrase in a clause about a rival alone says how far the rival mattered, not
  // the stated factor: too easy to misread, so it is left out.
  if (names.stated && aboutOther && !aboutStated) return null;
  for (const [level, patterns] of [["low", LOW], ["middle", MIDDLE], ["high", HIGH]] as const) {
    for (const re of patterns) {
      const m = re.exec(clause);
      if (m) return { level, phrase: m[0].trim() };
    }
  }
  return null;
}

export const plannedLevel = (position: number | null): Level | null =>
  position === null ? null : position >= JUDGEMENT_LINE.largelyYes ? "high" : position <= JUDGEMENT_LINE.largelyNo ? "low" : "middle";

export const LEVEL_WORDS: Record<Level, string> = { high: "to a large extent", middle: "to some extent", low: "to a limited extent" };

/** Does the level read in the conclusion agree with the plan's? Opposite ends disagree. */
export function compareLevels(planned: Level | null, concluded: Level | "mixed" | null): "agrees" | "close" | "mismatch" | "mixed" | "unclear" | "no-plan" {
  if (planned === null) return "no-plan";
  if (concluded === null) return "unclear";
  if (concluded === "mixed") return "mixed";
  if (planned === concluded) return "agrees";
  return planned === "middle" || concluded === "middle" ? "close" : "mismatch";
}
