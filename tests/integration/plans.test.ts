import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { setAssignment, setAssignmentOpen } from "@/lib/assignments/assignments";
import { getOwnWorkspace, getStudentWorkspace, type Workspace } from "@/lib/assignments/workspace";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { blankFactor } from "@/lib/planner/initial-plan";
import type { Plan } from "@/lib/planner/plan-schema";
import { savePlan, type SavePlanResult } from "@/lib/planner/plans";
import { assignmentInput, makeAssignedClass, makeOutsiders, planOf } from "./work-fixtures";

/** The workspace's starting plan with one more factor, holding a point from the evidence bank. */
function developedPlan(workspace: Workspace, factorName = "Agricultural failure"): Plan {
  const plan = structuredClone(workspace.plan.content);
  const point = workspace.evidenceBank[0]!;
  plan.factors[0]!.weight = 4;
  plan.factors.push({
    ...blankFactor(factorName, "other"),
    weight: 3,
    evidence: [{ id: "ev-1", text: point.text, source: { kind: "bank", pointId: point.id, path: point.path } }],
    argumentFor: "The Virgin Lands failed after 1958.",
  });
  plan.judgement = { position: 60, argument: "De-Stalinisation mattered, but agriculture mattered more." };
  return plan;
}

function savedRevision(result: SavePlanResult) {
  if (!result.ok) expect.fail(`expected the plan to save, got a conflict at revision ${result.conflict.revision}`);
  return result.revision;
}

describe("saving a plan", () => {
  it("the first save at revision 0 creates revision 1; the next builds on it", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    const first = await savePlan(amira, { assignmentId, baseRevision: 0, plan: workspace.plan.content });
    expect(first).toEqual({ ok: true, revision: 1, savedAt: expect.any(Date) });
    expect((await planOf(assignmentId, amira.id))!).toMatchObject({ revision: 1, content: workspace.plan.content });

    const developed = developedPlan(workspace);
    expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: 1, plan: developed }))).toBe(2);
    expect((await planOf(assignmentId, amira.id))!).toMatchObject({ revision: 2, content: developed });
  });

  it("a save from a stale revision is refused with the newer plan, which is kept", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 0, plan: workspace.plan.content }));
    const newer = developedPlan(workspace);
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 1, plan: newer }));

    for (const baseRevision of [0, 1]) {
      const stale = await savePlan(amira, { assignmentId, baseRevision, plan: developedPlan(workspace, "Stale tab's factor") });
      expect(stale).toEqual({ ok: false, conflict: { plan: newer, revision: 2, savedAt: expect.any(Date) } });
    }
    expect((await planOf(assignmentId, amira.id))!).toMatchObject({ revision: 2, content: newer });
  });

  it("a save claiming a base revision for a plan never saved gets a 409, not a crash", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    await expect(savePlan(amira, { assignmentId, baseRevision: 3, plan: workspace.plan.content })).rejects.toMatchObject({ status: 409 });
    expect(await planOf(assignmentId, amira.id)).toBeNull();
  });

  it("of two first saves at once, one wins and the other gets the winner's plan", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    const plans = [developedPlan(workspace, "Laptop's factor"), developedPlan(workspace, "Phone's factor")];
    const results = await Promise.all(plans.map((plan) => savePlan(amira, { assignmentId, baseRevision: 0, plan })));
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winningPlan = plans[results.indexOf(winners[0]!)]!;
    expect(losers[0]!.conflict).toEqual({ plan: winningPlan, revision: 1, savedAt: expect.any(Date) });
    expect(await db().plan.count()).toBe(1);
    expect((await planOf(assignmentId, amira.id))!.content).toEqual(winningPlan);

    // The losing tab takes the newer plan and saves on top of it.
    const merged = structuredClone(losers[0]!.conflict.plan);
    merged.customCriteria = ["Impact on the Presidium"];
    expect(savedRevision(await savePlan(amira, { assignmentId, baseRevision: 1, plan: merged }))).toBe(2);
    expect((await planOf(assignmentId, amira.id))!.content).toEqual(merged);
  });

  it("refuses an invalid plan with the schema's messages and saves nothing", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    const base = workspace.plan.content;
    const thirteen = { ...base, factors: Array.from({ length: 13 }, (_, i) => blankFactor(`Factor ${i + 1}`, "other")) };
    const heavy = { ...base, factors: [{ ...base.factors[0]!, weight: 9 }] };
    const twice = { ...base, factors: [base.factors[0]!, base.factors[0]!] };
    const badId = { ...base, factors: [{ ...base.factors[0]!, id: "<script>" }] };

    for (const [plan, message] of [
      [thirteen, /up to 12 factors/],
      [heavy, /<=5|at most 5|too big/i],
      [twice, /used twice/],
      [badId, /letters, digits/],
    ] as const) {
      const error = await savePlan(amira, { assignmentId, baseRevision: 0, plan: plan as Plan }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(z.ZodError);
      expect((error as z.ZodError).issues.map((i) => i.message).join("\n")).toMatch(message);
    }
    expect(await planOf(assignmentId, amira.id)).toBeNull();

    // Nor does an invalid save touch a plan already saved.
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 0, plan: base }));
    await expect(savePlan(amira, { assignmentId, baseRevision: 1, plan: heavy as Plan })).rejects.toBeInstanceOf(z.ZodError);
    expect((await planOf(assignmentId, amira.id))!).toMatchObject({ revision: 1, content: base });
  });
});

describe("the workspace's plan", () => {
  it("starts a how-far question with its stated factor, then returns what was saved", async () => {
    const { amira, assignmentId } = await makeAssignedClass();
    const fresh = await getOwnWorkspace(amira, assignmentId);
    expect(fresh.analysis).toMatchObject({ stem: "how-far", focus: "stated-factor", statedFactor: "de-Stalinisation" });
    expect(fresh.plan).toMatchObject({ revision: 0, savedAt: null });
    expect(fresh.plan.content.factors).toEqual([expect.objectContaining({ name: "de-Stalinisation", kind: "stated", weight: null, evidence: [] })]);
    expect(fresh.suggestedAreas).toEqual([]);
    expect(fresh.evidenceBank.length).toBeGreaterThan(10);
    expect(fresh.assignment.rubric.id).toBe("holistic-25-five-levels");
    expect(await planOf(assignmentId, amira.id)).toBeNull();

    const developed = developedPlan(fresh);
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 0, plan: developed }));
    const reloaded = await getOwnWorkspace(amira, assignmentId);
    expect(reloaded.plan).toEqual({ content: developed, revision: 1, savedAt: expect.any(Date) });
  });

  it("starts a to-what-extent question with the claim weighed against its limits", async () => {
    const world = await makeAssignedClass();
    const { id } = await setAssignment(world.teacher, assignmentInput(world, { questionId: world.toWhatExtent.id }));
    const { plan, suggestedAreas } = await getOwnWorkspace(world.amira, id);
    expect(plan.content.factors.map((f) => [f.kind, f.name])).toEqual([
      ["claim", "Change: Khrushchev’s reforms transformed the USSR"],
      ["counter", "Continuity / limits"],
    ]);
    expect(suggestedAreas).toContain("Economic");
  });
});

describe("when a plan is locked, and who may change it", () => {
  it("is locked once the essay is submitted, and while the assignment is closed", async () => {
    const { teacher, amira, ben, assignmentId } = await makeAssignedClass();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 0, plan: workspace.plan.content }));
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: "My essay on de-Stalinisation." });
    await submitDraft(amira, { assignmentId, baseRevision: 1 });

    await expect(savePlan(amira, { assignmentId, baseRevision: 1, plan: developedPlan(workspace) })).rejects.toMatchObject({ status: 423 });
    expect((await planOf(assignmentId, amira.id))!).toMatchObject({ revision: 1, content: workspace.plan.content });

    await setAssignmentOpen(teacher, assignmentId, false);
    await expect(savePlan(ben, { assignmentId, baseRevision: 0, plan: workspace.plan.content })).rejects.toMatchObject({ status: 423 });
    expect(await planOf(assignmentId, ben.id)).toBeNull();
  });

  it("only the student writes their plan; their teacher can read it", async () => {
    const { teacher, amira, assignmentId } = await makeAssignedClass();
    const outsiders = await makeOutsiders();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    const plan = developedPlan(workspace);
    savedRevision(await savePlan(amira, { assignmentId, baseRevision: 0, plan }));

    await expect(savePlan(teacher, { assignmentId, baseRevision: 1, plan: workspace.plan.content })).rejects.toMatchObject({ status: 403 });
    await expect(savePlan(outsiders.teacher, { assignmentId, baseRevision: 1, plan: workspace.plan.content })).rejects.toMatchObject({ status: 404 });
    await expect(savePlan(outsiders.student, { assignmentId, baseRevision: 0, plan: workspace.plan.content })).rejects.toMatchObject({ status: 404 });
    expect((await getStudentWorkspace(teacher, assignmentId, amira.id)).plan).toEqual({ content: plan, revision: 1, savedAt: expect.any(Date) });
    expect(await db().plan.count()).toBe(1);
    expect((await planOf(assignmentId, amira.id))!).toMatchObject({ revision: 1, content: plan });
  });
});
