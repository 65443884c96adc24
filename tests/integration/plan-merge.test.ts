import { describe, expect, it } from "vitest";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { mergePlans } from "@/lib/planner/merge-plan";
import type { Plan } from "@/lib/planner/plan-schema";
import { savePlan, type SavePlanResult } from "@/lib/planner/plans";
import { makeAssignedClass, planOf } from "./work-fixtures";

// Two tabs open on one plan, each saving through the real compare-and-swap: the stale tab is
// refused with the newer plan, merges it with its own field by field (lib/planner/merge-plan)
// and saves the merge on the newer revision.

function savedRevision(result: SavePlanResult) {
  if (!result.ok) expect.fail(`expected the plan to save, got a conflict at revision ${result.conflict.revision}`);
  return result.revision;
}

function conflictOf(result: SavePlanResult) {
  if (result.ok) expect.fail(`expected a conflict, but revision ${result.revision} was saved`);
  return result.conflict;
}

async function twoTabsOnOnePlan() {
  const world = await makeAssignedClass();
  const { amira, assignmentId } = world;
  const workspace = await getOwnWorkspace(amira, assignmentId);
  const base = structuredClone(workspace.plan.content);
  base.factors[0]!.argumentFor = "The Secret Speech shook the Party.";
  expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: 0, plan: base }))).toBe(1);
  const edit = (change: (plan: Plan) => void) => {
    const plan = structuredClone(base);
    change(plan);
    return plan;
  };
  return { ...world, base, edit };
}

describe("two tabs saving one plan", () => {
  it("keeps both tabs' edits to different fields: the stale tab merges and saves on the newer revision", async () => {
    const { amira, assignmentId, base, edit } = await twoTabsOnOnePlan();
    const laptop = edit((p) => {
      p.factors[0]!.miniJudgement = "It cost him the hardliners.";
      p.judgement.position = 70;
    });
    const phone = edit((p) => {
      p.factors[0]!.weight = 5;
      p.factors.push({ id: "army", name: "The army", kind: "other", evidence: [], argumentFor: "", argumentAgainst: "", weight: 2, miniJudgement: "" });
      p.customCriteria = ["How the Presidium saw it"];
    });

    expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: 1, plan: laptop }))).toBe(2);
    const conflict = conflictOf(await savePlan(amira, { assignmentId, baseRevision: 1, plan: phone }));
    expect(conflict).toMatchObject({ revision: 2, plan: laptop });

    const { plan: merged, clashes } = mergePlans(base, phone, conflict.plan);
    expect(clashes).toEqual([]);
    expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: conflict.revision, plan: merged }))).toBe(3);

    const saved = (await planOf(assignmentId, amira.id))!.content as Plan;
    expect(saved.factors[0]).toMatchObject({ miniJudgement: "It cost him the hardliners.", weight: 5, argumentFor: "The Secret Speech shook the Party." });
    expect(saved.factors.map((f) => f.id)).toEqual([...base.factors.map((f) => f.id), "army"]);
    expect(saved.judgement.position).toBe(70);
    expect(saved.customCriteria).toEqual(["How the Presidium saw it"]);
  });

  it("reports a true clash on one field with both values, and saves the student's choice", async () => {
    const { amira, assignmentId, base, edit } = await twoTabsOnOnePlan();
    const name = base.factors[0]!.name;
    const laptop = edit((p) => {
      p.factors[0]!.argumentFor = "Laptop: it shook the Party.";
      p.judgement.argument = "Largely yes.";
    });
    const phone = edit((p) => {
      p.factors[0]!.argumentFor = "Phone: it alarmed the hardliners.";
      p.factors[0]!.weight = 1;
    });
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 1, plan: laptop }));
    const conflict = conflictOf(await savePlan(amira, { assignmentId, baseRevision: 1, plan: phone }));

    const factorId = base.factors[0]!.id;
    const { clashes } = mergePlans(base, phone, conflict.plan);
    expect(clashes).toEqual([
      { key: `factor:${factorId}:argumentFor`, label: `“${name}”: argument for`, mine: "Phone: it alarmed the hardliners.", theirs: "Laptop: it shook the Party." },
    ]);

    const { plan: chosen } = mergePlans(base, phone, conflict.plan, { [clashes[0]!.key]: "mine" });
    expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: conflict.revision, plan: chosen }))).toBe(3);
    const saved = (await planOf(assignmentId, amira.id))!.content as Plan;
    expect(saved.factors[0]).toMatchObject({ argumentFor: "Phone: it alarmed the hardliners.", weight: 1 });
    expect(saved.judgement.argument).toBe("Largely yes.");
  });

  it("a merge over the plan's limits is reported as a clash and still saves", async () => {
    const { amira, assignmentId, base, edit } = await twoTabsOnOnePlan();
    const extra = (tag: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, name: `${tag} ${i}`, kind: "other" as const, evidence: [], argumentFor: "", argumentAgainst: "", weight: null, miniJudgement: "" }));
    const room = 12 - base.factors.length;
    const laptop = edit((p) => p.factors.push(...extra("laptop", room)));
    const phone = edit((p) => p.factors.push(...extra("phone", room)));
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 1, plan: laptop }));
    const conflict = conflictOf(await savePlan(amira, { assignmentId, baseRevision: 1, plan: phone }));

    const { plan, clashes } = mergePlans(base, phone, conflict.plan, { factors: "mine" });
    expect(clashes.map((c) => c.key)).toEqual(["factors"]);
    expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: conflict.revision, plan }))).toBe(3);
    expect(((await planOf(assignmentId, amira.id))!.content as Plan).factors.map((f) => f.id)).toEqual(phone.factors.map((f) => f.id));
  });
});
