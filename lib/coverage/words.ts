import { stemmer } from "stemmer";

// Words as coverage compares them: lower case, accents and possessives dropped, British
// "-isation" read as "-ization" (the Porter stemmer is American), then stemmed, so
// "Agricultural failures" and "agriculture failed" meet on "agricultur" + "fail". Function
// words and the words every history essay uses ("factor", "significant", "however") carry no
// topic, so they never count as a match. See docs/decisions/021-plan-coverage.md.

export type Token = {
  stem: string;
  /** The word as typed, for explanations ("matched on 'Virgin Lands'"). */
  word: string;
  /** Position among all the words of the text (stop words included), to find neighbours. */
  at: number;
};

const STOP = new Set(
  (
    "a about above after again against all also although am an and any are aren't as at be because been before being below between both but by can " +
    "could did do does doing down during each even ever few for from further had has have having he her here hers him his how i if in into is it its " +
    "itself just least less like made make many may me might more most much must my no nor not now of off on once one only or other others our out over " +
    "own per quite rather same shall she should since so some still such than that the their them then there these they this those though through thus " +
    "to too under until up upon us very was we were what when where whereas whether which while who whom whose why will with within without would yet " +
    "you your de von van la le du des der al " +
    // Essay words that say how, not what: they appear in paragraphs about any factor.
    "factor factors reason reasons cause causes caused significant significance significantly important importance main key overall therefore " +
    "however moreover furthermore firstly secondly finally conclusion conclude essay paragraph argue argued argues argument arguments evidence " +
    "extent degree largely partly judgement judgment clearly shows show showed shown led lead leading result results resulted role played " +
    "example instance because thing things way ways fact also another great greater greatest large larger limited little lot major minor"
  ).split(" "),
);
const STOP_STEMS = new Set([...STOP].map((w) => stemmer(w)));

// A few history-essay equivalents, stem to shared stem, so "crop" meets a planned "harvest".
// Kept short on purpose: every pair here is a match the student did not type.
const SAME: Record<string, string> = {
  ussr: "soviet",
  crop: "harvest",
  yield: "harvest",
  wheat: "grain",
  maiz: "grain",
  corn: "grain",
  econom: "economi",
  leadership: "leader",
  oust: "remov",
  dismiss: "remov",
  downfal: "fall",
  fell: "fall",
  flop: "fail",
  failur: "fail",
  agricultur: "farm",
  humili: "embarrass",
  armi: "militari",
  nuclear: "missil",
};

const stemCache = new Map<string, string | null>();

/** The comparable stem of one lower-case word, or null for a stop word. */
export function stemOf(word: string): string | null {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let stem: string | null = null;
  if (!STOP.has(word) && (word.length > 1 || /\d/.test(word))) {
    const american = word.length > 5 ? word.replace(/is(ation|ations|e|es|ed|ing|er|ers)$/, "iz$1") : word;
    const stemmed = /^\d+$/.test(american) ? american : stemmer(american);
    stem = STOP_STEMS.has(stemmed) ? null : (SAME[stemmed] ?? stemmed);
  }
  if (stemCache.size > 20_000) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Every content word of `text`, in order. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const m of text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").matchAll(WORD)) {
    const lower = m[0].toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, "");
    const stem = stemOf(lower);
    if (stem) out.push({ stem, word: m[0].replace(/['’]s$/, ""), at });
    at++;
  }
  return out;
}

/** The distinct stems of `text`. */
export const stemSet = (text: string) => new Set(tokens(text).map((t) => t.stem));

const fuzzyCache = new Map<string, boolean>();

/**
 * Is `a` a misspelling of `b`? Only long words, same first letter, one edit (two from nine
 * letters), so "Kruschev" meets "Khrushchev" but "land" never meets "hand".
 */
export function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 6 || b.length < 6 || a[0] !== b[0] || /\d/.test(a) || /\d/.test(b)) return false;
  const allowed = Math.min(a.length, b.length) >= 9 ? 2 : 1;
  if (Math.abs(a.length - b.length) > allowed) return false;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  const cached = fuzzyCache.get(key);
  if (cached !== undefined) return cached;
  const result = editDistance(a, b, allowed) <= allowed;
  if (fuzzyCache.size > 50_000) fuzzyCache.clear();
  fuzzyCache.set(key, result);
  return result;
}

/** Levenshtein distance, giving up once it passes `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return rowMin;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The stem in `vocabulary` that `stem` matches (exactly, else as a misspelling), if any. */
export function findIn(stem: string, vocabulary: ReadonlySet<string>): string | undefined {
  if (vocabulary.has(stem)) return stem;
  if (stem.length < 6) return undefined;
  for (const v of vocabulary) if (nearlySame(stem, v)) return v;
  return undefined;
}
