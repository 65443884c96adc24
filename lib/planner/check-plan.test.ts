import { describe, expect, it } from "vitest";
import { checkPlan, factorCalledMostSignificant, findStatedFactor } from "./check-plan";
import type { Factor, Plan } from "./plan-schema";
import type { QuestionAnalysis } from "../questions/analyse-question";
import { howFar, toWhatExtent } from "./example-analyses";

function factor(id: string, name: string, weight: number | null, overrides: Partial<Factor> = {}): Factor {
  return {
    id,
    name,
    kind: "other",
    evidence: [{ id: `${id}-e1`, text: `A precise fact about ${name}`, source: { kind: "own" } }],
    argumentFor: `Why ${name} mattered.`,
    argumentAgainst: `Why ${name} mattered less.`,
    weight,
    miniJudgement: `${name} mattered this much.`,
    ...overrides,
  };
}

function cleanHowFarPlan(): Plan {
  return {
    factors: [
      factor("destal", "de-Stalinisation", 4, { kind: "stated" }),
      factor("agri", "Agricultural failure", 3),
      factor("cuba", "Cuban Missile Crisis", 2),
    ],
    criteria: ["everyday-scale", "everyday-depth"],
    customCriteria: [],
    judgement: {
      position: 75,
      argument: "De-Stalinisation was the most significant factor in Khrushchev's fall, because it turned the Party elite against him.",
    },
  };
}

function cleanClaimPlan(): Plan {
  return {
    factors: [
      factor("change", "Change: Khrushchev's reforms transformed the USSR", 4, { kind: "claim" }),
      factor("limits", "Continuity / limits", 2, { kind: "counter" }),
      factor("pol-for", "Political: change", 3, { kind: "claim", area: "Political" }),
      factor("pol-against", "Political: continuity / limits", 3, { kind: "counter", area: "Political" }),
    ],
    criteria: [],
    customCriteria: ["How far daily life changed"],
    judgement: { position: 70, argument: "Khrushchev's reforms changed the USSR a great deal, above all by ending mass terror." },
  };
}

const codes = (plan: Plan, analysis: QuestionAnalysis) => checkPlan(plan, analysis).map((p) => p.code);

describe("checkPlan", () => {
  it("finds nothing wrong with a complete, consistent plan", () => {
    expect(checkPlan(cleanHowFarPlan(), howFar)).toEqual([]);
    expect(checkPlan(cleanClaimPlan(), toWhatExtent)).toEqual([]);
  });

  it("reports the stated factor missing, naming it", () => {
    const plan = cleanHowFarPlan();
    plan.factors[0] = factor("party", "Party reorganisation", 4);
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["stated-factor-missing"]);
    expect(problems[0]).toMatchObject({ severity: "error", section: "factors" });
    expect(problems[0]?.message).toContain("de-Stalinisation");
  });

  it("recognises the stated factor by name even when it is not marked as stated", () => {
    const plan = cleanHowFarPlan();
    plan.factors[0] = factor("destal", "De-Stalinization", 4);
    expect(findStatedFactor(plan, howFar)?.id).toBe("destal");
    expect(codes(plan, howFar)).toEqual([]);
  });

  it("reports the stated factor unweighed, once and by name", () => {
    const plan = cleanHowFarPlan();
    plan.factors[0]!.weight = null;
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["stated-factor-unweighed"]);
    expect(problems[0]).toMatchObject({ factorId: "destal", severity: "error" });
    expect(problems[0]?.message).toContain("You haven't weighed ‘de-Stalinisation’ yet");
  });

  it("reports fewer than three factors", () => {
    const plan = cleanHowFarPlan();
    plan.factors.pop();
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["too-few-factors"]);
    expect(problems[0]?.message).toMatch(/Your plan has 2 factors\..*at least 3.*de-Stalinisation/);
  });

  it("reports a factor without evidence, counting blank evidence as none", () => {
    const plan = cleanHowFarPlan();
    plan.factors[1]!.evidence = [{ id: "blank", text: "   ", source: { kind: "own" } }];
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["factor-no-evidence"]);
    expect(problems[0]).toMatchObject({ factorId: "agri", severity: "error" });
    expect(problems[0]?.message).toContain("Agricultural failure");
  });

  it("reports a factor with no weight", () => {
    const plan = cleanHowFarPlan();
    plan.factors[2]!.weight = null;
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["factor-unweighed"]);
    expect(problems[0]).toMatchObject({ factorId: "cuba" });
    expect(problems[0]?.message).toContain("You haven't weighed ‘Cuban Missile Crisis’ yet");
  });

  it("warns about a factor with no mini-judgement, pointing at the outcome", () => {
    const plan = cleanHowFarPlan();
    plan.factors[1]!.miniJudgement = "";
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["factor-no-mini-judgement"]);
    expect(problems[0]).toMatchObject({ factorId: "agri", severity: "warning" });
    expect(problems[0]?.message).toContain("Agricultural failure");
    expect(problems[0]?.message).toContain("Khrushchev's fall from power");
  });

  it("reports an unnamed factor by its position", () => {
    const plan = cleanHowFarPlan();
    plan.factors[1]!.name = " ";
    const problems = checkPlan(plan, howFar);
    expect(problems.map((p) => p.code)).toEqual(["factor-unnamed"]);
    expect(problems[0]?.message).toContain("factor 2");
  });

  it("warns when no criteria are chosen, and makes it an error for a how-significant question", () => {
    const plan = cleanHowFarPlan();
    plan.criteria = ["retired-criterion"]; // an id no longer built in does not count
    plan.customCriteria = [" "];
    expect(checkPlan(plan, howFar)).toEqual([expect.objectContaining({ code: "no-criteria", severity: "warning", section: "criteria" })]);
    const howSignificant: QuestionAnalysis = { ...howFar, stem: "how-significant" };
    expect(checkPlan(plan, howSignificant)).toEqual([expect.objectContaining({ code: "no-criteria", severity: "error" })]);
  });

  it("reports a missing judgement, position or argument", () => {
    const none = cleanHowFarPlan();
    none.judgement = { position: null, argument: "" };
    expect(codes(none, howFar)).toEqual(["no-judgement"]);

    const noPosition = cleanHowFarPlan();
    noPosition.judgement.position = null;
    expect(codes(noPosition, howFar)).toEqual(["judgement-no-position"]);

    const noArgument = cleanHowFarPlan();
    noArgument.judgement.argument = "  \n";
    expect(codes(noArgument, howFar)).toEqual(["judgement-no-argument"]);
  });

  describe("judgement against the weights", () => {
    const neutral = "Khrushchev fell because he had alienated the Party elite.";

    it("flags 'largely yes' on the line while another factor outweighs the stated factor", () => {
      const plan = cleanHowFarPlan();
      plan.factors[1]!.weight = 5;
      plan.judgement = { position: 67, argument: neutral };
      const problems = checkPlan(plan, howFar);
      expect(problems.map((p) => p.code)).toEqual(["judgement-contradicts-weights"]);
      expect(problems[0]).toMatchObject({ factorId: "agri", section: "judgement" });
      expect(problems[0]?.message).toContain("‘de-Stalinisation’ was largely the most significant factor");
      expect(problems[0]?.message).toContain("‘Agricultural failure’ higher (5 against 4)");
    });

    it("flags 'largely no' on the line while the stated factor has the strictly highest weight", () => {
      const plan = cleanHowFarPlan();
      plan.judgement = { position: 33, argument: neutral };
      const problems = checkPlan(plan, howFar);
      expect(problems.map((p) => p.code)).toEqual(["judgement-contradicts-weights"]);
      expect(problems[0]?.message).toContain("‘de-Stalinisation’ was not the main factor");
    });

    it("accepts positions that do not contradict the weights", () => {
      const tied = cleanHowFarPlan();
      tied.factors[1]!.weight = 4;
      tied.judgement = { position: 20, argument: neutral };
      expect(codes(tied, howFar)).toEqual([]); // not strictly highest

      const middle = cleanHowFarPlan();
      middle.factors[1]!.weight = 5;
      middle.judgement = { position: 50, argument: neutral };
      expect(codes(middle, howFar)).toEqual([]);

      // "How significant was X?" can be "very" even if another factor was more so.
      const howSignificant: QuestionAnalysis = { ...howFar, stem: "how-significant" };
      const high = cleanHowFarPlan();
      high.factors[1]!.weight = 5;
      high.judgement = { position: 80, argument: neutral };
      expect(codes(high, howSignificant)).toEqual([]);
    });

    it("compares the claim side with the counter side on a to-what-extent question", () => {
      const low = cleanClaimPlan(); // claim side 7, counter side 5
      low.judgement.position = 20;
      const lowProblems = checkPlan(low, toWhatExtent);
      expect(lowProblems.map((p) => p.code)).toEqual(["judgement-contradicts-weights"]);
      expect(lowProblems[0]?.message).toContain("the claim that Khrushchev's reforms transformed the USSR largely does not hold");
      expect(lowProblems[0]?.message).toContain("(7 against 5)");

      const high = cleanClaimPlan();
      high.factors[1]!.weight = 5; // counter side now 8
      const highProblems = checkPlan(high, toWhatExtent);
      expect(highProblems.map((p) => p.code)).toEqual(["judgement-contradicts-weights"]);
      expect(highProblems[0]?.message).toContain("case against add up to more than the case for (8 against 7)");
    });

    it("leaves the claim-side comparison until both sides are weighed", () => {
      const plan = cleanClaimPlan();
      plan.factors[1]!.weight = null;
      plan.factors[3]!.weight = null;
      plan.judgement.position = 10;
      expect(codes(plan, toWhatExtent)).toEqual(["factor-unweighed", "factor-unweighed"]);
    });
  });

  describe("line of argument against the weights", () => {
    it("warns when the argument calls a lower-weighted factor the main reason", () => {
      const plan = cleanHowFarPlan();
      plan.judgement = { position: 50, argument: "Agricultural failure was the main reason Khrushchev fell in 1964." };
      const problems = checkPlan(plan, howFar);
      expect(problems.map((p) => p.code)).toEqual(["argument-contradicts-weights"]);
      expect(problems[0]).toMatchObject({ severity: "warning", factorId: "agri" });
      expect(problems[0]?.message).toContain("calls ‘Agricultural failure’ the most significant");
      expect(problems[0]?.message).toContain("weighted ‘de-Stalinisation’ highest (4 against 3)");
    });

    it("does not warn for negated or hedged claims, or a factor tied for the top weight", () => {
      const plan = cleanHowFarPlan();
      plan.judgement.position = 50;
      for (const argument of [
        "Agricultural failure was not the main reason Khrushchev fell.",
        "Agricultural failure wasn't the most significant factor.",
        "Agricultural failure was only partly the main reason.",
      ]) {
        plan.judgement.argument = argument;
        expect(codes(plan, howFar), argument).toEqual([]);
      }
      plan.factors[1]!.weight = 4;
      plan.judgement.argument = "Agricultural failure was the most important cause.";
      expect(codes(plan, howFar)).toEqual([]);
    });
  });

  it("orders errors before warnings, then by place in the plan", () => {
    const plan = cleanHowFarPlan();
    plan.factors[0] = factor("party", "Party reorganisation", 4);
    plan.factors[1]!.miniJudgement = "";
    plan.factors[2]!.evidence = [];
    plan.criteria = [];
    plan.judgement = { position: null, argument: "" };
    expect(codes(plan, howFar)).toEqual([
      "stated-factor-missing",
      "factor-no-evidence",
      "no-judgement",
      "factor-no-mini-judgement",
      "no-criteria",
    ]);
  });
});

describe("factorCalledMostSignificant", () => {
  const factors = [
    factor("destal", "de-Stalinisation", 4),
    factor("agri", "Agricultural failure", 3),
    factor("virgin", "Virgin Lands scheme", 2),
    factor("virgin-fail", "Failure of the Virgin Lands scheme", 2),
  ];
  const called = (argument: string) => factorCalledMostSignificant(argument, factors)?.id;

  it("takes the factor named nearest the phrase, ignoring case, plurals and -ize spellings", () => {
    expect(called("De-Stalinization was the key factor in his fall.")).toBe("destal");
    expect(called("In 1964 the most important cause was agricultural failures.")).toBe("agri");
    expect(called("De-Stalinisation mattered. Yet agricultural failure was the chief reason.")).toBe("agri");
  });

  it("prefers the longer name when one name holds another", () => {
    expect(called("The failure of the Virgin Lands scheme was the decisive factor.")).toBe("virgin-fail");
  });

  it("returns nothing when no factor is named beside a top phrase", () => {
    expect(called("Khrushchev's style was the main reason.")).toBeUndefined();
    expect(called("De-Stalinisation and agricultural failure both mattered.")).toBeUndefined();
  });
});

describe("checkPlan for a claim to agree with", () => {
  const question = "‘Economic failure was the main reason for Khrushchev’s fall from power in 1964.’ How far do you agree?";
  const agree: QuestionAnalysis = {
    stem: "how-far", focus: "stated-factor", statedFactor: "Economic failure", outcome: "Khrushchev’s fall from power",
    claim: "Economic failure was the main reason for Khrushchev’s fall from power", period: null,
  };
  const claim = "the claim that Economic failure was the main reason for Khrushchev’s fall from power";
  function agreePlan(): Plan {
    const plan = cleanHowFarPlan();
    plan.factors[0] = factor("econ", "Economic failure", 4, { kind: "stated" });
    return plan;
  }

  it("advises in the claim's terms: agree or disagree, test the claim, support or challenge it", () => {
    const missing = agreePlan();
    missing.factors = [factor("agri", "Agricultural failure", 3)];
    const problems = checkPlan(missing, agree, { question });
    expect(problems.find((p) => p.code === "stated-factor-missing")?.message).toBe(
      `You haven't included ‘Economic failure’ in your plan. The question asks how far you agree with ${claim}, so add it as a factor and show what it did before you agree or disagree.`,
    );
    expect(problems.find((p) => p.code === "too-few-factors")?.message).toContain(`so you can test ${claim} against at least two other reasons`);

    const unfinished = agreePlan();
    unfinished.factors[0]!.weight = null;
    unfinished.factors[1]!.miniJudgement = "";
    unfinished.judgement = { position: null, argument: "" };
    const messages = checkPlan(unfinished, agree, { question }).map((p) => p.message);
    expect(messages).toContain("You haven't weighed ‘Economic failure’ yet. The claim rests on it, so give it a weight and say how far the evidence bears the claim out.");
    expect(messages.some((m) => m.includes(`one sentence on whether this supports or challenges ${claim}`))).toBe(true);
    expect(messages.some((m) => m.startsWith(`You haven't decided how far you agree with ${claim} yet.`))).toBe(true);
  });

  it("says 'you largely agree' when the line contradicts the weights", () => {
    const plan = agreePlan();
    plan.factors[1]!.weight = 5;
    plan.judgement.position = 80;
    expect(checkPlan(plan, agree, { question }).find((p) => p.code === "judgement-contradicts-weights")?.message).toBe(
      `Your judgement line says you largely agree with ${claim}, but you've weighted ‘Agricultural failure’ higher (5 against 4). Move your judgement or change the weights so they agree.`,
    );
  });

  it("keeps stated-factor advice for a 'How far was X the most significant factor' question", () => {
    const plan = cleanHowFarPlan();
    plan.factors[0]!.weight = null;
    expect(checkPlan(plan, howFar, { question: "How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?" })[0]?.message).toContain(
      "The question asks about it directly",
    );
  });
});

describe("checkPlan and an unplaced judgement line", () => {
  it("treats an unplaced line as not decided yet and names the ends of the question's own scale", () => {
    const plan = cleanHowFarPlan();
    plan.judgement.position = null;
    const problems = checkPlan(plan, howFar, { question: "How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?" });
    expect(problems.map((p) => p.code)).toEqual(["judgement-no-position"]);
    expect(problems[0]?.message).toBe("You haven't placed your answer on the judgement line yet. Move it, from “not at all far” to “all the way”, so your plan shows how far you agree.");
    // Unplaced is never read as a position that could contradict the weights.
    plan.factors[1]!.weight = 5;
    expect(checkPlan(plan, howFar).map((p) => p.code)).not.toContain("judgement-contradicts-weights");
  });

  it("keeps the call without options working, with no mark-scheme words", () => {
    const plan = cleanHowFarPlan();
    plan.judgement.position = null;
    const [problem] = checkPlan(plan, howFar);
    expect(problem?.serves).toBeUndefined();
    expect(problem?.message).toBe(problem?.advice);
  });
});
