import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  classifyLines,
  detectFormat,
  flattenPoints,
  MAX_NOTES_BYTES,
  parseNotes,
  validateNotesInput,
  type ParsedSection,
  type ParsedTopic,
} from "./parse-notes";

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), "utf8");
const SAMPLE = fixture("khrushchev-ussr-1953-1964.txt");
const MARKDOWN = fixture("cuban-missile-crisis.md");

const headings = (sections: ParsedSection[]) => sections.map((s) => s.heading);
const find = (topic: ParsedTopic, heading: string): ParsedSection => {
  const walk = (sections: ParsedSection[]): ParsedSection | undefined =>
    sections.map((s) => (s.heading === heading ? s : walk(s.children))).find(Boolean);
  const found = walk(topic.sections);
  if (!found) throw new Error(`No section "${heading}"`);
  return found;
};
/** The topic without line numbers, for comparing notes laid out differently. */
const shape = (topic: ParsedTopic) =>
  JSON.parse(JSON.stringify(topic, (key, value) => (key === "lineNo" || key === "introLineNo" || key === "warnings" ? undefined : value)));

const TOP_LEVEL = [
  "Khrushchev’s Rise to Power",
  "De-Stalinisation",
  "Economic Reforms: Industrial Management and the Seven-Year Plan",
  "Agricultural Reforms: Virgin Lands Scheme and Mixed Outcomes",
  "Social and Cultural Changes",
  "Emergence of Opposition",
  "Khrushchev’s Fall and the USSR by 1964",
];

describe("parseNotes on the Khrushchev sample (plain text)", () => {
  const topic = parseNotes(SAMPLE);

  it("reads the first line as the summary, not a heading", () => {
    expect(topic.summary).toBe(
      "Khrushchev’s leadership transformed the USSR politically, economically, and socially, seeking reform while managing deep-rooted authoritarian legacies and Cold War challenges.",
    );
    expect(topic.title).toBe("Khrushchev’s leadership transformed the USSR politically");
    expect(parseNotes(SAMPLE, { fallbackTitle: "Khrushchev and the USSR" }).title).toBe("Khrushchev and the USSR");
  });

  it("finds exactly the seven chapter headings at level 1, each with its intro sentence", () => {
    expect(headings(topic.sections)).toEqual(TOP_LEVEL);
    expect(topic.sections.every((s) => s.level === 1 && s.intro !== null && s.points.length === 0)).toBe(true);
    expect(find(topic, "De-Stalinisation").intro).toMatch(/^One of the defining features of Khrushchev’s rule/);
  });

  it("nests sub-headings under their chapters at level 2", () => {
    expect(headings(find(topic, "Khrushchev’s Rise to Power").children)).toEqual(["Defeat of Malenkov and Beria", "Party Restructuring"]);
    expect(headings(find(topic, "De-Stalinisation").children)).toEqual([
      "The Secret Speech (1956)",
      "Reforms to Terror and Political Amnesties",
      "Decentralisation",
    ]);
    expect(headings(find(topic, TOP_LEVEL[2] ?? "").children)).toEqual(["Industrial Reorganisation", "The Seven-Year Plan"]);
    expect(headings(find(topic, "Social and Cultural Changes").children)).toEqual([
      "Rise of Consumerism",
      "Housing and Urban Development",
      "Education and Youth Culture",
      "Role of Women",
    ]);
    expect(headings(find(topic, "Khrushchev’s Fall and the USSR by 1964").children)).toEqual(["The Fall from Power", "State of the USSR by 1964"]);
    expect(topic.sections.flatMap((s) => s.children).every((c) => c.level === 2 && c.children.length === 0)).toBe(true);
  });

  it("counts the points in sections", () => {
    expect(find(topic, "Defeat of Malenkov and Beria").points).toHaveLength(4);
    expect(find(topic, "Decentralisation").points).toHaveLength(2);
    expect(find(topic, "Rise of Consumerism").points).toHaveLength(2);
    expect(find(topic, "The Seven-Year Plan").points).toHaveLength(4);
    expect(find(topic, "State of the USSR by 1964").points).toHaveLength(4);
    expect(find(topic, "State of the USSR by 1964").points[0]?.text).toMatch(/^Political Control: Authoritarianism remained intact/);
  });

  it("attaches the short lines after a point ending in ':' as its sub-points", () => {
    const plan = find(topic, "The Seven-Year Plan").points;
    expect(plan[3]).toEqual({
      text: "Initial growth was promising, but by the early 1960s:",
      subpoints: [
        "Targets were overly ambitious.",
        "Logistical issues and poor planning undermined progress.",
        "Economic performance slowed, revealing underlying inefficiencies.",
      ],
    });
    expect(plan.slice(0, 3).every((p) => p.subpoints.length === 0)).toBe(true);
    // The sentence after the list continues the story, so it is a point of its own.
    const fall = find(topic, "The Fall from Power").points;
    expect(fall.map((p) => p.subpoints.length)).toEqual([3, 0]);
    expect(fall[1]?.text).toBe("He was allowed to retire peacefully, a break from Stalinist precedent.");
  });

  it("reads five answer-only FAQ entries", () => {
    expect(topic.faq).toHaveLength(5);
    expect(topic.faq.every((f) => f.question === null)).toBe(true);
    expect(topic.faq[0]?.answer).toMatch(/^Khrushchev championed the Soviet space programme/);
    expect(topic.faq[4]?.answer).toMatch(/not genuine artistic autonomy\.$/);
  });

  it("reads two practice questions, each with its model answer", () => {
    expect(topic.practiceQuestions.map((q) => q.question)).toEqual([
      "To what extent did Khrushchev’s reforms transform the USSR by 1964?",
      "How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?",
    ]);
    expect(topic.practiceQuestions[0]?.modelAnswer).toMatch(/^Khrushchev’s reforms brought significant but uneven transformation\./);
    expect(topic.practiceQuestions[1]?.modelAnswer).toMatch(/^De-Stalinisation was a key factor/);
    expect(topic.warnings).toEqual([]);
  });

  it("classifies lines with 1-based line numbers for the preview", () => {
    const lines = classifyLines(SAMPLE);
    const at = (n: number) => lines.find((l) => l.lineNo === n);
    expect(detectFormat(SAMPLE)).toBe("text");
    expect(at(1)?.kind).toBe("summary");
    expect(at(2)).toEqual({ lineNo: 2, text: "Khrushchev’s Rise to Power", kind: "heading", level: 1 });
    expect(at(3)?.kind).toBe("paragraph");
    expect(at(4)).toMatchObject({ kind: "heading", level: 2 });
    expect(at(37)?.kind).toBe("point");
    expect(at(38)?.kind).toBe("subpoint");
    expect(at(91)?.kind).toBe("faq-marker");
    expect(at(97)?.kind).toBe("practice-marker");
    expect([at(98)?.kind, at(99)?.kind]).toEqual(["question", "answer"]);
    expect(lines.filter((l) => l.kind === "heading")).toHaveLength(7 + 17);
  });
});

describe("parseNotes copes with differently laid-out plain text", () => {
  const reference = parseNotes(SAMPLE);

  it("gives the same topic for CRLF line endings with a BOM", () => {
    expect(parseNotes(`\uFEFF${SAMPLE.replace(/\n/g, "\r\n")}`)).toEqual(reference);
  });

  it("gives the same topic with blank lines between every line and trailing whitespace", () => {
    const spaced = SAMPLE.split("\n")
      .map((l) => `${l}  \t`)
      .join("\n\n\n");
    expect(shape(parseNotes(spaced))).toEqual(shape(reference));
  });

  it("keeps line numbers pointing at the original lines", () => {
    const spaced = SAMPLE.split("\n").join("\n\n");
    expect(find(parseNotes(spaced), "De-Stalinisation").lineNo).toBe(25);
  });

  it("reads a title line, a summary line and sentence-case headings", () => {
    const notes = [
      "Weimar Germany 1919–1933",
      "The Weimar Republic survived its early crises but collapsed under the Depression.",
      "Early crises",
      "The republic faced threats from left and right in its first years.",
      "Political violence",
      "The Spartacist uprising was crushed in January 1919.",
      "The Kapp Putsch failed after a general strike in 1920.",
      "Hyperinflation in 1923",
      "Prices doubled every few days by the autumn of 1923.",
      "The savings of the middle class were wiped out.",
      "The Stresemann years",
      "Recovery at home",
      "The Rentenmark stabilised the currency.",
      "The Dawes Plan brought American loans.",
      "Foreign policy",
      "Locarno improved relations with France.",
      "Germany joined the League of Nations in 1926.",
    ].join("\n");
    const topic = parseNotes(notes);
    expect(topic.title).toBe("Weimar Germany 1919–1933");
    expect(topic.summary).toBe("The Weimar Republic survived its early crises but collapsed under the Depression.");
    expect(headings(topic.sections)).toEqual(["Early crises", "The Stresemann years"]);
    expect(headings(topic.sections[0]?.children ?? [])).toEqual(["Political violence", "Hyperinflation in 1923"]);
    expect(headings(topic.sections[1]?.children ?? [])).toEqual(["Recovery at home", "Foreign policy"]);
    expect(find(topic, "Hyperinflation in 1923").points).toHaveLength(2);
    expect(topic.sections[1]?.intro).toBeNull();
  });

  it("treats notes whose headings all hold points as flat, all level 1", () => {
    const topic = parseNotes("Causes\nThe war went badly.\nBread ran short.\nConsequences\nThe Tsar abdicated.\nDual power followed.");
    expect(topic.sections.map((s) => [s.heading, s.level, s.points.length])).toEqual([
      ["Causes", 1, 2],
      ["Consequences", 1, 2],
    ]);
    expect(topic.summary).toBeNull();
  });

  it("reads '-' bullets with indented sub-bullets, and a question line in the FAQ", () => {
    const topic = parseNotes(
      [
        "The New Economic Policy",
        "- Grain requisitioning ended in 1921.",
        "- Small businesses reopened:",
        "    - cafés and shops",
        "    - small workshops",
        "FAQ",
        "Why did Lenin introduce the NEP?",
        "War Communism had caused famine and the Kronstadt revolt.",
        "It was meant as a temporary retreat.",
      ].join("\n"),
    );
    expect(topic.sections[0]?.points).toEqual([
      { text: "Grain requisitioning ended in 1921.", subpoints: [] },
      { text: "Small businesses reopened:", subpoints: ["cafés and shops", "small workshops"] },
    ]);
    expect(topic.faq).toEqual([
      {
        question: "Why did Lenin introduce the NEP?",
        answer: "War Communism had caused famine and the Kronstadt revolt.\n\nIt was meant as a temporary retreat.",
      },
    ]);
  });

  it("tells a colon list of unpunctuated items from an intro ending in ':' before a sub-heading", () => {
    const topic = parseNotes(
      [
        "Khrushchev’s reforms promised much and delivered less.",
        "Economic Reforms",
        "Khrushchev had two aims:",
        "Industry",
        "Sovnarkhozy replaced ministries.",
        "Growth slowed after 1960.",
        "The Fall",
        "He was removed, citing:",
        "Poor economic performance",
        "Foreign blunders",
        "He retired peacefully after a vote of the Presidium.",
      ].join("\n"),
    );
    expect(topic.sections[0]?.intro).toBe("Khrushchev had two aims:");
    expect(headings(topic.sections[0]?.children ?? [])).toEqual(["Industry", "The Fall"]);
    expect(find(topic, "The Fall").points).toEqual([
      { text: "He was removed, citing:", subpoints: ["Poor economic performance", "Foreign blunders"] },
      { text: "He retired peacefully after a vote of the Presidium.", subpoints: [] },
    ]);
  });

  it("joins hard-wrapped lines that continue a sentence", () => {
    const topic = parseNotes("Collectivisation\nPeasants resisted by slaughtering livestock,\nand grain output fell sharply.\nFamine followed in 1932–33.");
    expect(topic.sections[0]?.points.map((p) => p.text)).toEqual([
      "Peasants resisted by slaughtering livestock, and grain output fell sharply.",
      "Famine followed in 1932–33.",
    ]);
  });

  it("warns about a heading with nothing under it", () => {
    const topic = parseNotes("Stalin’s rise was gradual.\nThe Power Struggle\nTrotsky was isolated.\nBukharin was defeated.\nAn Empty Heading\nFAQ\nStalin controlled appointments as General Secretary.");
    expect(topic.warnings).toContain('Line 5 ("An Empty Heading") looks like a heading with no points under it.');
    expect(topic.faq).toHaveLength(1);
  });
});

describe("parseNotes on markdown", () => {
  const topic = parseNotes(MARKDOWN);

  it("detects markdown and takes the lone '#' heading as the title", () => {
    expect(detectFormat(MARKDOWN)).toBe("markdown");
    expect(topic.title).toBe("The Cuban Missile Crisis, 1962");
    expect(topic.summary).toBe("The crisis brought the superpowers closer to nuclear war than at any other point in the Cold War.");
  });

  it("renumbers '##' and '###' headings as levels 1 and 2", () => {
    expect(topic.sections.map((s) => [s.heading, s.level])).toEqual([
      ["Causes of the Crisis", 1],
      ["The Thirteen Days", 1],
    ]);
    expect(topic.sections[0]?.children.map((s) => [s.heading, s.level])).toEqual([
      ["Soviet motives", 2],
      ["American concerns", 2],
    ]);
    expect(topic.sections[0]?.intro).toBe("Tension had been building since the Cuban Revolution of 1959.");
  });

  it("strips emphasis and links, and nests indented bullets as sub-points", () => {
    expect(find(topic, "Soviet motives").points).toEqual([
      { text: "Khrushchev wanted to close the missile gap with the USA.", subpoints: [] },
      { text: "Protecting Castro's regime after the Bay of Pigs invasion.", subpoints: [] },
      { text: "Leverage over Berlin:", subpoints: ["a bargaining chip against the West;", "a test of Kennedy's resolve."] },
    ]);
    expect(find(topic, "American concerns").points).toHaveLength(2);
  });

  it("joins a soft-wrapped numbered item", () => {
    expect(find(topic, "The Thirteen Days").points.map((p) => p.text)).toEqual([
      "Kennedy announced a naval quarantine on 22 October.",
      "A U-2 was shot down over Cuba on 27 October, raising fears of escalation.",
      "Khrushchev agreed to remove the missiles on 28 October.",
    ]);
  });

  it("reads FAQ questions from sub-headings, joining multi-paragraph answers", () => {
    expect(topic.faq.map((f) => f.question)).toEqual(["Why did Khrushchev back down?", "Who gained most from the crisis?"]);
    expect(topic.faq[0]?.answer).toBe(
      "He feared escalation to nuclear war and secured a public pledge not to invade Cuba.\n\nThe secret removal of Jupiter missiles from Turkey also gave him something to show the Presidium.",
    );
  });

  it("reads practice questions from a numbered list, with or without a model answer", () => {
    expect(topic.practiceQuestions).toEqual([
      {
        question: "How far was the Cuban Missile Crisis a turning point in the Cold War?",
        modelAnswer: "The crisis led to the hotline and the Partial Test Ban Treaty of 1963, but rivalry continued elsewhere.",
      },
      {
        question: "'The Cuban Missile Crisis was the main reason for Khrushchev's fall in 1964.' Assess the validity of this view.",
        modelAnswer: null,
      },
    ]);
    expect(topic.warnings).toEqual([]);
  });

  it("uses the fallback title when there are several '#' headings", () => {
    const notes = "# Causes\n- Famine\n- War\n\n# Effects\n- Abdication\n\n## Exam questions\n\n1. Assess the reasons for the February Revolution.";
    const parsed = parseNotes(notes, { fallbackTitle: "Russia in 1917" });
    expect(parsed.title).toBe("Russia in 1917");
    expect(headings(parsed.sections)).toEqual(["Causes", "Effects"]);
    expect(parsed.practiceQuestions).toEqual([{ question: "Assess the reasons for the February Revolution.", modelAnswer: null }]);
  });

  it("uses bold-only lines as sibling headings and strips Q:/A: labels", () => {
    const parsed = parseNotes("# Stalin\n\n**Rise to power**\n\n- Trotsky isolated\n\n**The purges**\n\n- Kirov murdered\n\n## FAQ\n\n**Q:** Why did Stalin win?\n\nA: He controlled appointments.\n");
    expect(parsed.sections.map((s) => [s.heading, s.level, s.points.length])).toEqual([
      ["Rise to power", 1, 1],
      ["The purges", 1, 1],
    ]);
    expect(parsed.faq).toEqual([{ question: "Why did Stalin win?", answer: "He controlled appointments." }]);
  });

  it("can be forced to read markdown-looking text as plain text", () => {
    expect(classifyLines("# Causes\n- Famine", "text")[0]?.kind).not.toBe("heading");
    expect(classifyLines("# Causes\n- Famine", "markdown")[0]).toEqual({ lineNo: 1, text: "Causes", kind: "title" });
  });
});

describe("heading fixes from the preview", () => {
  const DECENTRALISATION = 24;

  it("demotes a heading to a point in the section above it", () => {
    const topic = parseNotes(SAMPLE, { fixes: [{ lineNo: DECENTRALISATION, kind: "point" }] });
    expect(headings(find(topic, "De-Stalinisation").children)).toEqual(["The Secret Speech (1956)", "Reforms to Terror and Political Amnesties"]);
    const points = find(topic, "Reforms to Terror and Political Amnesties").points.map((p) => p.text);
    expect(points).toHaveLength(7);
    expect(points[4]).toBe("Decentralisation");
  });

  it("changes a heading's level", () => {
    const topic = parseNotes(SAMPLE, { fixes: [{ lineNo: DECENTRALISATION, kind: "heading", level: 1 }] });
    expect(headings(topic.sections)).toEqual([...TOP_LEVEL.slice(0, 2), "Decentralisation", ...TOP_LEVEL.slice(2)]);
    expect(find(topic, "Decentralisation").points).toHaveLength(2);
  });

  it("renames a heading and promotes a point, keeping other structure", () => {
    const topic = parseNotes(SAMPLE, {
      fixes: [
        { lineNo: 13, kind: "heading", text: "De-Stalinisation, 1956–64" },
        { lineNo: 85, kind: "heading", level: 2, text: "Retirement" },
      ],
    });
    expect(topic.sections[1]).toMatchObject({ heading: "De-Stalinisation, 1956–64", level: 1 });
    expect(find(topic, "The Fall from Power").points).toHaveLength(1);
    expect(find(topic, "Retirement")).toMatchObject({ level: 2, points: [] });
    expect(topic.warnings).toContain('Line 85 ("Retirement") looks like a heading with no points under it.');
  });

  it("ignores a fix for a line with no text, with a warning", () => {
    const topic = parseNotes(SAMPLE, { fixes: [{ lineNo: 500, kind: "heading", level: 1 }] });
    expect(headings(topic.sections)).toEqual(TOP_LEVEL);
    expect(topic.warnings).toEqual(["The correction for line 500 was ignored: that line has no text."]);
  });
});

describe("flattenPoints", () => {
  const bank = flattenPoints(parseNotes(SAMPLE));

  it("lists every point with the heading chain it sits under", () => {
    expect(bank).toHaveLength(52);
    expect(bank[0]).toEqual({
      text: expect.stringMatching(/^Georgy Malenkov, initially Stalin’s successor/),
      path: ["Khrushchev’s Rise to Power", "Defeat of Malenkov and Beria"],
    });
    expect(bank.every((p) => p.path.length === 2)).toBe(true);
  });

  it("keeps sub-points with their lead-in", () => {
    const entry = bank.find((p) => p.text.startsWith("Initial growth"));
    expect(entry).toEqual({
      text: "Initial growth was promising, but by the early 1960s: Targets were overly ambitious. Logistical issues and poor planning undermined progress. Economic performance slowed, revealing underlying inefficiencies.",
      path: [TOP_LEVEL[2], "The Seven-Year Plan"],
    });
  });
});

describe("validateNotesInput", () => {
  it("accepts the sample as text and as bytes, dropping a BOM", () => {
    expect(validateNotesInput(SAMPLE)).toEqual({ ok: true, text: SAMPLE });
    expect(validateNotesInput(new TextEncoder().encode(`\uFEFF${SAMPLE}`))).toEqual({ ok: true, text: SAMPLE });
  });

  it("rejects empty and whitespace-only notes", () => {
    for (const input of ["", "  \n\t\r\n  ", new Uint8Array()]) {
      const result = validateNotesInput(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/empty/);
    }
  });

  it("rejects binary data: NUL bytes, or mostly invalid UTF-8", () => {
    const binary = [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
      "Notes\u0000with a NUL",
      new Uint8Array(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 0x40))),
      new Uint8Array([...new TextEncoder().encode("Short text "), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
    ];
    for (const input of binary) expect(validateNotesInput(input)).toEqual({ ok: false, error: expect.stringMatching(/binary data/) });
  });

  it("reads text saved as Windows-1252 instead of failing on its curly quotes", () => {
    const encode = (s: string) => [...new TextEncoder().encode(s)];
    const cp1252 = new Uint8Array([...encode("Stalin"), 0x92, ...encode("s purges were extensive. The show trials began in 1936.")]);
    expect(validateNotesInput(cp1252)).toEqual({ ok: true, text: "Stalin’s purges were extensive. The show trials began in 1936." });
    // Real UTF-8 with one damaged byte stays UTF-8, so its correct characters are not garbled.
    const damaged = new Uint8Array([...encode("Stalin’s purges were extensive. "), 0x92, ...encode("The show trials began in 1936.")]);
    expect(validateNotesInput(damaged)).toEqual({ ok: true, text: "Stalin’s purges were extensive. \uFFFDThe show trials began in 1936." });
  });

  it("accepts exactly 200 KB and rejects one byte more, naming the limit", () => {
    expect(MAX_NOTES_BYTES).toBe(200 * 1024);
    const line = "A point about the Seven-Year Plan.\n";
    const exact = line.repeat(Math.floor(MAX_NOTES_BYTES / line.length)).padEnd(MAX_NOTES_BYTES, "x");
    expect(validateNotesInput(exact).ok).toBe(true);
    expect(validateNotesInput(`${exact}y`)).toEqual({ ok: false, error: expect.stringContaining("200 KB limit") });
    expect(validateNotesInput(new Uint8Array(MAX_NOTES_BYTES + 1).fill(0x41)).ok).toBe(false);
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(validateNotesInput("’".repeat(MAX_NOTES_BYTES / 3 + 1)).ok).toBe(false);
    expect(validateNotesInput("’".repeat(Math.floor(MAX_NOTES_BYTES / 3))).ok).toBe(true);
  });
});
