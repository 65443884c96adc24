// Finds the date range a question is set over ("by 1964", "1953–64", "in the 1950s") and
// returns the question with that phrase removed, so the claim and outcome read cleanly.

export type Period = { from: number | null; to: number | null; label: string };

type Match = { start: number; end: number; period: Period };

const DASH = "[-–—‑]";
const YEAR = "(\\d{4})";
const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

function expandYear(first: number, second: string): number {
  if (second.length === 4) return Number(second);
  // "1953–64": the second year shares the first's century, rolling over if it would go backwards.
  const century = Math.floor(first / 100) * 100;
  const year = century + Number(second);
  return year < first ? year + 100 : year;
}

const ORDINALS: Record<string, number> = {
  fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, "twenty-first": 21,
};

// Each pattern turns its match into a period. "in 1964" bounds the end of the period: in
// these questions it dates the outcome being explained ("Khrushchev's fall … in 1964").
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<Period, "label"> }[] = [
  {
    re: new RegExp(
      `\\b(?:(?:in|during|over|across|throughout|within) the (?:years|period)(?: from| between)? |(?:(?:in|during|throughout) )?(?:from |between )?)${YEAR}\\s*(?:${DASH}|to|and|until)\\s*(\\d{4}|\\d{2})\\b`,
      "gi",
    ),
    read: (m) => ({ from: Number(m[1]), to: expandYear(Number(m[1]), m[2] ?? "") }),
  },
  {
    re: new RegExp(`\\b(?:in|during) the (?:years|period|decades?) (up to|to|before|until|after|following|since) ${YEAR}\\b`, "gi"),
    read: (m) => (/after|following|since/i.test(m[1] ?? "") ? { from: Number(m[2]), to: null } : { from: null, to: Number(m[2]) }),
  },
  {
    re: new RegExp(
      `\\b(by|before|until|up to|to|in|after|since|from)\\s+(?:the (?:end|start|beginning) of )?(?:(?:early |late |mid-)?${MONTH}\\s+)?${YEAR}\\b(?!\\s*(?:${DASH}|to|and|until)\\s*\\d)`,
      "gi",
    ),
    read: (m) => (/^(after|since|from)$/i.test(m[1] ?? "") ? { from: Number(m[2]), to: null } : { from: null, to: Number(m[2]) }),
  },
  {
    re: /\b(in|during|throughout|by|after|from|before) the (early |mid-?|late )?(\d{3})0['’]?s\b/gi,
    read: (m) => {
      const decade = Number(m[3]) * 10;
      const part = (m[2] ?? "").trim().toLowerCase();
      const [a, b] = part === "early" ? [0, 3] : part.startsWith("mid") ? [3, 6] : part === "late" ? [6, 9] : [0, 9];
      const prep = (m[1] ?? "").toLowerCase();
      if (prep === "by" || prep === "before") return { from: null, to: decade + b };
      if (prep === "after" || prep === "from") return { from: decade + a, to: null };
      return { from: decade + a, to: decade + b };
    },
  },
  {
    re: /\b(?:in|during|throughout) the (fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|\d{2}(?:st|nd|rd|th)) century\b/gi,
    read: (m) => {
      const n = ORDINALS[(m[1] ?? "").toLowerCase()] ?? parseInt(m[1] ?? "0", 10);
      return { from: (n - 1) * 100, to: (n - 1) * 100 + 99 };
    },
  },
];

function allMatches(text: string): Match[] {
  const found: Match[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      found.push({ start, end: start + m[0].length, period: { ...read(m as RegExpExecArray), label: m[0].trim() } });
    }
  }
  // Drop matches inside a longer one ("to 1964" within "from 1953 to 1964").
  return found.filter((a) => !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
}

// A year inside a name dates the question but is part of its wording, so it stays in the
// text: "the Revolution of 1905", "the Reform Act of 1832", "the Russo-Japanese War of
// 1904–05", "Elizabeth I’s religious settlement of 1559", "the 1905 Revolution".
const NAMED_OF = new RegExp(`(?:\\bthe\\s+(?:[\\p{L}’'-]+\\s+){0,4}?|[\\p{L}’'-]+\\s+)of\\s+${YEAR}(?:\\s*${DASH}\\s*(\\d{4}|\\d{2}))?(?!\\d)`, "gu");
const NAMED_BEFORE = new RegExp(`\\bthe\\s+${YEAR}(?:\\s*${DASH}\\s*(\\d{4}|\\d{2}))?\\s+(?:\\p{Lu}[\\p{L}-]*)(?:\\s+\\p{Lu}[\\p{L}-]*)*`, "gu");
// "the end of 1917", "the years of 1933": time words, not names; the patterns above read them.
const TIME_WORD = /\b(?:end|start|beginning|years?|period|decades?|summer|winter|spring|autumn)\s+of\s+\d{4}/i;

function namedMatches(text: string): Match[] {
  const found: Match[] = [];
  for (const re of [NAMED_OF, NAMED_BEFORE]) {
    for (const m of text.matchAll(re)) {
      if (TIME_WORD.test(m[0])) continue;
      const from = Number(m[1]);
      const start = m.index ?? 0;
      found.push({ start, end: start + m[0].length, period: { from, to: m[2] ? expandYear(from, m[2]) : from, label: m[0].trim() } });
    }
  }
  return found;
}

/**
 * The question's period and the text without it. A date phrase ("by 1964", "in the years
 * 1934–39") frames the whole question, so the last one wins and is cut from the text. With
 * none, years inside names date it: their span, with the names left in the text.
 */
export function findPeriod(text: string): { period: Period | null; rest: string } {
  const named = namedMatches(text);
  const inName = (m: Match) => named.some((n) => m.start >= n.start && m.start < n.end);
  const last = allMatches(text)
    .filter((m) => !inName(m))
    .sort((a, b) => a.end - b.end)
    .pop();
  if (!last && named.length) {
    const from = Math.min(...named.map((n) => n.period.from ?? Infinity));
    const to = Math.max(...named.map((n) => n.period.to ?? -Infinity));
    return { period: { from, to, label: named.map((n) => n.period.label).join(", ") }, rest: text };
  }
  if (!last) return { period: null, rest: text };
  const rest = `${text.slice(0, last.start)} ${text.slice(last.end)}`
    .replace(/\(\s*\)/g, "")
    .replace(/\s+([,.?!;:])/g, "$1")
    // "…the division of Europe, 1947–49?" leaves a dangling comma.
    .replace(/[,;:]+(?=[?.!]?\s*$)/, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { period: last.period, rest };
}
