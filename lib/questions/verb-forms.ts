// Just enough English verb morphology to turn "did X transform Y" into "X transformed Y".
// The word lists cover the verbs history questions use; unknown verbs fall back to the
// regular rules, and unknown *words* are recognised as verbs only by common verb suffixes.

const IRREGULAR_PAST: Record<string, string> = {
  arise: "arose", be: "was", bear: "bore", beat: "beat", become: "became", begin: "began", bind: "bound",
  break: "broke", bring: "brought", build: "built", buy: "bought", choose: "chose", come: "came", cost: "cost",
  cut: "cut", deal: "dealt", do: "did", draw: "drew", drive: "drove", fall: "fell", feel: "felt", fight: "fought",
  find: "found", forbid: "forbade", foresee: "foresaw", forget: "forgot", get: "got", give: "gave", go: "went",
  grow: "grew", have: "had", hit: "hit", hold: "held", hurt: "hurt", keep: "kept", know: "knew", lay: "laid",
  lead: "led", leave: "left", lend: "lent", let: "let", lose: "lost", make: "made", mean: "meant", meet: "met",
  mislead: "misled", outgrow: "outgrew", overcome: "overcame", oversee: "oversaw", overthrow: "overthrew",
  pay: "paid", put: "put", rebuild: "rebuilt", rise: "rose", run: "ran", say: "said", see: "saw", seek: "sought",
  sell: "sold", send: "sent", set: "set", shake: "shook", show: "showed", shrink: "shrank", sink: "sank",
  speak: "spoke", spend: "spent", split: "split", spread: "spread", stand: "stood", steal: "stole",
  strike: "struck", swing: "swung", take: "took", teach: "taught", tell: "told", think: "thought",
  throw: "threw", undergo: "underwent", understand: "understood", undertake: "undertook", undo: "undid",
  uphold: "upheld", upset: "upset", win: "won", withdraw: "withdrew", withstand: "withstood", write: "wrote",
};

// Past participles that differ from the past tense, for "had X undergone Y".
const IRREGULAR_PARTICIPLES = new Set([
  "arisen", "been", "become", "begun", "borne", "broken", "chosen", "come", "done", "drawn", "driven", "fallen",
  "forbidden", "foreseen", "forgotten", "gone", "given", "got", "gotten", "grown", "known", "overcome", "overseen",
  "overthrown", "risen", "run", "seen", "shaken", "shown", "shrunk", "spoken", "stolen", "sunk", "taken", "thrown",
  "undergone", "undertaken", "withdrawn", "written", ...Object.values(IRREGULAR_PAST),
]);

const REGULAR_VERBS = new Set(
  `abandon accept account achieve adapt address adopt advance affect aim alienate allow alter appease attempt avoid
  benefit blame cause centralise challenge change collapse compromise consolidate contain continue contribute
  control create crush damage decline defeat deliver depend deserve destabilise destroy determine develop differ
  dominate encourage end enable ensure establish expand explain extend face fail force gain help hinder
  improve increase influence introduce justify limit maintain mark modernise motivate need offer oppose outweigh
  owe permit persuade play pose prevent produce promote protect provide provoke prove radicalise raise reach
  receive reduce reflect reform reinforce reject rely remain remove replace represent require resist resolve
  respond restore restrict result retain reverse revolutionise satisfy save secure shape solve spark stabilise
  stop strengthen succeed suffer support survive sustain threaten transform trigger turn undermine unite use
  want weaken work worsen carry manage handle pursue implement tackle decrease liberalise lessen ease escalate
  divide unify betray embrace defend enforce exploit fulfil hamper ignore impose inspire intensify isolate
  marginalise mobilise neglect obstruct outlast overturn preserve prolong reassert recover reshape revive
  suppress widen attract dismantle deepen renew compete cooperate fear follow join last learn matter move open
  plan settle start stay try appeal bolster cement curb dismiss disrupt emerge erode exacerbate harm heal
  legitimise outline promise question regain rescue restructure rule shift`.split(/\s+/),
);

// British doubling before -ed where the stress falls on the final syllable (or -l).
const DOUBLES_FINAL = new Set([
  "admit", "appal", "cancel", "distil", "enrol", "fulfil", "instil", "commit", "compel", "control", "equip", "expel", "fuel", "impel", "label", "level", "model",
  "occur", "omit", "patrol", "permit", "prefer", "propel", "quarrel", "rebel", "refer", "regret", "signal",
  "submit", "total", "transfer", "travel",
]);

export function isBaseVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (w in IRREGULAR_PAST || REGULAR_VERBS.has(w)) return true;
  // Verb-forming suffixes: modernise, industrialize, intensify, alienate.
  return /^[a-z-]{4,}(ise|ize|ify|ate)$/.test(w);
}

export function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return IRREGULAR_PARTICIPLES.has(w) || /^[a-z-]{3,}ed$/.test(w);
}

export function pastTense(verb: string): string {
  const w = verb.toLowerCase();
  const irregular = IRREGULAR_PAST[w];
  if (irregular) return irregular;
  if (w.endsWith("e")) return `${w}d`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ied`;
  // One-syllable consonant-vowel-consonant words double the consonant: stop → stopped.
  const oneSyllableCvc = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w);
  if (oneSyllableCvc || DOUBLES_FINAL.has(w)) return `${w}${w.slice(-1)}ed`;
  return `${w}ed`;
}

export function thirdPerson(verb: string): string {
  const w = verb.toLowerCase();
  if (w === "be") return "is";
  if (w === "have") return "has";
  if (/(s|x|z|ch|sh|o)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}
