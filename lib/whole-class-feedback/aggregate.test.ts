import { describe, expect, it } from "vitest";
import { commentKey, summariseClass, type AggregateEssay } from "./aggregate";
import { draftWholeClass } from "./draft";
import { namePattern, toQuote } from "./quotes";

const criteria = [
  { id: "knowledge", name: "Knowledge", levels: [1, 2, 3, 4, 5] },
  { id: "judgement", name: "Judgement", levels: [1, 2, 3, 4, 5] },
];
const s = (criterionId: string, comment: string, exact = "Khrushchev denounced Stalin in 1956.") => ({ kind: "STRENGTH" as const, criterionId, comment, exact });
const t = (criterionId: string, comment: string, exact = "The economy mattered.") => ({ kind: "TARGET" as const, criterionId, comment, exact });
const essay = (studentName: string, k: number, j: number, annotations: AggregateEssay["annotations"]): AggregateEssay => ({
  studentName,
  awards: [
    { criterionId: "knowledge", level: k },
    { criterionId: "judgement", level: j },
  ],
  annotations,
});

describe("quotes", () => {
  it("keeps one sentence", () => {
    expect(toQuote("Reform came from above. It failed later.", null)).toBe("Reform came from above.");
  });
  it("cuts a long sentence to 25 words", () => {
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    const q = toQuote(long, null);
    expect(q.split(" ")).toHaveLength(25);
    expect(q.endsWith("…")).toBe(true);
  });
  it("takes out the class's names, first names and surnames, possessives too", () => {
    const names = namePattern(["Amira Khan", "Ben O'Neill"]);
    expect(toQuote("As Amira argued, Khan's view and ben's point differ.", names)).toBe("As [name] argued, [name] view and [name] point differ.");
    // Inside another word a name is left alone.
    expect(toQuote("Benefits of the Virgin Lands scheme.", names)).toBe("Benefits of the Virgin Lands scheme.");
  });
});

describe("summariseClass", () => {
  const essays = [
    essay("Amira Khan", 4, 2, [s("knowledge", "Precise evidence."), t("judgement", "Weigh the factors against each other."), t("judgement", "State your judgement in the introduction")]),
    essay("Ben Cole", 4, 3, [s("knowledge", "precise evidence"), t("judgement", "Weigh the factors against each other!")]),
    essay("Chloe Dunn", 3, 2, [t("judgement", "weigh the factors against each other", "Amira said the economy was key. More words."), s("judgement", "Good, Chloe: a clear line.")]),
  ];
  const bank = [
    { text: "Weigh the factors against each other.", criterionId: "judgement", kind: "TARGET" as const },
    { text: "Precise evidence.", criterionId: "knowledge", kind: "STRENGTH" as const },
    { text: "Never used.", criterionId: "knowledge", kind: "TARGET" as const },
  ];
  const summary = summariseClass({ criteria, essays, bank, classNames: ["Dev Patel"] });

  it("counts the levels per criterion, every level shown", () => {
    const k = summary.criteria[0]!;
    expect(k.distribution).toEqual([
      { level: 0, count: 0 },
      { level: 1, count: 0 },
      { level: 2, count: 0 },
      { level: 3, count: 1 },
      { level: 4, count: 2 },
      { level: 5, count: 0 },
    ]);
    expect(k.meanShare).toBeCloseTo(11 / 3 / 5);
  });

  it("groups the same comment however it was typed, most essays first", () => {
    const j = summary.criteria[1]!;
    expect(j.targets[0]).toMatchObject({ comment: "Weigh the factors against each other.", essays: 3 });
    expect(j.targets[1]).toMatchObject({ comment: "State your judgement in the introduction", essays: 1 });
    expect(summary.criteria[0]!.strengths[0]).toMatchObject({ comment: "Precise evidence.", essays: 2 });
  });

  it("anonymises comments and quotes", () => {
    const j = summary.criteria[1]!;
    expect(j.strengths[0]!.comment).toBe("Good, [name]: a clear line.");
    const allQuotes = summary.criteria.flatMap((c) => [...c.strengths, ...c.targets]).flatMap((x) => x.quotes);
    expect(allQuotes.join(" ")).not.toMatch(/Amira|Chloe|Ben/);
  });

  it("lists the comment-bank comments used most on this assignment", () => {
    expect(summary.bankUses.map((b) => [b.text, b.uses, b.criterionName])).toEqual([
      ["Weigh the factors against each other.", 3, "Judgement"],
      ["Precise evidence.", 2, "Knowledge"],
    ]);
  });

  it("leaves unmarked essays out of the levels but keeps their annotations", () => {
    const withUnmarked = summariseClass({ criteria, essays: [...essays, { studentName: "Dev Patel", awards: null, annotations: [t("knowledge", "Add dates.")] }], bank: [], classNames: [] });
    expect(withUnmarked.marked).toBe(3);
    expect(withUnmarked.criteria[0]!.distribution.reduce((n, d) => n + d.count, 0)).toBe(3);
    expect(withUnmarked.criteria[0]!.targets[0]!.comment).toBe("Add dates.");
  });

  it("drafts text naming the strongest and weakest criterion, with quotes and no level counts", () => {
    const draft = draftWholeClass(summary);
    expect(draft.intro).toContain("3 essays");
    expect(draft.intro).toContain("strongest on knowledge");
    expect(draft.intro).toContain("most to gain is on judgement");
    expect(draft.criteria[1]!.targets).toContain("- Weigh the factors against each other. (3 essays)");
    expect(draft.criteria[1]!.targets).toContain("For example: “The economy mattered.”");
    expect(draft.comments.split("\n")[0]).toBe("- Weigh the factors against each other. (Judgement)");
  });

  it("with nothing marked, drafts empty sections", () => {
    const empty = draftWholeClass(summariseClass({ criteria, essays: [], bank: [], classNames: [] }));
    expect(empty).toEqual({ intro: "", criteria: [{ criterionId: "knowledge", strengths: "", targets: "" }, { criterionId: "judgement", strengths: "", targets: "" }], comments: "" });
  });

  it("comment keys ignore case, spacing and closing punctuation", () => {
    expect(commentKey("  Weigh   THE factors!! ")).toBe(commentKey("weigh the factors"));
  });
});
