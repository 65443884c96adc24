import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setAssignment } from "@/lib/assignments/assignments";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { checkPlan } from "@/lib/planner/check-plan";
import { planCheckGuide } from "@/lib/planner/plan-check-guide";
import { assignmentInput, makeClassWithTopic } from "./work-fixtures";

// Decision 022 with decision 003: the plan check speaks the mark scheme pinned with the
// assignment, read back from the stored snapshot, not whatever the rubric file now says.

async function strandsAssignment() {
  const world = await makeClassWithTopic();
  const { id: assignmentId } = await setAssignment(world.teacher, assignmentInput(world, { rubricId: "strands-20-four-strands" }));
  return { ...world, assignmentId };
}

describe("the plan check's mapping comes from the assignment's pinned rubric", () => {
  it("a new assignment pins the file's mapping, and the workspace's plan check names the strands", async () => {
    const { amira, assignmentId } = await strandsAssignment();
    const workspace = await getOwnWorkspace(amira, assignmentId);
    const guide = planCheckGuide(workspace.assignment.rubric);
    expect(guide?.groups.map((g) => g.label)).toEqual(["Analysis and explanation", "Knowledge", "Evaluation and judgement", "Organisation and communication"]);
    const problems = checkPlan(workspace.plan.content, workspace.analysis, { guide, question: workspace.assignment.question.text });
    expect(problems.find((p) => p.code === "no-judgement")?.message).toContain("Mark scheme: Evaluation and judgement, Level 5:");
    expect(problems.find((p) => p.code === "factor-no-evidence")?.serves?.criterionName).toBe("Knowledge");
  });

  it("a snapshot pinned before rubrics declared a mapping gives the plain messages", async () => {
    const { amira, assignmentId } = await strandsAssignment();
    const { rubricVersionId } = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { rubricVersionId: true } });
    const pinned = await db().rubricVersion.findUniqueOrThrow({ where: { id: rubricVersionId }, select: { content: true } });
    const { planChecks: _dropped, ...older } = pinned.content as Record<string, unknown>;
    await db().rubricVersion.update({ where: { id: rubricVersionId }, data: { content: { ...older, version: 1 } } });

    const workspace = await getOwnWorkspace(amira, assignmentId);
    expect(workspace.assignment.rubric.planChecks).toBeUndefined();
    const guide = planCheckGuide(workspace.assignment.rubric);
    expect(guide).toBeNull();
    const problems = checkPlan(workspace.plan.content, workspace.analysis, { guide });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.message).not.toContain("Mark scheme");
  });

  it("a snapshot's own mapping wins over the file's", async () => {
    const { amira, assignmentId } = await strandsAssignment();
    const { rubricVersionId } = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { rubricVersionId: true } });
    const pinned = await db().rubricVersion.findUniqueOrThrow({ where: { id: rubricVersionId }, select: { content: true } });
    const content = pinned.content as { planChecks: { criterion: string; level: number; quote: string; checks: string[] }[] };
    // As if the department had mapped "no-judgement" to Knowledge when this assignment was set.
    const edited = content.planChecks.map((e) => ({ ...e, checks: e.checks.filter((c) => c !== "no-judgement") }));
    edited.push({ criterion: "knowledge", level: 1, quote: "Limited knowledge", checks: ["no-judgement"] });
    await db().rubricVersion.update({ where: { id: rubricVersionId }, data: { content: { ...content, planChecks: edited } } });

    const workspace = await getOwnWorkspace(amira, assignmentId);
    const problems = checkPlan(workspace.plan.content, workspace.analysis, { guide: planCheckGuide(workspace.assignment.rubric) });
    expect(problems.find((p) => p.code === "no-judgement")?.message).toContain("Mark scheme: Knowledge, Level 1: “Limited knowledge”.");
  });
});
