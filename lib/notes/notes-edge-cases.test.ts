import { describe, expect, it } from "vitest";
import { topicNamedBy } from "./build-topic";
import { classifyLines, parseNotes, type ParsedSection, type ParsedTopic } from "./parse-notes";

// Issue 16's "what was seen", one test each, plus the Markdown edge cases the mdast reader
// must get right.

const outline = (sections: ParsedSection[]): unknown[] =>
  sections.map((s) => [s.heading, s.level, s.points.length, outline(s.children)]);
const find = (topic: ParsedTopic, heading: string): ParsedSection => {
  const walk = (sections: ParsedSection[]): ParsedSection | undefined =>
    sections.map((s) => (s.heading === heading ? s : walk(s.children))).find(Boolean);
  const found = walk(topic.sections);
  if (!found) throw new Error(`No section "${heading}"`);
  return found;
};

const DATED = [
  "The town's fortunes rose and fell with its mill over three decades.",
  "Early Years 1900-1910",
  "The mill opened in 1900 and employed 400 workers.",
  "Housing",
  "Terraced streets were built near the mill.",
  "Rents were low.",
  "Recovery 1911-1920",
  "War contracts revived the mill.",
  "Wages",
  "Wages doubled by 1918.",
  "Unions grew.",
  "Collapse 1921-1930",
  "Orders fell after 1921.",
  "The mill closed in 1930.",
].join("\n");

describe("plain text: dated headings in sequence are peers (seen 1)", () => {
  it("keeps the last dated heading, which holds its points directly, beside the others", () => {
    expect(outline(parseNotes(DATED).sections)).toEqual([
      ["Early Years 1900-1910", 1, 0, [["Housing", 2, 2, []]]],
      ["Recovery 1911-1920", 1, 0, [["Wages", 2, 2, []]]],
      ["Collapse 1921-1930", 1, 1, []],
    ]);
  });

  it("accepts short ranges and brackets, and leaves out-of-order dates alone", () => {
    const notes = "The Tudors\nEarly Tudors (1485–1509)\nBosworth won.\nAct of Union\nWales joined.\nWales had MPs.\nHenry VIII (1509–47)\nBreak with Rome.\nChurch taken over.";
    expect(outline(parseNotes(notes).sections).map((s) => (s as unknown[])[0])).toEqual(["Early Tudors (1485–1509)", "Henry VIII (1509–47)"]);
    const backwards = "Summary of it all.\nLate 1950-1960\nIntro here.\nPart A\nA one.\nA two.\nEarly 1900-1910\nB one.\nB two.";
    expect(find(parseNotes(backwards), "Late 1950-1960").children.map((s) => s.heading)).toEqual(["Part A", "Early 1900-1910"]);
  });
});

describe("intros the preview flags as probable points (seen 2)", () => {
  it("keeps the first line under a heading as its intro but flags a factual one, with its line", () => {
    const s = find(parseNotes(DATED), "Early Years 1900-1910");
    expect([s.intro, s.introLineNo, s.introLooksLikePoint]).toEqual(["The mill opened in 1900 and employed 400 workers.", 3, true]);
  });

  it("does not flag an intro that frames the section", () => {
    const topic = parseNotes("# Notes\n\n## Causes\n\nSeveral long-term problems came together.\n\n- Famine\n- War\n");
    expect([find(topic, "Causes").intro, find(topic, "Causes").introLooksLikePoint]).toEqual(["Several long-term problems came together.", false]);
  });

  it("makes the intro a point when the teacher fixes its line to a point", () => {
    const topic = parseNotes(DATED, { fixes: [{ lineNo: 3, kind: "point" }] });
    const s = find(topic, "Early Years 1900-1910");
    expect([s.intro, s.points.map((p) => p.text)]).toEqual([null, ["The mill opened in 1900 and employed 400 workers."]]);
  });
});

describe("Markdown read with mdast", () => {
  it("splits a bold-question FAQ paragraph into question and answer (seen 3)", () => {
    const topic = parseNotes("# Tsarism\n\n## Causes\n\n- Famine\n\n## FAQ\n\n**Why did the Tsar fall?** The army deserted him in 1917.\n\n**Who led the Soviet?** Mensheviks at first.\n");
    expect(topic.faq).toEqual([
      { question: "Why did the Tsar fall?", answer: "The army deserted him in 1917." },
      { question: "Who led the Soviet?", answer: "Mensheviks at first." },
    ]);
  });

  it("keeps a fenced block literal: a '#' line inside it is a point, not a section (seen 4)", () => {
    const notes = "# Title\n\n## Sources\n\n```\n# not a heading\nTelegram, 1917\n```\n\n### Source A\n\n- A speech\n";
    const topic = parseNotes(notes);
    expect(outline(topic.sections)).toEqual([["Sources", 1, 2, [["Source A", 2, 1, []]]]]);
    expect(find(topic, "Sources").points.map((p) => p.text)).toEqual(["# not a heading", "Telegram, 1917"]);
    expect(classifyLines(notes).find((l) => l.text === "Telegram, 1917")?.lineNo).toBe(7);
  });

  it("reads setext headings and nested lists three deep", () => {
    const topic = parseNotes("Russia\n======\n\nLong-term\n---------\n\n- Land hunger\n  - Peasants\n    - Redemption payments\n- War\n");
    expect(topic.title).toBe("Russia");
    expect(outline(topic.sections)).toEqual([["Long-term", 1, 2, []]]);
    expect(find(topic, "Long-term").points[0]).toEqual({ text: "Land hunger", subpoints: ["Peasants", "Redemption payments"] });
  });

  it("reads emphasis and links as their words and a table's rows as points, reporting the header row", () => {
    const notes = "## Timeline\n\n| Date | Event |\n| --- | --- |\n| 1953 | *Stalin* dies |\n| 1956 | [Secret Speech](https://x.org) |\n";
    const topic = parseNotes(notes);
    expect(find(topic, "Timeline").points.map((p) => p.text)).toEqual(["1953 — Stalin dies", "1956 — Secret Speech"]);
    expect(topic.warnings).toEqual([`Line 3: the table's header row ("Date | Event") was read as column titles, not a point.`]);
  });

  it("reports raw HTML it leaves out", () => {
    expect(parseNotes("## A\n\n- one\n\n<div>boxed text</div>\n").warnings[0]).toMatch(/^Line 5: HTML markup \("boxed text"\) was left out\.$/);
  });
});

describe("title from the summary line (seen 5)", () => {
  it("prefers a topic the summary names to the file name", () => {
    const notes = "This topic covers Weimar Germany, 1919–1933, from revolution to dictatorship.\nThe Early Years\nRevolts in 1919 and 1920.\nHyperinflation in 1923.";
    expect(parseNotes(notes, { fallbackTitle: "Weimar notes final v2" }).title).toBe("Weimar Germany, 1919–1933");
  });

  it("reads a name before 'was' or a colon, but not a describing sentence", () => {
    expect(topicNamedBy("The Great Reform Act of 1832 was the first step towards democracy.")).toBe("The Great Reform Act of 1832");
    expect(topicNamedBy("The Cuban Missile Crisis, 1962: thirteen days that shook the world.")).toBe("The Cuban Missile Crisis, 1962");
    expect(topicNamedBy("Khrushchev’s leadership transformed the USSR politically, economically, and socially.")).toBeNull();
    expect(topicNamedBy("Stalin's rule was harsh.")).toBeNull();
  });
});
