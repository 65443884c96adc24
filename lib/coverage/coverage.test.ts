import { describe, expect, it } from "vitest";
import { computeCoverage, type Coverage } from "./coverage";
import { AGRI, CLAIM_QUESTION, CUBA_NAMING_DESTAL, DESTAL, STATED_QUESTION, claimAnalysis, claimPlan, statedAnalysis, statedPlan } from "./fixtures";
import type { Plan } from "../planner/plan-schema";
import type { ParagraphLinks } from "./links";

// Hand-written paragraphs against the two plans in fixtures.ts: what a student writes, and
// what the panel must say about it. Near-misses sit beside the hits they resemble.

const INTRO =
  "Khrushchev fell from power in October 1964 for several reasons. This essay argues that agricultural failure was the main reason for his fall, and that de-Stalinisation only weakened him.";
const CONCLUSION_AGREES = "In conclusion, de-Stalinisation was only to a limited extent responsible for his fall; the main reason was agricultural failure.";

function cover(paragraphs: string[], opts: { plan?: Plan; links?: ParagraphLinks; final?: boolean; claim?: boolean } = {}): Coverage {
  return computeCoverage({
    text: paragraphs.join("\n\n"),
    plan: opts.plan ?? (opts.claim ? claimPlan() : statedPlan()),
    analysis: opts.claim ? claimAnalysis() : statedAnalysis(),
    question: opts.claim ? CLAIM_QUESTION : STATED_QUESTION,
    links: opts.links,
    final: opts.final,
  });
}
const status = (c: Coverage, id: string) => c.factors.find((f) => f.factorId === id)!.status;
const evidence = (c: Coverage, id: string) => c.evidence.find((e) => e.evidenceId === id)!;

describe("which factor a paragraph argues (stated-factor question)", () => {
  it("1. a paragraph that names a factor and uses its evidence argues it, and says what it matched on", () => {
    const c = cover([INTRO, AGRI]);
    expect(c.paragraphs[1]).toMatchObject({ role: "body", factorId: "agri", linkedByHand: false });
    expect(c.paragraphs[1]!.matchedOn[0]).toMatch(/^Virgin Lands/);
    const agri = c.factors.find((f) => f.factorId === "agri")!;
    expect(agri.status).toBe("covered");
    expect(agri.reason).toMatch(/^Paragraph 2 argues it: matched on ‘.*Virgin Lands/);
  });

  it("2. a paraphrase of the evidence, with the factor never named, still argues it", () => {
    const c = cover([INTRO, "Khrushchev had vast new lands in Kazakhstan ploughed up, yet by 1963 the crop had failed, the soil was blowing away and wheat had to be bought from Canada. Promises to overtake America in meat and milk production looked foolish to the Presidium."]);
    expect(c.paragraphs[1]!.factorId).toBe("agri");
    expect(evidence(c, "e-1963")).toMatchObject({ used: true, paragraph: 1 });
  });

  it("3. a factor named only in passing inside a paragraph about another is 'mentioned', not covered", () => {
    const c = cover([INTRO, CUBA_NAMING_DESTAL]);
    expect(c.paragraphs[1]!.factorId).toBe("cuba");
    expect(c.paragraphs[1]!.mentions).toContain("destal");
    expect(status(c, "cuba")).toBe("covered");
    expect(status(c, "destal")).toBe("mentioned");
    expect(c.factors.find((f) => f.factorId === "destal")!.reason).toBe("Mentioned in paragraph 1, paragraph 2, but no paragraph argues it yet.");
  });

  it("4. an introduction that names every factor covers none of them", () => {
    const c = cover(["Khrushchev fell because of de-Stalinisation, agricultural failure and the Cuban Missile Crisis, which together cost him the Presidium's support in 1964 when his colleagues voted him out."]);
    expect(c.paragraphs[0]!.role).toBe("introduction");
    expect(c.factors.map((f) => f.status)).toEqual(["mentioned", "mentioned", "mentioned"]);
  });

  it("5. a body paragraph still too short to argue anything only mentions its factor", () => {
    const c = cover([INTRO, "The Cuban Missile Crisis also mattered a great deal."]);
    expect(c.paragraphs[1]!.factorId).toBeNull();
    expect(status(c, "cuba")).toBe("mentioned");
  });

  it("6. American spelling and a misspelt name still match the factor", () => {
    const c = cover([INTRO, "Destalinization under Kruschev angered the hardliners. After the Secret Speech of 1956 Molotov and his allies in the Anti-Party Group tried to remove him in 1957, because they feared that criticism of Stalin would undermine the party itself."]);
    expect(c.paragraphs[1]!.factorId).toBe("destal");
  });

  it("7. a factor nobody writes about is 'not yet' (missing)", () => {
    const c = cover([INTRO, AGRI]);
    expect(c.factors.find((f) => f.factorId === "cuba")!).toMatchObject({ status: "missing", reason: "Not in the essay yet.", mentionedIn: [] });
  });

  it("8. with two factors argued, each paragraph goes to its own factor", () => {
    const c = cover([INTRO, AGRI, CUBA_NAMING_DESTAL, DESTAL]);
    expect(c.paragraphs.map((p) => p.factorId)).toEqual([null, "agri", "cuba", "destal"]);
    expect(c.factors.map((f) => f.status)).toEqual(["covered", "covered", "covered"]);
  });
});

describe("evidence", () => {
  it("9. synonyms the student typed ('crop', 'wheat') meet the planned 'harvest', 'grain'", () => {
    const c = cover([INTRO, "In 1963 the crop failed and wheat was imported from Canada, which shamed the regime and ended his boasts about catching up with America in meat and milk."]);
    expect(evidence(c, "e-1963")).toMatchObject({ used: true, paragraph: 1 });
    expect(evidence(c, "e-1963").matchedOn.join(" ")).toMatch(/crop/);
  });

  it("10. unused evidence stays unused, and a key piece says it is key", () => {
    const c = cover([INTRO, AGRI]);
    expect(evidence(c, "e-turkey")).toMatchObject({ used: false, key: true, paragraph: null });
    expect(evidence(c, "e-virgin")).toMatchObject({ used: true, key: true });
    expect(evidence(c, "e-maize")).toMatchObject({ used: false, key: false });
  });

  it("11. one shared word is not enough to count a piece of evidence as used", () => {
    const c = cover([INTRO, "Turkey mattered to the Americans, and the crisis of the autumn showed how close the superpowers came to war over the island, which worried the generals in Moscow and their allies."]);
    expect(evidence(c, "e-turkey").used).toBe(false);
  });

  it("12. evidence in an inserted outline's scaffold is not evidence used in the essay", () => {
    const outline = "Paragraph 1: Agricultural failure (weight 5 of 5)\nPoint: Agricultural failure contributed to Khrushchev's fall from power.\nEvidence:\n- Virgin Lands scheme ploughed up 36 million hectares in Kazakhstan\nExplain: …\nLink: Agricultural failure was the most significant factor.";
    const c = cover([INTRO, outline]);
    expect(c.paragraphs[1]!.role).toBe("outline");
    expect(evidence(c, "e-virgin").used).toBe(false);
    expect(status(c, "agri")).toBe("mentioned"); // named in the introduction
  });
});

describe("links set by hand", () => {
  it("13. a link overrides the match and says so", () => {
    const key = cover([INTRO, AGRI]).paragraphs[1]!.key;
    const c = cover([INTRO, AGRI], { links: { [key]: "cuba" } });
    expect(c.paragraphs[1]).toMatchObject({ factorId: "cuba", linkedByHand: true });
    expect(c.factors.find((f) => f.factorId === "cuba")!.reason).toMatch(/^You linked paragraph 2 to it/);
    expect(status(c, "agri")).toBe("mentioned");
  });

  it("14. 'about no planned factor' unlinks a paragraph; a link to a deleted factor is ignored", () => {
    const key = cover([INTRO, AGRI]).paragraphs[1]!.key;
    expect(cover([INTRO, AGRI], { links: { [key]: "role:none" } }).paragraphs[1]!.factorId).toBeNull();
    expect(cover([INTRO, AGRI], { links: { [key]: "gone-factor" } }).paragraphs[1]).toMatchObject({ factorId: "agri", linkedByHand: false });
  });

  it("15. a link follows its paragraph when other paragraphs are added, moved or edited", () => {
    const before = cover([INTRO, AGRI, CUBA_NAMING_DESTAL]);
    const links = { [before.paragraphs[2]!.key]: "destal" };
    const after = cover([INTRO + " It was a palace coup.", CUBA_NAMING_DESTAL, DESTAL, AGRI + " Drought made it worse."], { links });
    expect(after.paragraphs[1]).toMatchObject({ factorId: "destal", linkedByHand: true });
    // Rewriting the paragraph's own opening words lets go of the link.
    expect(cover([INTRO, "In 1962 " + CUBA_NAMING_DESTAL], { links }).paragraphs[1]!.linkedByHand).toBe(false);
  });

  it("16. a paragraph can be marked as the conclusion by hand", () => {
    const key = cover([INTRO, AGRI, DESTAL]).paragraphs[2]!.key;
    const c = cover([INTRO, AGRI, DESTAL], { links: { [key]: "role:conclusion" } });
    expect(c.paragraphs[2]!.role).toBe("conclusion");
    expect(c.conclusion.paragraph).toBe(2);
  });
});

describe("the line of argument in the introduction and conclusion", () => {
  it("17. an introduction that states the judgement and echoes the planned argument is found", () => {
    const c = cover([INTRO, AGRI]);
    expect(c.introduction).toMatchObject({ found: true, paragraph: 0 });
    expect(c.introduction.reason).toMatch(/echoes your line of argument \(.*agricultural failure/i);
  });

  it("18. an introduction that only sets the scene is not", () => {
    const c = cover(["Nikita Khrushchev led the Soviet Union from 1953 until October 1964, when his colleagues in the Presidium removed him.", AGRI]);
    expect(c.introduction.found).toBe(false);
    expect(c.introduction.reason).toMatch(/does not state your line of argument/);
  });

  it("19. the last paragraph is the conclusion when it says so, or when the essay is handed in", () => {
    expect(cover([INTRO, AGRI, CONCLUSION_AGREES]).paragraphs[2]!.role).toBe("conclusion");
    const unmarked = "So agriculture mattered most, and de-Stalinisation only weakened him to a limited extent.";
    expect(cover([INTRO, AGRI, unmarked]).conclusion.paragraph).toBeNull();
    expect(cover([INTRO, AGRI, unmarked], { final: true }).conclusion.paragraph).toBe(2);
  });
});

describe("the conclusion's judgement against the plan's", () => {
  it("20. planned 'limited extent', concluded 'limited' with a rival as the main reason: agrees", () => {
    const c = cover([INTRO, AGRI, CONCLUSION_AGREES]);
    expect(c.judgement).toMatchObject({ status: "agrees", planned: "low", concluded: "low" });
    expect(c.conclusion.found).toBe(true);
  });

  it("21. planned 'limited extent', but the conclusion calls the stated factor the main reason: flagged", () => {
    const c = cover([INTRO, AGRI, "In conclusion, de-Stalinisation was the main reason for Khrushchev's fall."]);
    expect(c.judgement).toMatchObject({ status: "mismatch", planned: "low", concluded: "high" });
    expect(c.judgement.message).toMatch(/^Your conclusion says ‘the main reason’, but your planned judgement is to a limited extent/);
  });

  it("22. a hedging conclusion ('to some extent') is close to the plan, never a contradiction", () => {
    const c = cover([INTRO, AGRI, "Overall, de-Stalinisation was to some extent responsible for his fall, as it divided the party."]);
    expect(c.judgement.status).toBe("close");
  });

  it("23. a view the essay attributes to others, or concedes, is not its judgement", () => {
    const attributed = "In conclusion, it could be argued that de-Stalinisation was the main reason. Although de-Stalinisation was the key factor for the hardliners, agricultural failure was the main reason for his fall.";
    expect(cover([INTRO, AGRI, attributed]).judgement).toMatchObject({ status: "agrees", concluded: "low" });
  });

  it("24. a conclusion that says both ends is 'mixed'; one that says neither is 'unclear'", () => {
    expect(cover([INTRO, AGRI, "In conclusion, de-Stalinisation was the main reason for his fall. Agricultural failure was the most important factor."]).judgement.status).toBe("mixed");
    expect(cover([INTRO, AGRI, "In conclusion, many things happened in 1964 and he retired to his dacha."]).judgement.status).toBe("unclear");
  });

  it("25. a plan with no position asks for one; no conclusion yet says so", () => {
    const plan = statedPlan();
    plan.judgement.position = null;
    expect(cover([INTRO, AGRI, CONCLUSION_AGREES], { plan }).judgement.status).toBe("no-plan");
    expect(cover([INTRO, AGRI]).judgement.status).toBe("no-conclusion");
  });
});

describe("a claim question (case for and against, area by area)", () => {
  const INTRO_CLAIM = "Khrushchev's reforms changed how the USSR was ruled, but this essay argues they transformed it only to a limited extent, because the one-party state and central planning survived.";
  const POL_CHANGE =
    "Politically, the end of mass terror was a real change. Millions of Gulag prisoners were released by 1956, and rivals such as Malenkov were demoted rather than shot, so the way the party ruled was different from Stalin's time.";
  const ECO_LIMITS =
    "In the economy, continuity outweighed change. Gosplan still set output targets and heavy industry kept its priority in the Seven-Year Plan of 1959, so central planning was never abandoned. The sovnarkhozy were quietly scrapped after his fall.";

  it("26. each paragraph goes to its side of the case in its area; the other side named in passing is only mentioned", () => {
    const c = cover([INTRO_CLAIM, POL_CHANGE, ECO_LIMITS], { claim: true });
    expect(c.paragraphs.map((p) => p.factorId)).toEqual([null, "pol-c", "eco-l"]);
    expect(c.factors.map((f) => [f.factorId, f.status])).toEqual([["pol-c", "covered"], ["pol-l", "missing"], ["eco-c", "mentioned"], ["eco-l", "covered"]]);
    expect(c.introduction.found).toBe(true);
  });

  it("27. a conclusion 'to a great extent' against a plan that weighed the case against higher is flagged", () => {
    const plan = claimPlan();
    plan.judgement.position = 20;
    const c = cover([INTRO_CLAIM, POL_CHANGE, ECO_LIMITS, "In conclusion, Khrushchev's reforms transformed the USSR to a great extent."], { claim: true, plan });
    expect(c.judgement).toMatchObject({ status: "mismatch", planned: "low", concluded: "high" });
  });

  it("28. a conclusion that hedges between the sides agrees with a middling plan", () => {
    const c = cover([INTRO_CLAIM, POL_CHANGE, ECO_LIMITS, "Overall, the reforms transformed the USSR only partly: to some extent politics changed, but the economy did not."], { claim: true });
    expect(c.judgement.status).toBe("close");
  });
});

describe("paragraphs", () => {
  it("29. an essay typed with one Enter between paragraphs is split by line", () => {
    const c = computeCoverage({ text: [INTRO, AGRI, CUBA_NAMING_DESTAL].join("\n"), plan: statedPlan(), analysis: statedAnalysis(), question: STATED_QUESTION });
    expect(c.paragraphs.map((p) => p.factorId)).toEqual([null, "agri", "cuba"]);
    expect(c.paragraphs[1]!.start).toBe(INTRO.length + 1);
  });
});

describe("the hand-in confirmation's list", () => {
  it("31. lists factors not argued, unused key evidence, 'Fix:' items and a judgement mismatch; nothing when the essay carries out the plan", async () => {
    const { submitWarnings, hasWarnings } = await import("./submit-checks");
    const { checkPlan } = await import("../planner/check-plan");
    const plan = statedPlan();
    const mismatched = cover([INTRO, AGRI, "In conclusion, de-Stalinisation was the main reason for Khrushchev's fall."], { plan });
    const w = submitWarnings(mismatched, checkPlan(plan, statedAnalysis()));
    expect(w.uncovered.map((f) => [f.factorId, f.status])).toEqual([["destal", "mentioned"], ["cuba", "missing"]]);
    expect(w.unusedKey.map((e) => e.evidenceId)).toEqual(["e-turkey"]);
    expect(w.judgement?.status).toBe("mismatch");
    expect(hasWarnings(w)).toBe(true);
    const done = cover([INTRO, AGRI, CUBA_NAMING_DESTAL, DESTAL, CONCLUSION_AGREES], { plan });
    const clean = submitWarnings(done, checkPlan(plan, statedAnalysis()).filter((p) => p.severity !== "error"));
    expect(clean).toEqual({ uncovered: [], unusedKey: [], fixes: [], judgement: null });
    expect(hasWarnings(clean)).toBe(false);
  });
});
