// Finds the date range a question is set over ("by 1964", "1953–64", "in the 1950s") and
// returns the question with that phrase removed, so the claim and outcome read cleanly.

export type Period = { from: number | null; to: number | null; label: string };

type Match = { start: number; end: number; period: Period };

const DASH = "[-–—‑]";
const YEAR = "(\\d{4})";

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
      `\\b(by|before|until|up to|to|in|after|since|from)\\s+(?:the (?:end|start|beginning) of )?${YEAR}\\b(?!\\s*(?:${DASH}|to|and|until)\\s*\\d)`,
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

/** The question's period (the last date phrase, which in exam questions frames the whole question) and the text without it. */
export function findPeriod(text: string): { period: Period | null; rest: string } {
  const last = allMatches(text).sort((a, b) => a.end - b.end).pop();
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
