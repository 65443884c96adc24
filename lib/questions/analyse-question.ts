import { findPeriod, type Period } from "./find-period";
import { capitalise, readStatement, type StatementReading } from "./read-statement";
import { toStatement } from "./to-statement";

// Deconstructs an essay question the way teachers model it: command stem, what is being
// weighed (a stated factor or a claim), the outcome, and the dates.
//
// Conventions:
// - `claim` is the proposition the essay judges, as a statement without the dates:
//   "Khrushchev's reforms transformed the USSR". Stated-factor questions get one too
//   ("De-Stalinisation was the most significant factor in Khrushchev's fall from power").
// - `outcome` is only set when the question names a result to explain (stated-factor and
//   "reasons for" questions). For a claim such as "did X transform the USSR" it is null:
//   the claim already says what is judged, and "the USSR" is not an outcome.
// - Wording is kept as typed, including the kind of apostrophe.

export type QuestionStem = "to-what-extent" | "how-far" | "how-significant" | "assess" | "other";

export type QuestionAnalysis = {
  stem: QuestionStem;
  focus: "stated-factor" | "claim" | "none";
  statedFactor: string | null;
  claim: string | null;
  outcome: string | null;
  period: Period | null;
};

type Reading = Omit<QuestionAnalysis, "stem" | "period">;

const NONE: Reading = { focus: "none", statedFactor: null, claim: null, outcome: null };
const AS_CLAIM: Reading = { focus: "claim", statedFactor: null, claim: null, outcome: null };

const COMMAND_AFTER_QUOTE = "(?:assess|how far|to what extent|discuss|evaluate|do you agree|explain|examine|consider|with reference|using|why|what)";
// The closing quote is the one followed by a command, so apostrophes inside the quote are skipped.
const QUOTED = new RegExp(`^[‘“'"]\\s*(.+?)\\s*[’”'"]\\s+(?=${COMMAND_AFTER_QUOTE}\\b)(.*)$`, "i");
const AGREE = /^(?:do|would) you agree(?: with the (?:view|claim|statement|argument|suggestion|judgement|interpretation))? that\s+(.+)$/i;
const FAIR_TO_SAY =
  /^(?:is|was) it (?:true|accurate|fair|valid|correct|right|reasonable|helpful|appropriate|justifiable|possible) to (say|argue|claim|suggest|conclude|state|describe|see|regard|view|characterise|call)(?: that)?\s+(.+)$/i;
const CAN_IT_BE_SAID = /^can it be (?:said|argued|claimed)(?: that)?\s+(.+)$/i;
const SIGNIFICANT = /^how (?:significant|important)\s+(was|were|is|are|had been|has been|have been)\s+(.+)$/i;
const SIGNIFICANT_A = /^how (?:significant|important|serious)\s+an?\s+(.+?)\s+(?:was|were|is|are)\s+(.+)$/i;
const VIEW_THAT = /^(?:the )?(?:view|claim|argument|suggestion|judgement|interpretation|statement|idea) that\s+(.+)$/i;
const REASONS =
  /^(?:the )?(?:relative importance of the |main |key |different |various )?(?:reasons|causes|factors)(?:\s+(?:for|of|behind|that led to|which led to|explaining|in|why))?\s+(.+)$/i;
const SIGNIFICANCE_OF = /^(?:the )?(?:relative )?(?:significance|importance|role|contribution|part played by|influence)(?: of)?\s+(.+)$/i;
const EXTENT = /^(?:the extent to which|how far|whether)\s+(.+)$/i;
const CAUSAL_GERUND = /^(?:causing|bringing about|explaining|leading to|producing|resulting in|determining)\s+/i;

/** Splits "X in Y" at the connector that introduces the outcome; "in"/"for" win over "to", which often sits inside X. */
function splitFactor(text: string, verb = "was"): Reading {
  const at = [/\s(?:in|for)\s(?!\d{4}\b)/i, /\s(?:to|on)\s(?!\d{4}\b)/i, /\sas an? (?:cause|factor|reason) (?:of|for|in)\s/i]
    .map((re) => re.exec(text))
    .find((m) => m && m.index > 0);
  const statedFactor = at ? text.slice(0, at.index) : text;
  const outcome = at ? text.slice(at.index + at[0].length).replace(CAUSAL_GERUND, "") : null;
  return {
    focus: "stated-factor",
    statedFactor: statedFactor.trim(),
    outcome: outcome?.trim() || null,
    claim: outcome ? capitalise(`${statedFactor.trim()} ${verb.toLowerCase()} significant in ${outcome.trim()}`) : null,
  };
}

function fromStatement(statement: string | null): Reading {
  if (!statement) return AS_CLAIM;
  const r: StatementReading = readStatement(statement);
  return { focus: r.focus, statedFactor: r.statedFactor, claim: r.claim, outcome: r.outcome };
}

/** "To what extent …" / "How far …" and "Assess how far …": the rest is a question or a statement. */
function readExtent(rest: string): Reading {
  const agree = AGREE.exec(rest);
  if (agree) return fromStatement(agree[1] ?? null);
  if (/^(?:do|would) you agree\b/i.test(rest)) return NONE; // "…with this view?" with no quotation to read
  const fair = FAIR_TO_SAY.exec(rest);
  if (fair) return readAccuracy(fair[1] ?? "", fair[2] ?? "");
  const canSay = CAN_IT_BE_SAID.exec(rest);
  if (canSay) return fromStatement(canSay[1] ?? null);
  return fromStatement(toStatement(rest) ?? (/^(did|do|does|was|were|is|are|had|has|have|can|could|should|would)\b/i.test(rest) ? null : rest));
}

function readAssess(rest: string): Reading {
  const view = VIEW_THAT.exec(rest) ?? EXTENT.exec(rest);
  if (view) return fromStatement(view[1] ?? null);
  const reasons = REASONS.exec(rest);
  if (reasons) return { ...NONE, outcome: reasons[1] ?? null };
  const significance = SIGNIFICANCE_OF.exec(rest);
  if (significance) return splitFactor(significance[1] ?? "");
  return NONE;
}

const HOW_ADJECTIVE =
  /^how (successful|effective|radical|serious|popular|far-reaching|extensive|damaging|stable|secure|strong|accurate|valid|fundamental|revolutionary|consistent)\s+(was|were|is|are)\s+(.+)$/i;

// Edexcel's "How accurate is it to say that X": the claim is X, and "accurate" is the scale.
const HOW_ACCURATE =
  /^how (?:accurate|valid|fair|true|reasonable|convincing|justified) is it to (say|argue|claim|suggest|conclude|describe|see|regard|view|characterise|call)(?: that)?\s+(.+)$/i;
// "Evaluate the success of X": the claim that X was successful.
const SUCCESS_OF = /^(?:the )?(?:relative )?(success|effectiveness) of\s+(.+)$/i;

function readAccuracy(verb: string, statement: string): Reading {
  const as = /^(describe|see|regard|view|characterise|call)$/i.test(verb) && /^(.+?)\s+as\s+(.+)$/i.exec(statement);
  return fromStatement(as ? `${as[1]} was ${as[2]}` : statement);
}

/** "was" or "were" for a subject, by its last word: "the New Deal was", "Castro’s policies were". */
function beFor(subject: string): string {
  const last = subject.split(" ").pop() ?? "";
  return /[^s'’]s$/i.test(last) && !/(?:ss|us|is)$/i.test(last) ? "were" : "was";
}

function readOther(rest: string): Reading {
  const accurate = HOW_ACCURATE.exec(rest);
  if (accurate) return readAccuracy(accurate[1] ?? "", accurate[2] ?? "");
  // "How successful was X (in Y)" judges the claim "X was successful (in Y)".
  const how = HOW_ADJECTIVE.exec(rest);
  if (how) {
    const [, adjective = "", verb = "", tail = ""] = how;
    const cut = /\s(?:in|at|as|for)\s/i.exec(tail);
    const subject = cut ? tail.slice(0, cut.index) : tail;
    return fromStatement(`${subject} ${verb.toLowerCase()} ${adjective.toLowerCase()}${cut ? tail.slice(cut.index) : ""}`);
  }
  const command = /^(?:evaluate|discuss|examine|consider|explain|analyse|analyze)\s+(.+)$/i.exec(rest);
  const body = command?.[1] ?? rest;
  const view = VIEW_THAT.exec(body);
  if (view) return fromStatement(view[1] ?? null);
  const reasons = REASONS.exec(body);
  if (reasons) return { ...NONE, outcome: reasons[1] ?? null };
  const significance = command && SIGNIFICANCE_OF.exec(body);
  if (significance) return splitFactor(significance[1] ?? "");
  const success = command && SUCCESS_OF.exec(body);
  if (success) {
    const subject = success[2] ?? "";
    return fromStatement(`${subject} ${beFor(subject)} ${success[1]?.toLowerCase() === "success" ? "successful" : "effective"}`);
  }
  const why = /^why\s+(.+)$/i.exec(body);
  if (why) return { ...NONE, outcome: toStatement(why[1] ?? "") ?? why[1] ?? null };
  return NONE;
}

function stemOf(command: string): QuestionStem {
  if (/^to what extent\b/i.test(command)) return "to-what-extent";
  if (/^how far\b/i.test(command)) return "how-far";
  if (/^how (?:significant|important)\b/i.test(command)) return "how-significant";
  if (/^assess\b/i.test(command)) return "assess";
  return "other";
}

function clean(question: string): string {
  return question
    .replace(/[\s\u00A0]+/g, " ")
    .trim()
    .replace(/^(?:q(?:uestion)?\s*\d*\s*[.):]|\d+\s*[.)])\s*/i, "")
    .replace(/\s*[[(]\s*\d+\s*(?:marks?)?\s*[\])]\s*$/i, "")
    .replace(/^(?:with reference to|using|in the light of|in relation to)\b[^,]+,\s*/i, "");
}

export function analyseQuestion(question: string): QuestionAnalysis {
  const { period, rest } = findPeriod(clean(question));
  const body = rest.replace(/[\s?.!]+$/, "");

  const quoted = QUOTED.exec(body);
  if (quoted) {
    const command = quoted[2] ?? "";
    const reading = fromStatement((quoted[1] ?? "").replace(/[.!?]+$/, ""));
    return { stem: stemOf(command), ...reading, period };
  }

  const stem = stemOf(body);
  const after = (re: RegExp) => body.replace(re, "").trim();
  let reading: Reading;
  if (stem === "to-what-extent" || stem === "how-far") reading = readExtent(after(/^(?:to what extent|how far)\s*/i));
  else if (stem === "how-significant") {
    const a = SIGNIFICANT_A.exec(body);
    const m = SIGNIFICANT.exec(body);
    // "How significant a threat to Elizabeth was the Northern Rising": factor last, outcome after the noun.
    const outcome = a && /\s(?:to|in|for|of)\s(.+)$/i.exec(a[1] ?? "")?.[1];
    reading = a ? { focus: "stated-factor", statedFactor: a[2] ?? null, outcome: outcome ?? null, claim: null } : m ? splitFactor(m[2] ?? "", m[1]) : NONE;
  } else if (stem === "assess") reading = readAssess(after(/^assess\s*/i));
  else reading = readOther(body);
  return { stem, ...reading, period };
}
