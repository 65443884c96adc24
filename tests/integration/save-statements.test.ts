import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { createSession, deleteSession, findSessionUser, SESSION_CACHE_MS } from "@/lib/auth/sessions";
import { saveDraft } from "@/lib/drafts/drafts";
import { savePlan } from "@/lib/planner/plans";
import { emptyPlan } from "@/lib/planner/initial-plan";
import { makeAssignedClass } from "./work-fixtures";
import { statementsOf } from "./statements";

// Issue 11: an autosave costs at most 2 SQL statements on success — the session lookup
// (none while the token is cached) and the save itself — where it cost 12
// (docs/decisions/016-lean-save-path.md). Counted where statements leave for the server,
// as tracking-queries.test.ts does: a spy on pg.Client.prototype.query sees each one once.

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});


/** A student signed in, with the workspace opened once (which creates the draft row). */
async function signedInStudent() {
  const world = await makeAssignedClass();
  await getOwnWorkspace(world.amira, world.assignmentId);
  const { token } = await createSession(world.amira.id);
  return { ...world, token };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("statements per autosave", () => {
  it("a draft save is at most 2 statements, session lookup included; 1 once the session is cached", async () => {
    const { amira, assignmentId, token } = await signedInStudent();
    // Cold session and the first save, which starts a history entry (and so thins): 3 at most.
    const first = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect(await saveDraft(user!, { assignmentId, baseRevision: 0, text: words(50) })).toMatchObject({ ok: true, draft: { revision: 1, wordCount: 50 } });
    });
    expect(first.length).toBeLessThanOrEqual(3);

    // The session is cached now: a save that starts an entry (a paste) is the save and the thinning.
    const pasted = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await saveDraft(user!, { assignmentId, baseRevision: 1, text: words(200), checkpoint: "paste" })).ok).toBe(true);
    });
    expect(pasted, pasted.join("\n---\n")).toHaveLength(2);

    // Typing after the paste starts a plain entry (2); typing on extends it: one statement,
    // and no transaction around it.
    const after = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await saveDraft(user!, { assignmentId, baseRevision: 2, text: words(205) })).ok).toBe(true);
    });
    expect(after, after.join("\n---\n")).toHaveLength(2);
    const typing = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await saveDraft(user!, { assignmentId, baseRevision: 3, text: words(210) })).ok).toBe(true);
    });
    expect(typing, typing.join("\n---\n")).toHaveLength(1);
    expect(typing[0]).toMatch(/^\s*WITH saved AS \(\s*UPDATE "Draft"/);
    expect(await db().draft.findFirst({ where: { studentId: amira.id }, select: { revision: true, wordCount: true } })).toEqual({ revision: 4, wordCount: 210 });

    // Even with the session to look up again, typing on is 2.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SESSION_CACHE_MS + 1);
    const cold = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await saveDraft(user!, { assignmentId, baseRevision: 4, text: words(211) })).ok).toBe(true);
    });
    expect(cold, cold.join("\n---\n")).toHaveLength(2);
  });

  it("a save with a paste is at most 3 statements: the save, the thinning if it starts an entry, and one INSERT of the paste sizes", async () => {
    const { assignmentId, token } = await signedInStudent();
    await findSessionUser(token);
    expect((await saveDraft((await findSessionUser(token))!, { assignmentId, baseRevision: 0, text: words(50) })).ok).toBe(true);
    // A small paste while typing extends the entry: the save and the paste sizes.
    const small = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await saveDraft(user!, { assignmentId, baseRevision: 1, text: words(53), pastes: [12, 30] })).ok).toBe(true);
    });
    expect(small, small.join("\n---\n")).toHaveLength(2);
    expect(small[1]).toMatch(/^\s*INSERT INTO "DraftPaste"/);
    // A large paste is a checkpoint, which starts an entry and so thins: 3.
    const large = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await saveDraft(user!, { assignmentId, baseRevision: 2, text: words(400), checkpoint: "paste", pastes: [2400] })).ok).toBe(true);
    });
    expect(large, large.join("\n---\n")).toHaveLength(3);
  });

  it("a plan save is at most 2 statements, session lookup included", async () => {
    const { assignmentId, token } = await signedInStudent();
    const plan = emptyPlan();
    await findSessionUser(token);
    for (const baseRevision of [0, 1]) {
      const sent = await statementsOf(async () => {
        const user = await findSessionUser(token);
        expect(await savePlan(user!, { assignmentId, baseRevision, plan: { ...plan, customCriteria: [`Criterion ${baseRevision}`] } })).toMatchObject({ ok: true, revision: baseRevision + 1 });
      });
      expect(sent, sent.join("\n---\n")).toHaveLength(1);
    }
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SESSION_CACHE_MS + 1);
    const cold = await statementsOf(async () => {
      const user = await findSessionUser(token);
      expect((await savePlan(user!, { assignmentId, baseRevision: 2, plan })).ok).toBe(true);
    });
    expect(cold, cold.join("\n---\n")).toHaveLength(2);
  });
});

describe("the session cache", () => {
  it("answers from memory for a few seconds; a sign-out here is immediate, one elsewhere within the bound", async () => {
    const { amira, token } = await signedInStudent();
    expect(await statementsOf(() => findSessionUser(token))).toHaveLength(1);
    expect(await statementsOf(() => findSessionUser(token))).toHaveLength(0);

    // Signed out in this process: gone at once.
    await deleteSession(token);
    expect(await findSessionUser(token)).toBeNull();

    // Signed out by another instance (the row deleted behind this cache's back): still
    // answered until the entry is SESSION_CACHE_MS old, then refused.
    const other = await createSession(amira.id);
    expect(await findSessionUser(other.token)).toMatchObject({ id: amira.id });
    await db().session.deleteMany({ where: { userId: amira.id } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SESSION_CACHE_MS - 100);
    expect(await findSessionUser(other.token)).toMatchObject({ id: amira.id });
    vi.setSystemTime(Date.now() + 200);
    expect(await findSessionUser(other.token)).toBeNull();
  });

  it("never answers past the session's expiry, cached or not", async () => {
    const { amira } = await signedInStudent();
    const { token, expiresAt } = await createSession(amira.id);
    expect(await findSessionUser(token)).toMatchObject({ id: amira.id });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(expiresAt.getTime() + 1);
    expect(await findSessionUser(token)).toBeNull();
  });
});
