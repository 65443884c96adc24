import { isBaseVerb, isParticiple, pastTense, thirdPerson } from "./verb-forms";

// Turns the question part after "To what extent" / "How far" into the statement it asks
// about: "did Khrushchev's reforms transform the USSR" → "Khrushchev's reforms transformed
// the USSR", "was Khrushchev's foreign policy a failure" → "Khrushchev's foreign policy was
// a failure". The hard part is where the subject ends; we look for the first word that can
// start the predicate (a verb, an article, an adjective) and is not still inside a noun
// phrase (i.e. not right after "the", "of", a possessive or an adjective).

const NOUN_PHRASE_GLUE = new Set(
  "the a an this that these those his her its their our my your of in on for to with by from at and or between against during under over into as such some any no each every both".split(" "),
);
const ADJECTIVE_ENDING = /(ic|al|ive|ous|ary|ful|ish|less|ian|ist)$/i;
const COMPLEMENT_WORDS = new Set(
  `successful unsuccessful effective ineffective responsible important significant necessary inevitable justified
  radical revolutionary conservative secure stable unstable strong weak united different similar consistent genuine
  real true accurate fair limited new widespread serious damaging beneficial harmful dangerous popular unpopular
  dependent independent free able unable willing aware capable sincere ambitious pragmatic due mainly largely
  primarily chiefly more less only simply merely solely entirely ever always never still really genuinely truly
  fully purely totally completely wholly essentially fundamentally`.split(/\s+/),
);

const MODALS = new Set(["can", "could", "should", "would", "might", "may", "will", "must"]);

function insideNounPhrase(prev: string | undefined): boolean {
  if (!prev) return true;
  const p = prev.toLowerCase();
  // Only lower-case words count as adjectives: "Deal" in "the New Deal" ends a name, not a modifier.
  const adjective = /^\p{Ll}/u.test(prev) && prev.length > 4 && ADJECTIVE_ENDING.test(p);
  return NOUN_PHRASE_GLUE.has(p) || /['’](s)?$/.test(p) || adjective;
}

/** Index of the first word (after at least one subject word) that passes `test` and can start the predicate. */
function predicateStart(words: string[], test: (word: string) => boolean): number {
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? "";
    if (/^\p{Ll}/u.test(w) && test(w) && !insideNounPhrase(words[i - 1])) return i;
  }
  return -1;
}

function startsComplement(word: string): boolean {
  const w = word.toLowerCase();
  return (
    w === "a" || w === "an" || w === "the" || COMPLEMENT_WORDS.has(w) || /(ful|ive|ible|able|ly)$/.test(w) || isParticiple(w)
  );
}

export function toStatement(question: string): string | null {
  const [auxWord = "", ...words] = question.split(" ");
  const aux = auxWord.toLowerCase();
  const join = (subject: string[], ...rest: (string | string[])[]) => [...subject, ...rest.flat()].join(" ");

  if (aux === "did" || aux === "do" || aux === "does") {
    const i = predicateStart(words, isBaseVerb);
    if (i < 0) return null;
    const verb = words[i] ?? "";
    const form = aux === "did" ? pastTense(verb) : aux === "does" ? thirdPerson(verb) : verb.toLowerCase();
    return join(words.slice(0, i), form, words.slice(i + 1));
  }
  if (["was", "were", "is", "are"].includes(aux)) {
    if (words[0]?.toLowerCase() === "there") return null;
    const i = predicateStart(words, startsComplement);
    return i < 0 ? null : join(words.slice(0, i), aux, words.slice(i));
  }
  if (aux === "had" || aux === "has" || aux === "have") {
    const i = predicateStart(words, isParticiple);
    return i < 0 ? null : join(words.slice(0, i), aux, words.slice(i));
  }
  if (MODALS.has(aux)) {
    const i = predicateStart(words, (w) => w === "be" || w === "have" || isBaseVerb(w));
    return i < 0 ? null : join(words.slice(0, i), aux, words.slice(i));
  }
  return null;
}
