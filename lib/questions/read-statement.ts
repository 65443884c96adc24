// Reads a declarative statement (the claim a question asks students to judge) and decides
// whether it names a stated factor: one cause weighed against others for an outcome
// ("X was the main reason for Y", "Y was largely due to X", "X caused Y"). Anything else
// is a claim to be judged as a whole.

export type StatementReading = {
  focus: "stated-factor" | "claim";
  statedFactor: string | null;
  outcome: string | null;
  claim: string;
};

const BE = "(?:was|were|is|are|had been|has been|have been)";
const ADVERB = "(?:(?:mainly|largely|primarily|chiefly|principally|solely|mostly|entirely|directly|only|simply|ultimately)\\s+)?";
const RANK =
  "(?:single|most|main|chief|key|principal|primary|major|greatest|biggest|decisive|crucial|dominant|fundamental|underlying|real|important|significant|influential|immediate|long-term|short-term|leading|central|overriding|prime|sole|vital|essential)";
const NOUN = "(factor|reason|cause|explanation|threat|influence|obstacle|motive|driving force|problem|weakness)";
const CONNECTOR = "(?:in explaining|in causing|in bringing about|in determining|that led to|which led to|in|for|of|behind|why|to)";

// "X was the most significant factor in Y". A ranking word is needed unless the noun is
// itself causal, so "X was a threat to Y" stays a claim but "X was the cause of Y" does not.
const RANKED = new RegExp(`^(.+?)\\s+${BE}\\s+(?:(?:the|a|an)\\s+)?((?:${RANK}\\s+)*)${NOUN}s?\\b(?:\\s+${CONNECTOR}\\b)?\\s*(.*)$`, "i");
const RESPONSIBLE = new RegExp(`^(.+?)\\s+${BE}\\s+${ADVERB}(?:responsible for|to blame for)\\s+(.+)$`, "i");
// Outcome first, factor second: "Y was largely due to X".
const REVERSED_BE = new RegExp(
  `^(.+?)\\s+${BE}\\s+${ADVERB}(?:caused ${ADVERB}by|due ${ADVERB}to|brought about ${ADVERB}by|the work of|(?:the|a) (?:direct |main )?(?:result|consequence|product) of)\\s+(.+)$`,
  "i",
);
const REVERSED_BECAUSE = new RegExp(`^(.+?)\\s+${ADVERB}(?:because of|as a result of|owing to|thanks to)\\s+(.+)$`, "i");
// "The main reason for Y was X".
const REASON_FIRST = new RegExp(`^(?:the\\s+)?(?:${RANK}\\s+)*(?:reason|cause|factor)s?\\s+(?:for|of|behind)\\s+(.+?)\\s+${BE}\\s+(.+)$`, "i");
const CAUSAL_VERB = new RegExp(
  `^(.+?)\\s+${ADVERB}(?:caused|causes|cause(?!\\s+of\\b)|led to|leads to|lead to|brought about|brings about|bring about|resulted in|results in|contributed to|contributes to|accounted for|accounts for|account for|explains|explained|explain|triggered|triggers|provoked)\\s+(.+)$`,
  "i",
);

function tidy(text: string | undefined): string | null {
  const t = (text ?? "").replace(/^[\s,]+|[\s,.;:!?]+$/g, "");
  return t ? t : null;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function readStatement(statement: string): StatementReading {
  const s = statement.replace(/[\s.,;:!?]+$/, "").trim();
  const claim = capitalise(s);
  const factor = (statedFactor: string | undefined, outcome: string | undefined): StatementReading | null => {
    const f = tidy(statedFactor);
    return f ? { focus: "stated-factor", statedFactor: f, outcome: tidy(outcome), claim } : null;
  };

  const reasonFirst = REASON_FIRST.exec(s);
  if (reasonFirst) return factor(reasonFirst[2], reasonFirst[1]) ?? { focus: "claim", statedFactor: null, outcome: null, claim };
  const ranked = RANKED.exec(s);
  if (ranked && ((ranked[2] ?? "").trim() || /^(factor|reason|cause|explanation)$/i.test(ranked[3] ?? ""))) {
    const found = factor(ranked[1], ranked[4]);
    if (found) return found;
  }
  for (const [re, forward] of [
    [RESPONSIBLE, true],
    [REVERSED_BE, false],
    [REVERSED_BECAUSE, false],
    [CAUSAL_VERB, true],
  ] as const) {
    const m = re.exec(s);
    const found = m && (forward ? factor(m[1], m[2]) : factor(m[2], m[1]));
    if (found) return found;
  }
  return { focus: "claim", statedFactor: null, outcome: null, claim };
}
