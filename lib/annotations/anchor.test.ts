import { describe, expect, it } from "vitest";
import { anchorFor, CONTEXT_LENGTH, locate, type TextAnchor } from "./anchor";

const ESSAY = [
  "Khrushchev's leadership of the Soviet Union between 1953 and 1964 was marked by bold reform and repeated failure. Having outmanoeuvred Beria and Malenkov after Stalin's death in March 1953, he set about changing both the tone and the substance of Soviet government.",
  "De-Stalinisation was the most dramatic of these changes. In the Secret Speech to the Twentieth Party Congress in February 1956, Khrushchev denounced Stalin's cult of personality and the purges of the 1930s. The speech shocked the delegates, and within months it had helped to provoke unrest in Poland and revolution in Hungary.",
  "In agriculture, the Virgin Lands scheme promised to end the grain shortages that had plagued the country. Millions of acres of steppe in Kazakhstan and western Siberia were ploughed up, and the harvest of 1956 was a record. Yet the scheme soon ran into trouble: soil erosion and drought meant that by 1963 grain had to be imported from the West.",
  "In foreign affairs, Khrushchev's gamble in the Cuban missile crisis of October 1962 ended in a humiliating climbdown. The missiles were withdrawn, and although the Americans quietly removed their own missiles from Turkey, the episode damaged his standing in the Presidium.",
  "By 1964 his colleagues had lost patience. The Cuban missile crisis, the failures in agriculture and his erratic reorganisation of the Party led to his removal in October 1964. In the end, Khrushchev's reforms did not go far enough to succeed, but they went too far for the men around him.",
].join("\n\n");

const NEW_OPENING =
  "Nikita Khrushchev rose from a peasant background in Kalinovka to lead the Communist Party of the Soviet Union. His rise owed much to patronage, to his loyalty during the purges and to his skill at building alliances in the Central Committee after the war, and these habits of political survival shaped how he governed once in power.\n\n";

/** Anchors the one occurrence of `passage` in `text` (the nth, counting from 0, if it repeats). */
function anchorOn(text: string, passage: string, nth = 0): TextAnchor {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(passage, start + 1);
  expect(start, `"${passage}" occurrence ${nth}`).toBeGreaterThanOrEqual(0);
  return anchorFor(text, start, start + passage.length);
}

/** Replaces the one occurrence of `from`, so a redraft that changes nothing fails loudly. */
function redraft(text: string, from: string, to: string): string {
  expect(text.split(from), `"${from}" should occur once`).toHaveLength(2);
  return text.replace(from, to);
}

/** The range of `passage` in `text`, as locate should report it. */
function rangeOf(text: string, passage: string) {
  const start = text.indexOf(passage);
  expect(start, `"${passage}"`).toBeGreaterThanOrEqual(0);
  return { start, end: start + passage.length };
}

describe("anchorFor", () => {
  it("keeps the quote, its position and up to CONTEXT_LENGTH code units either side", () => {
    const anchor = anchorOn(ESSAY, "the Virgin Lands scheme");
    const start = ESSAY.indexOf("the Virgin Lands scheme");
    expect(anchor).toEqual({
      exact: "the Virgin Lands scheme",
      prefix: ESSAY.slice(start - CONTEXT_LENGTH, start),
      suffix: ESSAY.slice(start + 23, start + 23 + CONTEXT_LENGTH),
      start,
      end: start + 23,
    });
    expect(anchor.prefix).toBe("on in Hungary.\n\nIn agriculture, ");
    expect(anchor.suffix).toBe(" promised to end the grain short");
  });

  it("has an empty prefix at the start of the text and an empty suffix at its end", () => {
    expect(anchorFor(ESSAY, 0, 12)).toMatchObject({ exact: "Khrushchev's", prefix: "", suffix: " leadership of the Soviet Union " });
    expect(anchorFor(ESSAY, 5, 12).prefix).toBe("Khrus");
    expect(anchorFor(ESSAY, ESSAY.length - 10, ESSAY.length)).toMatchObject({ exact: "round him.", prefix: " they went too far for the men a", suffix: "" });
    expect(anchorFor(ESSAY, ESSAY.length - 10, ESSAY.length - 4).suffix).toBe("him.");
  });

  it.each([
    ["empty", 10, 10],
    ["reversed", 20, 10],
    ["before the text", -1, 5],
    ["past the end", ESSAY.length - 5, ESSAY.length + 1],
    ["fractional", 1.5, 8],
    ["NaN", Number.NaN, 8],
    ["infinite", 0, Number.POSITIVE_INFINITY],
  ])("throws a RangeError for a range that is %s", (_label, start, end) => {
    expect(() => anchorFor(ESSAY, start, end)).toThrow(RangeError);
  });

  it("refuses a range that splits an emoji in two, at either end", () => {
    const text = "Cuba 🚀 1962";
    const rocket = text.indexOf("🚀");
    expect(() => anchorFor(text, rocket + 1, text.length)).toThrow(/splits a character/);
    expect(() => anchorFor(text, 0, rocket + 1)).toThrow(/splits a character/);
    expect(anchorFor(text, rocket, rocket + 2).exact).toBe("🚀");
  });
});

describe("locate", () => {
  const passage = "Khrushchev denounced Stalin's cult of personality and the purges of the 1930s";

  it("finds an unchanged passage where it was", () => {
    const anchor = anchorOn(ESSAY, passage);
    expect(locate(anchor, ESSAY)).toEqual({ start: anchor.start, end: anchor.end, match: "exact-position" });
  });

  it("follows the passage when text is inserted before it", () => {
    const anchor = anchorOn(ESSAY, passage);
    const text = NEW_OPENING + ESSAY;
    expect(locate(anchor, text)).toEqual({ start: anchor.start + NEW_OPENING.length, end: anchor.end + NEW_OPENING.length, match: "quote" });
  });

  it("uses the context to pick the right one of two identical passages", () => {
    // Anchor the second "Cuban missile crisis" (in the conclusion), then push the text along so
    // the first one ends up nearer the old offset: only the context can pick the right one.
    const anchor = anchorOn(ESSAY, "Cuban missile crisis", 1);
    const text = NEW_OPENING + ESSAY;
    const first = text.indexOf("Cuban missile crisis");
    const second = text.indexOf("Cuban missile crisis", first + 1);
    expect(Math.abs(first - anchor.start)).toBeLessThan(Math.abs(second - anchor.start));
    expect(locate(anchor, text)).toEqual({ start: second, end: second + 20, match: "quote" });
  });

  it("prefers the nearer of two identical passages when the context agrees equally", () => {
    const anchor = anchorOn("Lenin. ".repeat(5) + "Stalin.", "Stalin");
    expect(anchor.start).toBe(35);
    // The last two share the same one-character agreement (" " before); the last is nearer 35.
    expect(locate(anchor, "Stalin! Beria! Stalin! Beria! Stalin!")).toEqual({ start: 30, end: 36, match: "quote" });
  });

  it("still finds the passage when the words around it are rewritten", () => {
    const anchor = anchorOn(ESSAY, passage);
    let text = redraft(ESSAY, "In the Secret Speech to the Twentieth Party Congress in February 1956, ", "Speaking in secret to the delegates of the Twentieth Congress, ");
    text = redraft(text, " The speech shocked the delegates,", " News of it spread quickly,");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, passage), match: "quote" });
  });

  it("re-attaches a passage with a word changed, covering the edited passage", () => {
    const anchor = anchorOn(ESSAY, passage);
    const edited = passage.replace("denounced", "condemned");
    const text = redraft(NEW_OPENING + ESSAY, passage, edited);
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, edited), match: "fuzzy" });
  });

  it("re-attaches a passage after a typo in it is fixed", () => {
    const withTypo = redraft(ESSAY, "Virgin Lands scheme promised", "Virgin Lands sceme promissed");
    const anchor = anchorOn(withTypo, "the Virgin Lands sceme promissed to end the grain shortages");
    const text = redraft(withTypo, "sceme promissed", "scheme promised");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "the Virgin Lands scheme promised to end the grain shortages"), match: "fuzzy" });
  });

  it("re-attaches a passage after commas are added to it", () => {
    const anchor = anchorOn(ESSAY, "soil erosion and drought meant that by 1963 grain had to be imported");
    const text = redraft(ESSAY, "meant that by 1963 grain", "meant that, by 1963, grain");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "soil erosion and drought meant that, by 1963, grain had to be imported"), match: "fuzzy" });
  });

  it("keeps a changed first letter inside the match rather than dropping it", () => {
    const anchor = anchorOn(ESSAY, "De-Stalinisation was the most dramatic of these changes");
    const text = redraft(ESSAY, "De-Stalinisation was", "de-Stalinisation was");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "de-Stalinisation was the most dramatic of these changes"), match: "fuzzy" });
  });

  it("does not start a fuzzy match on whitespace the quote did not begin with", () => {
    const anchor = anchorOn(ESSAY, passage);
    // Losing the first letter leaves the closest alignment starting on the space before it.
    const text = redraft(ESSAY, "1956, Khrushchev denounced", "1956, hrushchev denounced");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, passage.slice(1)), match: "fuzzy" });
  });

  it("uses the context to pick between two edited copies of a passage", () => {
    const anchor = anchorOn(ESSAY, "Cuban missile crisis", 1);
    const text = NEW_OPENING + ESSAY.replaceAll("Cuban missile crisis", "Cuban Missile Crisis");
    const second = text.lastIndexOf("Cuban Missile Crisis");
    expect(locate(anchor, text)).toEqual({ start: second, end: second + 20, match: "fuzzy" });
  });

  it("detaches when the passage has been deleted", () => {
    const anchor = anchorOn(ESSAY, "Millions of acres of steppe in Kazakhstan and western Siberia were ploughed up");
    const text = redraft(ESSAY, " Millions of acres of steppe in Kazakhstan and western Siberia were ploughed up, and the harvest of 1956 was a record.", "");
    expect(locate(anchor, text)).toBeNull();
  });

  it("detaches when the passage has been rewritten beyond recognition", () => {
    const anchor = anchorOn(ESSAY, "Millions of acres of steppe in Kazakhstan and western Siberia were ploughed up");
    const text = redraft(ESSAY, "Millions of acres of steppe in Kazakhstan and western Siberia were ploughed up", "Vast new areas of Kazakh and Siberian grassland were farmed for the first time");
    expect(locate(anchor, text)).toBeNull();
  });

  it("allows a quarter of the quote's length in edits, and no more", () => {
    const quote = "the harvest of 1956 was a record"; // 32 code units: up to 8 edits
    const anchor = anchorOn(ESSAY, quote);
    const damage = (count: number) => [...quote].map((ch, k) => (k % 3 === 1 && k < count * 3 ? "#" : ch)).join("");
    const eight = redraft(ESSAY, quote, damage(8));
    const nine = redraft(ESSAY, quote, damage(9));
    expect(damage(8).split("#")).toHaveLength(9);
    expect(damage(9).split("#")).toHaveLength(10);
    expect(locate(anchor, eight)).toEqual({ ...rangeOf(eight, damage(8)), match: "fuzzy" });
    expect(locate(anchor, nine)).toBeNull();
  });

  it("matches quotes shorter than 8 code units only exactly", () => {
    const short = anchorOn(ESSAY, "Hungary"); // 7
    expect(locate(short, redraft(ESSAY, "Hungary", "Hungery"))).toBeNull();
    const eight = anchorOn(ESSAY, "Malenkov"); // 8: one edit allowed
    const text = redraft(ESSAY, "Malenkov", "Malenkow");
    expect(locate(eight, text)).toEqual({ ...rangeOf(text, "Malenkow"), match: "fuzzy" });
  });

  it("does not search fuzzily for quotes longer than 2000 code units", () => {
    const long = Array.from({ length: 12 }, (_, k) => `Paragraph ${k + 1}. ${ESSAY}`).join("\n\n");
    const atLimit = anchorFor(long, 0, 2000);
    const overLimit = anchorFor(long, 0, 2001);
    // One substitution: every later copy of the opening differs from it by at least two.
    const text = redraft(long, "Paragraph 1.", "Paragraph I.");
    expect(locate(atLimit, text)).toMatchObject({ start: 0, match: "fuzzy" });
    expect(locate(overLimit, text)).toBeNull();
  });

  it("detaches an anchor with an empty quote rather than matching everywhere", () => {
    expect(locate({ exact: "", prefix: "", suffix: "", start: 0, end: 0 }, ESSAY)).toBeNull();
  });
});

describe("offsets are UTF-16 code units, as String.slice counts them", () => {
  const text =
    "The Molotov–Ribbentrop Pact of 1939 haunted later Soviet leaders. 🚀 Khrushchev boasted of Sputnik, while in Budapest Ernő Gerő called in Soviet troops.";

  it("anchors and re-locates passages containing dashes, accents and emoji", () => {
    const passage = "🚀 Khrushchev boasted of Sputnik, while in Budapest Ernő Gerő";
    const anchor = anchorOn(text, passage);
    expect(text.slice(anchor.start, anchor.end)).toBe(passage);
    expect(anchor.end - anchor.start).toBe(passage.length); // the rocket counts as 2

    const moved = "🇭🇺 " + text; // a flag is four code units
    const found = locate(anchor, moved);
    expect(found).toEqual({ start: anchor.start + 5, end: anchor.end + 5, match: "quote" });
    expect(moved.slice(found!.start, found!.end)).toBe(passage);
  });

  it("re-locates an edited passage with accents and an en dash", () => {
    const anchor = anchorOn(text, "The Molotov–Ribbentrop Pact of 1939");
    const edited = "🚀 " + text.replace("Molotov–Ribbentrop Pact of 1939", "Molotov—Ribbentrop pact of 1939");
    const found = locate(anchor, edited);
    expect(found).toEqual({ ...rangeOf(edited, "The Molotov—Ribbentrop pact of 1939"), match: "fuzzy" });
  });

  it("never cuts the context through the middle of an emoji", () => {
    // Each rocket sits so that cutting at exactly CONTEXT_LENGTH would keep only half of it.
    const gap = " was launched in October 1957. ";
    expect(gap).toHaveLength(CONTEXT_LENGTH - 1);
    const sputnik = `Sputnik 🚀${gap}Khrushchev boasted of it${gap}🚀 Gagarin followed.`;
    const anchor = anchorOn(sputnik, "Khrushchev boasted of it");
    expect(anchor.prefix).toBe(gap);
    expect(anchor.suffix).toBe(gap);
    expect(anchorOn(sputnik, "Sputnik").suffix).toBe(" 🚀" + gap.slice(0, CONTEXT_LENGTH - 3));
  });
});

describe("a re-attached highlight starts and ends on word boundaries", () => {
  const speech = "In the Secret Speech, Khrushchev condemned the purges of the 1930s and shocked the delegates.";

  it("takes in the whole of a replacement word the match began inside", () => {
    const anchor = anchorOn(speech, "condemned the purges of the 1930s");
    const text = redraft(speech, "condemned", "strongly attacked");
    // The closest alignment starts at "cked": the highlight must cover "attacked", not half of it.
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "attacked the purges of the 1930s"), match: "fuzzy" });
  });

  it("drops the tail of a word that is not part of the passage", () => {
    const council = "By 1964 his colleagues had lost patience with his erratic reorganisation of the Party.";
    const anchor = anchorOn(council, "colleagues had lost patience");
    const text = redraft(council, "colleagues", "fellow leaders");
    // The alignment starts at "ow leaders": "leaders" is the nearer fit to "colleagues".
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "leaders had lost patience"), match: "fuzzy" });
  });

  it("extends a passage still found where it was when its last word has grown", () => {
    const reform = "His leadership was marked by bold reform and repeated failure. The Presidium removed him.";
    const anchor = anchorOn(reform, "bold reform and repeated failure");
    const text = redraft(reform, "repeated failure.", "repeated failures.");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "bold reform and repeated failures"), match: "fuzzy" });
  });

  it("extends a passage whose last word has grown, wherever it has moved to", () => {
    const reform = "His leadership was marked by bold reform and repeated failure. The Presidium removed him.";
    const anchor = anchorOn(reform, "bold reform and repeated failure");
    const text = NEW_OPENING + redraft(reform, "repeated failure.", "repeated failures.");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "bold reform and repeated failures"), match: "fuzzy" });
  });

  it("takes in a prefix joined onto the first word", () => {
    const anchor = anchorOn(ESSAY, "Stalinisation was the most dramatic of these changes");
    const text = redraft(ESSAY, "De-Stalinisation was", "Destalinisation was");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "Destalinisation was the most dramatic of these changes"), match: "fuzzy" });
  });

  it("chooses between a longer and a shorter last word by which is closer to the quote", () => {
    const harvest = "The harvest of 1956 was a record, but soil erosion soon followed.";
    const anchor = anchorOn(harvest, "The harvest of 1956 was a record");
    const text = redraft(harvest, "a record,", "recordbreaking,");
    // "…was recordbreaking" is ten edits from the quote, "…was" nine: the shorter one is nearer.
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "The harvest of 1956 was"), match: "fuzzy" });
  });

  it("leaves a passage the teacher began inside a word beginning there", () => {
    const anchor = anchorOn(speech, "ondemned the purges of the 1930s");
    const text = redraft(speech, "the 1930s", "the 1930's");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "ondemned the purges of the 1930's"), match: "fuzzy" });
  });

  it("does not attach a whole-word quote to the middle of a longer word", () => {
    const stalin = "Khrushchev denounced Stalin in 1956.";
    const anchor = anchorOn(stalin, "Stalin");
    // Short quotes match only exactly, and "Stalinism" is not the word "Stalin".
    expect(locate(anchor, redraft(stalin, "Stalin", "Stalinism"))).toBeNull();
    // Where the word itself is still there, that is the match, even with weaker context.
    const text = "Khrushchev denounced Stalinism in 1956; Stalin's heirs objected.";
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "Stalin'"), end: rangeOf(text, "Stalin'").end - 1, match: "quote" });
  });

  it("counts accented letters as part of a word", () => {
    const budapest = "In Budapest Ernő Gerő called in Soviet troops in 1956.";
    const anchor = anchorOn(budapest, "In Budapest Ernő Gerő");
    // "ő|é" is inside a word: a test for ASCII letters only would stop the highlight there.
    const text = redraft(budapest, "Gerő called", "Gerőék called");
    expect(locate(anchor, text)).toEqual({ ...rangeOf(text, "In Budapest Ernő Gerőék"), match: "fuzzy" });
  });

  it("never leaves a boundary inside a word on many random redrafts (seeded)", () => {
    const words = [...ESSAY.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
    let located = 0;
    for (let round = 0; round < 300; round++) {
      // A passage of 3–8 whole words, then a redraft that edits a few letters in and around it.
      const first = random(words.length - 8);
      const anchor = anchorFor(ESSAY, words[first]!.start, words[first + 2 + random(6)]!.end);
      const passage = anchor.exact;
      let text = ESSAY;
      for (let edit = 0; edit < 1 + random(4); edit++) {
        const at = Math.max(0, anchor.start - 6 + random(anchor.end - anchor.start + 12));
        const op = random(3);
        text = op === 0 ? text.slice(0, at) + "xy".slice(0, 1 + random(2)) + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + "q" + text.slice(at + 1);
      }
      const found = locate(anchor, text);
      if (!found) continue;
      located++;
      const where = `round ${round}: "${passage}" → "${text.slice(found.start, found.end)}"`;
      expect(isWord(text[found.start - 1]) && isWord(text[found.start]), where).toBe(false);
      expect(isWord(text[found.end - 1]) && isWord(text[found.end]), where).toBe(false);
    }
    expect(located).toBeGreaterThan(200);
  });
});
