import { describe, expect, it } from "vitest";
import { factorsByWeight, generateOutline, judgementWords, outlineToText } from "./outline";
import type { Factor, Plan } from "./plan-schema";
import { HOW_FAR_QUESTION, howFar, TWE_QUESTION, toWhatExtent } from "./example-analyses";
import type { QuestionAnalysis } from "../questions/analyse-question";

function factor(id: string, name: string, weight: number | null, overrides: Partial<Factor> = {}): Factor {
  return { id, name, kind: "other", evidence: [], argumentFor: "", argumentAgainst: "", weight, miniJudgement: "", ...overrides };
}

function howFarPlan(): Plan {
  return {
    factors: [
      factor("agri", "Agricultural failure", 3, {
        evidence: [{ id: "e1", text: "Grain had to be imported from the West in 1963", source: { kind: "own" } }],
      }),
      factor("destal", "de-Stalinisation", 4, {
        kind: "stated",
        evidence: [
          { id: "e2", text: "Secret Speech to the 20th Party Congress, February 1956", source: { kind: "bank", pointId: "p1", path: ["De-Stalinisation", "The Secret Speech (1956)"] } },
          { id: "e3", text: "Anti-Party Group tried to remove him in 1957", source: { kind: "own" } },
        ],
        argumentFor: "It alarmed conservatives who feared for their own positions",
        argumentAgainst: "He survived the 1957 challenge, so it cannot alone explain 1964",
        miniJudgement: "De-Stalinisation lost him the trust of hardliners",
      }),
      factor("cuba", "Cuban Missile Crisis", 2),
    ],
    criteria: ["everyday-scale", "everyday-depth"],
    customCriteria: [],
    judgement: { position: 75, argument: "De-Stalinisation was the most significant factor, because it turned the Party elite against him" },
  };
}

describe("judgementWords", () => {
  it("maps the judgement line to words at each boundary", () => {
    const table: [number, string][] = [
      [0, "not at all"], [10, "not at all"], [11, "to a limited extent"], [33, "to a limited extent"],
      [34, "to some extent"], [66, "to some extent"], [67, "to a great extent"], [89, "to a great extent"],
      [90, "entirely"], [100, "entirely"],
    ];
    for (const [position, words] of table) expect(judgementWords(position), String(position)).toBe(words);
  });
});

describe("factorsByWeight", () => {
  it("puts the highest weight first, keeps ties in plan order and unweighted factors last", () => {
    const ordered = factorsByWeight([
      factor("a", "A", 3), factor("none1", "N1", null), factor("b", "B", 5), factor("c", "C", 3), factor("none2", "N2", null),
    ]);
    expect(ordered.map((f) => f.id)).toEqual(["b", "a", "c", "none1", "none2"]);
  });
});

describe("generateOutline for a stated-factor question", () => {
  it("writes one paragraph per factor in weight order, with the evidence", () => {
    const outline = generateOutline(howFarPlan(), howFar, HOW_FAR_QUESTION);
    expect(outline.question).toBe(HOW_FAR_QUESTION);
    expect(outline.paragraphs.map((p) => p.factorId)).toEqual(["destal", "agri", "cuba"]);
    expect(outline.paragraphs[0]?.evidence).toEqual([
      "Secret Speech to the 20th Party Congress, February 1956",
      "Anti-Party Group tried to remove him in 1957",
    ]);
  });

  it("builds each paragraph from point, explanation and a link back to the outcome", () => {
    const [destal] = generateOutline(howFarPlan(), howFar, HOW_FAR_QUESTION).paragraphs;
    expect(destal?.point).toBe("De-Stalinisation contributed to Khrushchev's fall from power.");
    expect(destal?.explain).toBe("It alarmed conservatives who feared for their own positions.");
    expect(destal?.counter).toBe("He survived the 1957 challenge, so it cannot alone explain 1964.");
    expect(destal?.link).toBe(
      "De-Stalinisation lost him the trust of hardliners. De-Stalinisation was therefore of major significance to Khrushchev's fall from power.",
    );
  });

  it("leaves bracketed prompts where the plan is incomplete", () => {
    const cuba = generateOutline(howFarPlan(), howFar, HOW_FAR_QUESTION).paragraphs[2];
    expect(cuba?.evidence).toEqual(["[Add precise evidence: a date, a figure or a named example.]"]);
    expect(cuba?.explain).toMatch(/^\[Explain/);
    expect(cuba?.counter).toBeNull();
    expect(cuba?.link).toMatch(/^\[Mini-judgement/);
  });

  it("opens with the line of argument, the factors weighed and the criteria", () => {
    const { introduction } = generateOutline(howFarPlan(), howFar, HOW_FAR_QUESTION);
    expect(introduction).toEqual([
      "De-Stalinisation was the most significant factor, because it turned the Party elite against him.",
      "This essay weighs de-Stalinisation against Agricultural failure and Cuban Missile Crisis.",
      "Significance is judged by scale and depth of impact.",
    ]);
  });

  it("leaves criteria out of the introduction when none are chosen", () => {
    const plan = howFarPlan();
    plan.criteria = [];
    expect(generateOutline(plan, howFar, HOW_FAR_QUESTION).introduction.join(" ")).not.toContain("Significance is judged");
  });

  it("reaches the judgement and says whether the stated factor was the most significant", () => {
    const { conclusion } = generateOutline(howFarPlan(), howFar, HOW_FAR_QUESTION);
    expect(conclusion[0]).toBe("Overall, de-Stalinisation was, to a great extent, the most significant factor in Khrushchev's fall from power.");
    expect(conclusion[1]).toBe("De-Stalinisation was the most significant factor: it outweighed Agricultural failure.");
    expect(conclusion[2]).toBe("De-Stalinisation was the most significant factor, because it turned the Party elite against him.");
  });

  it("says the stated factor was not the most significant when another outweighs it, or only ties", () => {
    const lower = howFarPlan();
    lower.factors[0]!.weight = 5;
    lower.judgement.position = 20;
    const lowerOutline = generateOutline(lower, howFar, HOW_FAR_QUESTION);
    expect(lowerOutline.conclusion[0]).toBe("Overall, de-Stalinisation was the most significant factor in Khrushchev's fall from power only to a limited extent.");
    expect(lowerOutline.conclusion[1]).toBe("De-Stalinisation was not the most significant factor: Agricultural failure mattered more.");

    const tied = howFarPlan();
    tied.factors[0]!.weight = 4;
    expect(generateOutline(tied, howFar, HOW_FAR_QUESTION).conclusion[1]).toBe(
      "De-Stalinisation was not clearly the most significant factor: Agricultural failure mattered as much.",
    );
  });

  it("prompts for the judgement when the plan has none", () => {
    const plan = howFarPlan();
    plan.judgement = { position: null, argument: "" };
    plan.factors[1]!.weight = null;
    const outline = generateOutline(plan, howFar, HOW_FAR_QUESTION);
    expect(outline.introduction[0]).toMatch(/^\[Your line of argument/);
    expect(outline.conclusion).toEqual([
      "[Your judgement: not decided yet. Place your answer on the judgement line.]",
      "[Say whether de-Stalinisation was the most significant factor, and why.]",
    ]);
  });
});

describe("generateOutline for a to-what-extent claim", () => {
  function claimPlan(): Plan {
    return {
      factors: [
        factor("pol-against", "Political: continuity / limits", 4, { kind: "counter", area: "Political", miniJudgement: "The one-party state was untouched" }),
        factor("pol-for", "Political: change", 3, { kind: "claim", area: "Political" }),
        factor("change", "Change: Khrushchev's reforms transformed the USSR", 5, { kind: "claim" }),
      ],
      criteria: [],
      customCriteria: [],
      judgement: { position: 50, argument: "" },
    };
  }

  it("weighs the claim against the counter-case, area by area", () => {
    const outline = generateOutline(claimPlan(), toWhatExtent, TWE_QUESTION);
    expect(outline.paragraphs.map((p) => p.factorId)).toEqual(["change", "pol-against", "pol-for"]);
    expect(outline.introduction[1]).toBe(
      "This essay weighs the case for the claim that Khrushchev's reforms transformed the USSR against the case against, area by area: political.",
    );
    const [change, against, forCase] = outline.paragraphs;
    expect(change?.point).toBe("There is evidence that Khrushchev's reforms transformed the USSR.");
    expect(against?.point).toBe("In political terms, there are limits to the claim that Khrushchev's reforms transformed the USSR.");
    expect(against?.link).toBe("The one-party state was untouched. This is a major challenge to the claim that Khrushchev's reforms transformed the USSR.");
    expect(forCase?.link).toContain("This gives moderate support to the claim that Khrushchev's reforms transformed the USSR.");
  });

  it("concludes with how far the claim holds and which side weighs more", () => {
    const { conclusion } = generateOutline(claimPlan(), toWhatExtent, TWE_QUESTION);
    expect(conclusion).toEqual([
      "Overall, the claim that Khrushchev's reforms transformed the USSR holds to some extent.",
      "The case for the claim outweighs the case against.",
    ]);
    const oneSided = claimPlan();
    oneSided.factors[0]!.weight = null;
    const oneSidedOutline = generateOutline(oneSided, toWhatExtent, TWE_QUESTION);
    expect(oneSidedOutline.conclusion[1]).toBe("[Weigh both sides to say which case is stronger.]");
    expect(oneSidedOutline.paragraphs.at(-1)?.link).toContain("[Weigh it: how strong is this side of the case?]");
    const none = claimPlan();
    none.judgement.position = 5;
    expect(generateOutline(none, toWhatExtent, TWE_QUESTION).conclusion[0]).toBe(
      "Overall, the claim that Khrushchev's reforms transformed the USSR does not hold.",
    );
  });
});

describe("outlineToText", () => {
  it("renders headings and PEEL labels the student can write over", () => {
    const text = outlineToText(generateOutline(howFarPlan(), howFar, HOW_FAR_QUESTION));
    expect(text.startsWith("Introduction\nDe-Stalinisation was the most significant factor")).toBe(true);
    expect(text).toContain(
      [
        "Paragraph 1: de-Stalinisation (weight 4 of 5)",
        "Point: De-Stalinisation contributed to Khrushchev's fall from power.",
        "Evidence:",
        "- Secret Speech to the 20th Party Congress, February 1956",
        "- Anti-Party Group tried to remove him in 1957",
        "Explain: It alarmed conservatives who feared for their own positions.",
        "However: He survived the 1957 challenge, so it cannot alone explain 1964.",
        "Link: De-Stalinisation lost him the trust of hardliners.",
      ].join("\n"),
    );
    expect(text).toContain("\n\nParagraph 2: Agricultural failure (weight 3 of 5)\n");
    expect(text).toMatch(/\n\nConclusion\nOverall, de-Stalinisation was, to a great extent, /);
    expect(text).not.toContain(HOW_FAR_QUESTION);
  });

  it("marks unweighted factors, which come last", () => {
    const plan = howFarPlan();
    plan.factors[0]!.weight = null;
    const text = outlineToText(generateOutline(plan, howFar, HOW_FAR_QUESTION));
    expect(text).toContain("Paragraph 3: Agricultural failure (not yet weighed)");
  });
});

describe("the outline's English", () => {
  const agreeQuestion = "‘Economic failure was the main reason for Khrushchev’s fall from power in 1964.’ How far do you agree?";
  const agree: QuestionAnalysis = {
    stem: "how-far", focus: "stated-factor", statedFactor: "Economic failure", outcome: "Khrushchev’s fall from power",
    claim: "Economic failure was the main reason for Khrushchev’s fall from power", period: null,
  };

  it("makes the verb agree with a plural factor name", () => {
    const plan = howFarPlan();
    plan.factors[0]!.name = "Agricultural failures";
    plan.factors[2]!.name = "Divisions in the Presidium";
    const paragraphs = generateOutline(plan, howFar, HOW_FAR_QUESTION).paragraphs;
    expect(paragraphs[1]?.link).toBe("[Mini-judgement: how far does this answer the question?] Agricultural failures were therefore of moderate significance to Khrushchev's fall from power.");
    expect(paragraphs[2]?.link).toContain("Divisions in the Presidium were therefore of limited significance");
    const noOutcome = generateOutline(plan, { ...howFar, outcome: null }, HOW_FAR_QUESTION).paragraphs;
    expect(noOutcome[1]?.point).toBe("Agricultural failures were a significant factor.");
    expect(noOutcome[0]?.point).toBe("De-Stalinisation was a significant factor.");
  });

  it("says 'they' and 'were' for a plural stated factor", () => {
    const plan = howFarPlan();
    plan.factors[1]!.name = "Economic failures";
    const economic = { ...howFar, statedFactor: "Economic failures" };
    const { conclusion } = generateOutline(plan, economic, "How far were economic failures the most significant factor in Khrushchev's fall from power?");
    expect(conclusion[0]).toBe("Overall, Economic failures were, to a great extent, the most significant factor in Khrushchev's fall from power.");
    expect(conclusion[1]).toBe("Economic failures were the most significant factor: they outweighed Agricultural failure.");
  });

  it("uses 'an' before a vowel sound and 'a' before a consonant sound", () => {
    const plan = howFarPlan();
    plan.factors = [
      factor("a", "Area 1: continuity", 5, { kind: "counter" }),
      factor("b", "Area 2: continuity", 1, { kind: "counter" }),
    ];
    const [strong, weak] = generateOutline(plan, toWhatExtent, TWE_QUESTION).paragraphs;
    expect(strong?.link).toContain("This is a decisive challenge");
    expect(weak?.link).toContain("This is a minor challenge");
  });

  it("never doubles the punctuation the student or the question already gave", () => {
    const plan = howFarPlan();
    const destal = plan.factors[1]!;
    destal.miniJudgement = "De-Stalinisation lost him the trust of hardliners.";
    destal.argumentFor = "It alarmed conservatives, ";
    destal.argumentAgainst = "Did it, though?";
    plan.factors[2]!.name = "Cuban Missile Crisis.";
    plan.factors[2]!.argumentFor = "He backed down...";
    plan.judgement.argument = "De-Stalinisation was the most significant factor!";
    const outline = generateOutline(plan, { ...howFar, outcome: "Khrushchev's fall from power." }, HOW_FAR_QUESTION);
    const text = outlineToText(outline);
    // An ellipsis the student typed is theirs; any other mark followed by a full stop is doubled.
    expect(text.replaceAll("...", "…")).not.toMatch(/[.!?,;:]\s*\./);
    expect(outline.paragraphs[0]?.link).toBe("De-Stalinisation lost him the trust of hardliners. De-Stalinisation was therefore of major significance to Khrushchev's fall from power.");
    expect(outline.paragraphs[0]?.explain).toBe("It alarmed conservatives.");
    expect(outline.paragraphs[0]?.counter).toBe("Did it, though?");
    expect(outline.paragraphs[2]?.explain).toBe("He backed down...");
    expect(outline.paragraphs[2]?.name).toBe("Cuban Missile Crisis");
    expect(outline.introduction[1]).toBe("This essay weighs de-Stalinisation against Agricultural failure and Cuban Missile Crisis.");
    expect(outline.conclusion.at(-1)).toBe("De-Stalinisation was the most significant factor!");
  });

  it("lower-cases a leading article inside a sentence and keeps it capitalised at the start", () => {
    const plan = howFarPlan();
    plan.factors[1]!.name = "The Secret Speech";
    const speech = { ...howFar, statedFactor: "The Secret Speech" };
    const outline = generateOutline(plan, speech, "How far was the Secret Speech the most significant factor in Khrushchev's fall from power?");
    expect(outline.introduction[1]).toBe("This essay weighs the Secret Speech against Agricultural failure and Cuban Missile Crisis.");
    expect(outline.conclusion[0]).toBe("Overall, the Secret Speech was, to a great extent, the most significant factor in Khrushchev's fall from power.");
    expect(outline.conclusion[1]).toBe("The Secret Speech was the most significant factor: it outweighed Agricultural failure.");
    expect(outline.paragraphs[0]?.name).toBe("The Secret Speech");
  });

  it("keeps the student's own criteria as typed and lower-cases the built-in ones", () => {
    const plan = howFarPlan();
    plan.customCriteria = ["Impact on the Party elite"];
    expect(generateOutline(plan, howFar, HOW_FAR_QUESTION).introduction[2]).toBe("Significance is judged by scale, depth of impact and Impact on the Party elite.");
  });

  it("does not write a conclusion that contradicts itself when the weights disagree with the judgement", () => {
    const plan = howFarPlan();
    plan.factors[0]!.weight = 5; // Agricultural failure now outweighs de-Stalinisation (4)
    plan.judgement.position = 80; // but the line says de-Stalinisation largely was the most significant
    const { conclusion } = generateOutline(plan, howFar, HOW_FAR_QUESTION);
    expect(conclusion).toHaveLength(2);
    expect(conclusion[1]).toMatch(/^\[Your judgement line and your weights give different answers/);
    expect(conclusion.join(" ")).not.toContain("was not the most significant factor");
  });

  it("does not restate a line of argument that crowns a factor the weights put lower", () => {
    const plan = howFarPlan();
    plan.judgement = { position: 50, argument: "Agricultural failure was the main reason." };
    const { conclusion } = generateOutline(plan, howFar, HOW_FAR_QUESTION);
    expect(conclusion.at(-1)).toMatch(/^\[Your line of argument names a different most significant factor/);
    expect(conclusion.join(" ")).not.toContain("Agricultural failure was the main reason");
  });

  it("argues a quoted claim as a claim: tests it in the introduction and judges whether it is justified", () => {
    const plan = howFarPlan();
    plan.factors[1]!.name = "Economic failure";
    const outline = generateOutline(plan, agree, agreeQuestion);
    expect(outline.introduction[1]).toBe(
      "To test the claim that Economic failure was the main reason for Khrushchev’s fall from power, this essay weighs Economic failure against Agricultural failure and Cuban Missile Crisis.",
    );
    expect(outline.conclusion[0]).toBe("Overall, the claim that Economic failure was the main reason for Khrushchev’s fall from power is largely justified.");
    expect(outline.conclusion[1]).toBe("Economic failure was the most significant factor: it outweighed Agricultural failure.");
  });

  it("answers a 'how significant' question in its own words", () => {
    const significant: QuestionAnalysis = { ...howFar, stem: "how-significant" };
    const plan = howFarPlan();
    plan.judgement.position = 95;
    expect(generateOutline(plan, significant, "How significant was de-Stalinisation in Khrushchev's fall from power?").conclusion[0]).toBe(
      "Overall, de-Stalinisation was decisive in Khrushchev's fall from power.",
    );
    plan.judgement.position = 20;
    expect(generateOutline(plan, significant, "").conclusion[0]).toBe("Overall, de-Stalinisation was of limited significance in Khrushchev's fall from power.");
  });

  it("treats an unplaced judgement line as not decided yet, whatever the weights say", () => {
    const plan = howFarPlan();
    plan.judgement.position = null;
    const { conclusion } = generateOutline(plan, howFar, HOW_FAR_QUESTION);
    expect(conclusion[0]).toBe("[Your judgement: not decided yet. Place your answer on the judgement line.]");
    expect(conclusion[1]).toBe("De-Stalinisation was the most significant factor: it outweighed Agricultural failure.");
  });
});
