import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { readLinks } from "@/lib/coverage/links";
import { saveDraft, submitDraft } from "@/lib/drafts/drafts";
import { setParagraphLink } from "@/lib/drafts/paragraph-links";
import { statedPlan } from "@/lib/coverage/fixtures";
import { getMarkingDesk } from "@/lib/marking/desk";
import { savePlan } from "@/lib/planner/plans";
import { draftOf, makeAssignedClass, makeOutsiders } from "./work-fixtures";
import { statusOf } from "./refusal-status";

// Links the student sets by hand in the coverage panel (docs/decisions/021-plan-coverage.md):
// stored with the draft by their own statement, reloaded with the workspace, copied to the
// version at hand-in, and refused — with nothing written — to anyone else, after hand-in, and
// for bad input.


async function withDraft() {
  const world = await makeAssignedClass();
  await getOwnWorkspace(world.amira, world.assignmentId); // opening the workspace creates the draft row
  await saveDraft(world.amira, { assignmentId: world.assignmentId, baseRevision: 0, text: "Intro.\n\nBody about agriculture." });
  return world;
}

describe("paragraph links set by hand", () => {
  it("are stored, reloaded with the workspace, cleared with null, and leave the text's revision and time alone", async () => {
    const { amira, assignmentId } = await withDraft();
    const before = (await draftOf(assignmentId, amira.id))!;
    expect(await setParagraphLink(amira, { assignmentId, key: "pabc123", target: "factor-1" })).toEqual({ links: { pabc123: "factor-1" } });
    expect(await setParagraphLink(amira, { assignmentId, key: "pzz.2", target: "role:conclusion" })).toEqual({ links: { pabc123: "factor-1", "pzz.2": "role:conclusion" } });
    expect(readLinks((await getOwnWorkspace(amira, assignmentId)).draft.paragraphLinks)).toEqual({ pabc123: "factor-1", "pzz.2": "role:conclusion" });
    expect(await setParagraphLink(amira, { assignmentId, key: "pabc123", target: null })).toEqual({ links: { "pzz.2": "role:conclusion" } });
    const after = (await draftOf(assignmentId, amira.id))!;
    expect({ revision: after.revision, updatedAt: after.updatedAt, text: after.text }).toEqual({ revision: before.revision, updatedAt: before.updatedAt, text: before.text });
  });

  it("two links set at once (two tabs) are both kept", async () => {
    const { amira, assignmentId } = await withDraft();
    await Promise.all(["pa", "pb", "pc", "pd"].map((key, i) => setParagraphLink(amira, { assignmentId, key, target: `f${i}` })));
    expect(readLinks((await draftOf(assignmentId, amira.id))!.paragraphLinks)).toEqual({ pa: "f0", pb: "f1", pc: "f2", pd: "f3" });
  });

  it("are refused to anyone but the student (404 to an outsider or another class's teacher), and write nothing", async () => {
    const { amira, assignmentId } = await withDraft();
    const outsiders = await makeOutsiders();
    expect(await statusOf(setParagraphLink(outsiders.student, { assignmentId, key: "pabc", target: "f1" }))).toBe(404);
    expect(await statusOf(setParagraphLink(outsiders.teacher, { assignmentId, key: "pabc", target: "f1" }))).toBe(404);
    expect((await draftOf(assignmentId, amira.id))!.paragraphLinks).toEqual({});
  });

  it("are refused after hand-in (423), and the version keeps the links it was handed in with", async () => {
    const { amira, assignmentId } = await withDraft();
    await setParagraphLink(amira, { assignmentId, key: "pabc", target: "f1" });
    await submitDraft(amira, { assignmentId, baseRevision: 1 });
    expect(await statusOf(setParagraphLink(amira, { assignmentId, key: "pabc", target: "f2" }))).toBe(423);
    expect((await draftOf(assignmentId, amira.id))!.paragraphLinks).toEqual({ pabc: "f1" });
    const version = await db().submission.findFirstOrThrow({ where: { draft: { assignmentId, studentId: amira.id } } });
    expect(version.paragraphLinks).toEqual({ pabc: "f1" });
  });

  it("bad input is a 400 and writes nothing", async () => {
    const { amira, assignmentId } = await withDraft();
    const bad: unknown[] = [
      { assignmentId, key: "not a key", target: "f1" },
      { assignmentId, key: "p" + "a".repeat(40), target: "f1" },
      { assignmentId, key: "pabc", target: "role:everything" },
      { assignmentId, key: "pabc", target: "x".repeat(65) },
      { assignmentId, key: "pabc", target: 7 },
      { assignmentId, key: "pabc" },
      { assignmentId: "../other", key: "pabc", target: "f1" },
      { assignmentId, key: "pabc", target: "f1\u0000" },
    ];
    for (const input of bad) expect(await statusOf(setParagraphLink(amira, input as never))).toBe(400);
    expect((await draftOf(assignmentId, amira.id))!.paragraphLinks).toEqual({});
  });

  it("are capped: past the limit a new link is refused (422), while changing an existing one still works", async () => {
    const { amira, assignmentId } = await withDraft();
    const full = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, "f1"]));
    const draft = (await draftOf(assignmentId, amira.id))!;
    await db().draft.update({ where: { id: draft.id }, data: { paragraphLinks: full } });
    expect(await statusOf(setParagraphLink(amira, { assignmentId, key: "pnew", target: "f1" }))).toBe(422);
    expect((await setParagraphLink(amira, { assignmentId, key: "p7", target: "f2" })).links.p7).toBe("f2");
  });
});

describe("the marking desk", () => {
  it("shows how far the handed-in version carries out the plan, with the student's links as they were at hand-in, and the whole plan", async () => {
    const { amira, teacher, assignmentId } = await makeAssignedClass();
    await getOwnWorkspace(amira, assignmentId);
    await savePlan(amira, { assignmentId, baseRevision: 0, plan: statedPlan() });
    const cuba =
      "The Cuban Missile Crisis of 1962 made him look weak: the missiles were withdrawn from Cuba in October 1962 and the Presidium saw the climbdown before Kennedy as a humiliation, even though the Jupiter missiles were removed from Turkey in secret.";
    const essay = ["Khrushchev fell in 1964 mainly because agriculture failed; de-Stalinisation only weakened him.", cuba, "In conclusion, agricultural failure was the main reason for his fall."].join("\n\n");
    await saveDraft(amira, { assignmentId, baseRevision: 0, text: essay });
    const { computeCoverage } = await import("@/lib/coverage/coverage");
    const key = computeCoverage({ text: essay, plan: statedPlan(), analysis: (await getOwnWorkspace(amira, assignmentId)).analysis, question: "", links: {} }).paragraphs[1]!.key;
    await setParagraphLink(amira, { assignmentId, key, target: "destal" }); // the student says ¶2 argues de-Stalinisation
    await submitDraft(amira, { assignmentId, baseRevision: 1 });
    await setParagraphLink(amira, { assignmentId, key, target: null }).catch(() => undefined); // refused: handed in

    const desk = await getMarkingDesk(teacher, assignmentId, amira.id);
    expect(desk.coverage.paragraphs.map((p) => [p.role, p.factorId, p.linkedByHand])).toEqual([["introduction", null, false], ["body", "destal", true], ["conclusion", null, false]]);
    expect(desk.coverage.factors.map((f) => [f.factorId, f.status])).toEqual([["destal", "covered"], ["agri", "mentioned"], ["cuba", "mentioned"]]);
    expect(desk.coverage.judgement.status).toBe("agrees");
    expect(desk.plan.saved).toBe(true);
    expect(desk.plan.content.factors.find((f) => f.id === "cuba")).toMatchObject({ argumentFor: "The Presidium saw the climbdown before Kennedy as a humiliation.", argumentAgainst: "The secret deal over Turkey was in fact a gain." });
  });
});
