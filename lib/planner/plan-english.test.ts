import { describe, expect, it } from "vitest";
import { article, inline, isPlural, listed, sentence } from "./plan-english";

describe("article", () => {
  it("chooses by the sound of the next word", () => {
    const cases: [string, "a" | "an"][] = [
      ["major", "a"], ["economic", "an"], ["important", "an"], ["hour", "an"], ["honest", "an"], ["historian", "a"],
      ["union", "a"], ["unintended", "an"], ["unimportant", "an"], ["useful", "a"], ["European", "a"], ["one-party", "a"],
      ["uprising", "an"], ["NKVD", "an"], ["SR", "an"], ["USSR-wide", "a"], ["KGB", "a"], ["MP", "an"],
    ];
    for (const [word, expected] of cases) expect(article(word), word).toBe(expected);
  });
});

describe("isPlural", () => {
  it("reads the head of the name, before any preposition", () => {
    const plural = ["Economic failures", "Foreign policy blunders", "Divisions in the Presidium", "Khrushchev's reforms", "Personality and style", "The people"];
    const singular = ["de-Stalinisation", "The Cuban Missile Crisis", "Agricultural failure", "The 20th Party Congress", "Economics", "Khrushchev's", "The Virgin Lands scheme", "Political: change", "Opposition of the generals"];
    for (const name of plural) expect(isPlural(name), name).toBe(true);
    for (const name of singular) expect(isPlural(name), name).toBe(false);
  });
});

describe("sentence and inline", () => {
  it("ends a sentence once", () => {
    expect(sentence("It failed")).toBe("It failed.");
    expect(sentence("It failed.")).toBe("It failed.");
    expect(sentence("Did it fail?")).toBe("Did it fail?");
    expect(sentence("It failed,")).toBe("It failed.");
    expect(sentence("It failed: ")).toBe("It failed.");
    expect(sentence("It failed -")).toBe("It failed.");
    expect(sentence("He called it ‘a disaster.’")).toBe("He called it ‘a disaster.’");
    expect(sentence("He backed down...")).toBe("He backed down...");
    expect(sentence("  ")).toBe("");
  });

  it("fits a phrase inside a sentence", () => {
    expect(inline("The Cuban Missile Crisis.")).toBe("the Cuban Missile Crisis");
    expect(inline("Khrushchev's fall from power?")).toBe("Khrushchev's fall from power");
    expect(inline("An economic crisis")).toBe("an economic crisis");
    expect(inline("Theories")).toBe("Theories");
  });

  it("lists with commas and 'and'", () => {
    expect(listed([])).toBe("");
    expect(listed(["a"])).toBe("a");
    expect(listed(["a", "b"])).toBe("a and b");
    expect(listed(["a", "b", "c"])).toBe("a, b and c");
  });
});
