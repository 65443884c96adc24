import { describe, expect, it } from "vitest";
import { mergePlans, same, type ClashChoices, type PlanClash } from "./merge-plan";
import { PLAN_LIMITS } from "./plan-limits";
import { PlanSchema, type Evidence, type Factor, type Plan } from "./plan-schema";

function evidence(id: string, text = `Evidence ${id}`): Evidence {
  return { id, text, source: { kind: "own" } };
}

function factor(id: string, overrides: Partial<Factor> = {}): Factor {
  return {
    id,
    name: `Factor ${id}`,
    kind: "other",
    evidence: [],
    argumentFor: "",
    argumentAgainst: "",
    weight: null,
    miniJudgement: "",
    ...overrides,
  };
}

function basePlan(): Plan {
  return {
    factors: [
      factor("destal", { name: "De-Stalinisation", kind: "stated", weight: 4, evidence: [evidence("e1", "Secret Speech, 1956")] }),
      factor("agri", { name: "Economic failures", evidence: [evidence("e2", "Virgin Lands harvests fell after 1958")] }),
      factor("cuba", { name: "Cuban Missile Crisis" }),
    ],
    criteria: ["everyday-scale"],
    customCriteria: ["How the Presidium saw it"],
    judgement: { position: 50, argument: "" },
  };
}

/** A copy of the base plan changed by `edit`, as a tab would hold it. */
function edited(edit: (plan: Plan) => void, from = basePlan()): Plan {
  const plan = structuredClone(from);
  edit(plan);
  return plan;
}

const get = (plan: Plan, id: string) => plan.factors.find((f) => f.id === id)!;
const ids = (plan: Plan) => plan.factors.map((f) => f.id);

function merge(base: Plan, mine: Plan, theirs: Plan, choices?: ClashChoices) {
  const result = mergePlans(base, mine, theirs, choices);
  // Whatever the inputs and choices, the merged plan is one the server will accept.
  expect(PlanSchema.safeParse(result.plan).error?.issues ?? []).toEqual([]);
  return result;
}

describe("mergePlans: no clash", () => {
  it("returns the base when neither side changed anything, and either side's plan when only it changed", () => {
    const base = basePlan();
    expect(merge(base, basePlan(), basePlan())).toEqual({ plan: base, clashes: [] });
    const mine = edited((p) => (get(p, "agri").miniJudgement = "The decisive failure."));
    expect(merge(base, mine, basePlan())).toEqual({ plan: mine, clashes: [] });
    expect(merge(base, basePlan(), mine)).toEqual({ plan: mine, clashes: [] });
  });

  it("keeps edits to different fields of one factor from both tabs", () => {
    const mine = edited((p) => (get(p, "agri").miniJudgement = "The decisive failure."));
    const theirs = edited((p) => {
      get(p, "agri").weight = 5;
      get(p, "agri").argumentFor = "Food prices rose in 1962.";
    });
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual([]);
    expect(get(plan, "agri")).toMatchObject({ miniJudgement: "The decisive failure.", weight: 5, argumentFor: "Food prices rose in 1962." });
  });

  it("keeps edits to different factors and to the judgement from both tabs", () => {
    const mine = edited((p) => {
      get(p, "destal").argumentAgainst = "He survived 1957.";
      p.judgement.argument = "Agriculture mattered most.";
    });
    const theirs = edited((p) => {
      get(p, "cuba").name = "Cuba, 1962";
      p.judgement.position = 30;
    });
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual([]);
    expect(get(plan, "destal").argumentAgainst).toBe("He survived 1957.");
    expect(get(plan, "cuba").name).toBe("Cuba, 1962");
    expect(plan.judgement).toEqual({ position: 30, argument: "Agriculture mattered most." });
  });

  it("is no clash when both tabs made the same change", () => {
    const change = (p: Plan) => (get(p, "agri").weight = 3);
    expect(merge(basePlan(), edited(change), edited(change))).toEqual({ plan: edited(change), clashes: [] });
  });

  it("keeps factors added in either tab: theirs in place, mine after", () => {
    const mine = edited((p) => p.factors.push(factor("mine-new", { name: "Personal style" })));
    const theirs = edited((p) => p.factors.push(factor("their-new", { name: "The army" })));
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual([]);
    expect(ids(plan)).toEqual(["destal", "agri", "cuba", "their-new", "mine-new"]);
  });

  it("removes a factor deleted in one tab and untouched in the other, whichever tab deleted it", () => {
    const without = edited((p) => (p.factors = p.factors.filter((f) => f.id !== "cuba")));
    const touchedElsewhere = edited((p) => (get(p, "destal").weight = 5));
    expect(ids(merge(basePlan(), without, touchedElsewhere).plan)).toEqual(["destal", "agri"]);
    expect(ids(merge(basePlan(), touchedElsewhere, without).plan)).toEqual(["destal", "agri"]);
    expect(ids(merge(basePlan(), without, without).plan)).toEqual(["destal", "agri"]);
  });

  it("merges evidence lists by item: additions from both kept, a removal kept", () => {
    const mine = edited((p) => get(p, "agri").evidence.push(evidence("m1", "Meat and butter prices up 25–30% in 1962")));
    const theirs = edited((p) => {
      const agri = get(p, "agri");
      agri.evidence = [...agri.evidence.filter((e) => e.id !== "e2"), evidence("t1", "Novocherkassk, June 1962")];
    });
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual([]);
    expect(get(plan, "agri").evidence.map((e) => e.id)).toEqual(["t1", "m1"]);
  });

  it("takes the order of the tab that reordered the factors, or theirs if both did", () => {
    const reorder = (order: string[]) => (p: Plan) => (p.factors = order.map((id) => get(p, id)));
    const mine = edited((p) => {
      reorder(["cuba", "destal", "agri"])(p);
      get(p, "agri").miniJudgement = "Mine";
    });
    const theirs = edited((p) => {
      p.factors.push(factor("army", { name: "The army" }));
      get(p, "destal").weight = 2;
    });
    const onlyMine = merge(basePlan(), mine, theirs).plan;
    expect(ids(onlyMine)).toEqual(["cuba", "destal", "agri", "army"]);
    expect(get(onlyMine, "agri").miniJudgement).toBe("Mine");
    expect(get(onlyMine, "destal").weight).toBe(2);

    const theirsReordered = edited(reorder(["agri", "cuba", "destal"]));
    expect(ids(merge(basePlan(), mine, theirsReordered).plan)).toEqual(["agri", "cuba", "destal"]);
    const mineWithNew = edited((p) => p.factors.push(factor("new")), mine);
    expect(ids(merge(basePlan(), mineWithNew, theirsReordered).plan)).toEqual(["agri", "cuba", "destal", "new"]);
  });

  it("merges chosen and custom criteria as sets", () => {
    const mine = edited((p) => {
      p.criteria = ["everyday-scale", "name-novelty"];
      p.customCriteria = [];
    });
    const theirs = edited((p) => {
      p.criteria = ["partington-profundity"];
      p.customCriteria = ["How the Presidium saw it", "Effect on the West"];
    });
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual([]);
    expect(plan.criteria).toEqual(["partington-profundity", "name-novelty"]);
    expect(plan.customCriteria).toEqual(["Effect on the West"]);
  });

  it("sets and clears the optional area like any other field", () => {
    const base = edited((p) => (get(p, "cuba").area = "Foreign policy"));
    const mine = edited((p) => delete get(p, "cuba").area, base);
    const theirs = edited((p) => (get(p, "agri").area = "Economic"), base);
    const { plan, clashes } = merge(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(get(plan, "cuba")).not.toHaveProperty("area");
    expect(get(plan, "agri").area).toBe("Economic");
  });
});

describe("mergePlans: clashes", () => {
  const mine = edited((p) => (get(p, "agri").miniJudgement = "The decisive failure."));
  const theirs = edited((p) => (get(p, "agri").miniJudgement = "Important, but not decisive."));

  it("reports a field both tabs changed differently with both readable values, and takes theirs by default", () => {
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual<PlanClash[]>([
      { key: "factor:agri:miniJudgement", label: "“Economic failures”: mini-judgement", mine: "The decisive failure.", theirs: "Important, but not decisive." },
    ]);
    expect(get(plan, "agri").miniJudgement).toBe("Important, but not decisive.");
  });

  it("takes the student's choice for each clash, still listing every clash", () => {
    const both = edited((p) => (p.judgement.position = 80), mine);
    const other = edited((p) => (p.judgement.position = 20), theirs);
    const { plan, clashes } = merge(basePlan(), both, other, { "factor:agri:miniJudgement": "mine", "judgement:position": "theirs" });
    expect(clashes.map((c) => c.key)).toEqual(["factor:agri:miniJudgement", "judgement:position"]);
    expect(clashes[1]).toMatchObject({ label: "Your judgement: position on the line", mine: "80 of 100", theirs: "20 of 100" });
    expect(get(plan, "agri").miniJudgement).toBe("The decisive failure.");
    expect(plan.judgement.position).toBe(20);
  });

  it("shows weights, kinds, empty text and the line of argument in words", () => {
    const a = edited((p) => {
      get(p, "agri").weight = 5;
      get(p, "destal").weight = null;
      get(p, "agri").kind = "counter";
      get(p, "agri").argumentFor = "Mine";
      p.judgement.argument = "Largely yes.";
      p.judgement.position = null;
    });
    const b = edited((p) => {
      get(p, "agri").weight = 2;
      get(p, "destal").weight = 1;
      get(p, "agri").kind = "claim";
      get(p, "agri").argumentFor = "   ";
      p.judgement.argument = "Largely no.";
      p.judgement.position = 10;
    });
    const shown = Object.fromEntries(merge(basePlan(), a, b).clashes.map((c) => [c.label, [c.mine, c.theirs]]));
    expect(shown).toEqual({
      "“De-Stalinisation”: weight": ["(no weight)", "1 of 5"],
      "“Economic failures”: weight": ["5 of 5", "2 of 5"],
      "“Economic failures”: kind": ["the case against the claim", "the case for the claim"],
      "“Economic failures”: argument for": ["Mine", "(empty)"],
      "Your judgement: line of argument": ["Largely yes.", "Largely no."],
      "Your judgement: position on the line": ["(not placed on the line)", "10 of 100"],
    });
  });

  it("names a renamed factor by this tab's name in its clashes", () => {
    const a = edited((p) => Object.assign(get(p, "agri"), { name: "Agriculture", weight: 1 }));
    const b = edited((p) => (get(p, "agri").weight = 2));
    expect(merge(basePlan(), a, b).clashes[0]!.label).toBe("“Agriculture”: weight");
  });

  it("asks when a factor was deleted in one tab and changed in the other, either way round", () => {
    const deleted = edited((p) => (p.factors = p.factors.filter((f) => f.id !== "agri")));
    const changed = edited((p) => {
      get(p, "agri").miniJudgement = "Decisive.";
      get(p, "agri").evidence.push(evidence("new"));
    });
    const theirsChanged = merge(basePlan(), deleted, changed);
    expect(theirsChanged.clashes).toEqual([
      { key: "factor:agri", label: "“Economic failures”", mine: "(deleted)", theirs: "Kept, with changes to its mini-judgement and evidence" },
    ]);
    expect(get(theirsChanged.plan, "agri")).toEqual(get(changed, "agri"));
    expect(ids(merge(basePlan(), deleted, changed, { "factor:agri": "mine" }).plan)).toEqual(["destal", "cuba"]);

    const mineChanged = merge(basePlan(), changed, deleted);
    expect(mineChanged.clashes[0]).toMatchObject({ key: "factor:agri", mine: "Kept, with changes to its mini-judgement and evidence", theirs: "(deleted)" });
    expect(ids(mineChanged.plan)).toEqual(["destal", "cuba"]);
    const kept = merge(basePlan(), changed, deleted, { "factor:agri": "mine" }).plan;
    expect(ids(kept)).toEqual(["destal", "cuba", "agri"]);
    expect(get(kept, "agri")).toEqual(get(changed, "agri"));
  });

  it("asks when evidence was removed in one tab and edited in the other, and when both edited its text", () => {
    const removed = edited((p) => (get(p, "agri").evidence = []));
    const rewritten = edited((p) => (get(p, "agri").evidence[0]!.text = "Harvests fell from 1959"));
    const gone = merge(basePlan(), removed, rewritten);
    expect(gone.clashes).toEqual([
      { key: "factor:agri:evidence:e2", label: "“Economic failures”: evidence “Harvests fell from 1959”", mine: "(deleted)", theirs: "Harvests fell from 1959" },
    ]);
    expect(get(gone.plan, "agri").evidence).toEqual(get(rewritten, "agri").evidence);
    expect(get(merge(basePlan(), removed, rewritten, { "factor:agri:evidence:e2": "mine" }).plan, "agri").evidence).toEqual([]);

    const other = edited((p) => (get(p, "agri").evidence[0]!.text = "Harvests fell in 1963"));
    expect(merge(basePlan(), rewritten, other).clashes).toEqual([
      {
        key: "factor:agri:evidence:e2:text",
        label: "“Economic failures”: evidence “Harvests fell from 1959”: text",
        mine: "Harvests fell from 1959",
        theirs: "Harvests fell in 1963",
      },
    ]);
  });

  it("compares factors both tabs added with the same id field by field", () => {
    const a = edited((p) => p.factors.push(factor("same", { name: "The army", weight: 2 })));
    const b = edited((p) => p.factors.push(factor("same", { name: "The army", weight: 3 })));
    const { plan, clashes } = merge(basePlan(), a, b);
    expect(clashes.map((c) => c.key)).toEqual(["factor:same:weight"]);
    expect(get(plan, "same")).toMatchObject({ name: "The army", weight: 3 });
  });
});

describe("mergePlans: limits", () => {
  const tenFactors = edited((p) => {
    p.factors = Array.from({ length: 10 }, (_, i) => factor(`f${i}`));
  });

  it("asks which tab's factors to keep rather than go past the plan's limit", () => {
    const mine = edited((p) => p.factors.push(factor("m1", { name: "Mine 1" }), factor("m2", { name: "Mine 2" })), tenFactors);
    const theirs = edited((p) => {
      p.factors.push(factor("t1", { name: "Theirs 1" }), factor("t2", { name: "Theirs 2" }));
      p.factors[0]!.weight = 5;
    }, tenFactors);
    const { plan, clashes } = merge(tenFactors, mine, theirs);
    expect(clashes).toEqual([
      {
        key: "factors",
        label: "Factors: together the two tabs have 14, more than the 12 a plan can hold",
        mine: expect.stringMatching(/^12 factors: Factor f0; .*; Mine 1; Mine 2$/),
        theirs: expect.stringMatching(/^12 factors: .*; Theirs 1; Theirs 2$/),
      },
    ]);
    expect(ids(plan)).toEqual(ids(theirs));
    const mineKept = merge(tenFactors, mine, theirs, { factors: "mine" }).plan;
    expect(ids(mineKept)).toEqual(ids(mine));
    // Within the kept factors, the other tab's field edits still survive.
    expect(mineKept.factors[0]!.weight).toBe(5);
  });

  it("asks which tab's evidence to keep rather than go past a factor's limit", () => {
    const full = edited((p) => (get(p, "agri").evidence = Array.from({ length: 19 }, (_, i) => evidence(`b${i}`))));
    const mine = edited((p) => get(p, "agri").evidence.push(evidence("m")), full);
    const theirs = edited((p) => get(p, "agri").evidence.push(evidence("t")), full);
    const { plan, clashes } = merge(full, mine, theirs);
    expect(clashes).toEqual([
      expect.objectContaining({ key: "factor:agri:evidence", label: expect.stringMatching(/^“Economic failures”: evidence \(together the two tabs have 21 pieces/) }),
    ]);
    expect(clashes[0]!.mine).toMatch(/^20 pieces: “Evidence b0”; .*“Evidence m”$/);
    expect(get(plan, "agri").evidence).toEqual(get(theirs, "agri").evidence);
    expect(get(merge(full, mine, theirs, { "factor:agri:evidence": "mine" }).plan, "agri").evidence).toEqual(get(mine, "agri").evidence);
  });

  it("asks which tab's own criteria to keep rather than go past the limit", () => {
    const mine = edited((p) => p.customCriteria.push("a", "b", "c"));
    const theirs = edited((p) => p.customCriteria.push("x", "y", "z"));
    const { plan, clashes } = merge(basePlan(), mine, theirs);
    expect(clashes).toEqual([
      {
        key: "customCriteria",
        label: `Your own criteria: together the two tabs have 7, more than the ${PLAN_LIMITS.customCriteria} a plan can hold`,
        mine: "How the Presidium saw it; a; b; c",
        theirs: "How the Presidium saw it; x; y; z",
      },
    ]);
    expect(plan.customCriteria).toEqual(theirs.customCriteria);
  });

  it("keeps ids unique when evidence moved to another factor in one tab was edited in the other", () => {
    const moved = edited((p) => {
      const item = get(p, "agri").evidence.pop()!;
      get(p, "cuba").evidence.push(item);
    });
    const rewritten = edited((p) => (get(p, "agri").evidence[0]!.text = "Harvests fell from 1959"));
    for (const choice of ["mine", "theirs"] as const) {
      const { plan } = merge(basePlan(), moved, rewritten, { "factor:agri:evidence:e2": choice });
      expect(plan.factors.flatMap((f) => f.evidence).filter((e) => e.id === "e2")).toHaveLength(1);
    }
  });
});

describe("mergePlans: any two tabs", () => {
  // A small deterministic generator of edits, so the test is repeatable.
  function random(seed: number) {
    return () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
  }

  function scramble(plan: Plan, rnd: () => number, tag: string): Plan {
    const p = structuredClone(plan);
    const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
    for (let n = 0; n < 16; n++) {
      const f = pick(p.factors);
      const op = Math.floor(rnd() * 11); // 0, 9, 10: adding a factor is the likeliest edit
      if ((op === 0 || op === 9 || op === 10) && p.factors.length < PLAN_LIMITS.factors) p.factors.push(factor(`${tag}${n}`, { name: `New ${tag}${n}` }));
      else if (op === 1 && f) p.factors = p.factors.filter((x) => x !== f);
      else if (op === 2 && f) f.miniJudgement = `${tag} ${n}`;
      else if (op === 3 && f) f.weight = 1 + Math.floor(rnd() * 5);
      else if (op === 4 && f && f.evidence.length < PLAN_LIMITS.evidencePerFactor) f.evidence.push(evidence(`${tag}e${n}`));
      else if (op === 5 && f) f.evidence = f.evidence.slice(1);
      else if (op === 6 && f?.evidence[0]) f.evidence[0].text = `${tag} text ${n}`;
      else if (op === 7) p.factors.reverse();
      else if (op === 8 && p.customCriteria.length < PLAN_LIMITS.customCriteria) p.customCriteria.push(`${tag}${n}`);
    }
    return p;
  }

  it("always gives a valid plan, with no clash when the tabs agree, whatever the choices", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rnd = random(seed);
      const base = scramble(basePlan(), rnd, "b");
      const [mine, theirs] = [scramble(base, rnd, "m"), scramble(base, rnd, "t")];
      const { clashes } = merge(base, mine, theirs);
      const allMine = Object.fromEntries(clashes.map((c) => [c.key, "mine" as const]));
      merge(base, mine, theirs, allMine);
      expect(new Set(clashes.map((c) => c.key)).size).toBe(clashes.length);
      expect(merge(base, mine, mine).plan).toSatisfy((plan: Plan) => same(plan, mine));
    }
  });
});

describe("mergePlans: the key-evidence flag", () => {
  it("keeps a flag set in one tab while the other tab edits the same evidence's text; older plans without it stay without", () => {
    const base = basePlan();
    const mine = edited((p) => (get(p, "agri").evidence[0]!.key = true));
    const theirs = edited((p) => (get(p, "agri").evidence[0]!.text = "Virgin Lands harvests fell sharply after 1958"));
    const { plan, clashes } = merge(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(get(plan, "agri").evidence[0]).toEqual({ id: "e2", text: "Virgin Lands harvests fell sharply after 1958", source: { kind: "own" }, key: true });
    expect(get(merge(base, basePlan(), theirs).plan, "agri").evidence[0]).not.toHaveProperty("key");
  });
});
