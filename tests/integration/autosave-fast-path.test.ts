import http, { type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { setAssignmentOpen } from "@/lib/assignments/assignments";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE, sessionTokenHash } from "@/lib/auth/session-token";
import { submitDraft } from "@/lib/drafts/drafts";
import { createAutosaveFastPath, sessionTokenOf } from "@/lib/fast-path/autosave-fast-path";
import { withFastPath } from "@/lib/fast-path/intercept";
import { draftOf, makeAssignedClass, makeOutsiders } from "./work-fixtures";
import { statementsOf } from "./statements";

// The autosave fast path at its boundary (docs/decisions/020-autosave-fast-path.md): a real
// HTTP server with the fast path in front of a stand-in for Next that records what reaches
// it, on the real database. The fast path may only ever answer "saved"; every other request
// must reach Next intact, body and all. Its statements go through Prisma's connection here,
// so the test runs on the embedded database too (one connection there); in the app it has a
// pg pool of its own.

type Passed = { method: string; url: string; body: string; cookie?: string };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve() {
  const passed: Passed[] = [];
  const fastPath = createAutosaveFastPath({
    query: async (text, values) => ({ rows: await db().$queryRawUnsafe(text, ...values) }),
    sessionSecret: process.env.SESSION_SECRET!,
    appOrigin: "http://127.0.0.1:3000",
  });
  // Next's place: reads the (possibly replayed) request in full and answers 299.
  const next = (req: IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      passed.push({ method: req.method!, url: req.url!, body: Buffer.concat(chunks).toString("utf8"), cookie: req.headers.cookie });
      res.writeHead(299, { "content-type": "text/plain" }).end("next");
    });
  };
  const server = http.createServer(withFastPath(fastPath, next));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const put = (path: string, body: unknown, token?: string) =>
    fetch(`${origin}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { passed, put };
}

async function signedInStudent() {
  const world = await makeAssignedClass();
  await getOwnWorkspace(world.amira, world.assignmentId);
  const { token } = await createSession(world.amira.id);
  return { ...world, token, path: `/api/assignments/${world.assignmentId}/draft` };
}

describe("the autosave fast path", () => {
  it("saves a student's draft in one statement and answers as the route does, with the security headers", async () => {
    const { passed, put } = await serve();
    const { amira, assignmentId, token, path } = await signedInStudent();
    const text = "Khrushchev’s Secret Speech of 1956 shook the bloc.";
    let res!: Response;
    const statements = await statementsOf(async () => (res = await put(path, { text, baseRevision: 0 }, token)));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { revision: number; savedAt: string; wordCount: number };
    expect(body).toEqual({ revision: 1, savedAt: expect.any(String), wordCount: 8 });
    expect(new Date(body.savedAt).toISOString()).toBe(body.savedAt);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("server-timing")).toBe('autosave;desc="fast path"');
    expect(passed).toEqual([]);
    // The first save starts a history entry, so history is thinned too: 2; an extending save is 1.
    expect(statements).toHaveLength(2);
    expect(await draftOf(assignmentId, amira.id)).toMatchObject({ text, revision: 1, wordCount: 8 });
    let extended!: Response;
    expect(await statementsOf(async () => (extended = await put(path, { text: `${text} More.`, baseRevision: 1 }, token)))).toHaveLength(1);
    expect(extended.status).toBe(200);
    expect(await db().draftRevision.count({ where: { draft: { studentId: amira.id } } })).toBe(1);
  });

  it("keeps history's checkpoints: an outline starts its own entry", async () => {
    const { put } = await serve();
    const { amira, token, path } = await signedInStudent();
    expect((await put(path, { text: "First thoughts.", baseRevision: 0 }, token)).status).toBe(200);
    expect((await put(path, { text: "First thoughts.\n\nIntroduction: …", baseRevision: 1, checkpoint: "outline" }, token)).status).toBe(200);
    const entries = await db().draftRevision.findMany({ where: { draft: { studentId: amira.id } }, orderBy: { createdAt: "asc" }, select: { reason: true } });
    expect(entries.map((e) => e.reason)).toEqual(["AUTOSAVE", "OUTLINE"]);
  });

  it("hands every request it does not save to Next intact, and writes nothing itself", async () => {
    const { passed, put } = await serve();
    const { amira, ben, assignmentId, teacher, token, path } = await signedInStudent();
    const outsider = await makeOutsiders();
    const outsiderToken = (await createSession(outsider.student.id)).token;
    const teacherToken = (await createSession(teacher.id)).token;
    const benToken = (await createSession(ben.id)).token;
    const stale = JSON.stringify({ text: "From an old tab", baseRevision: 7 });
    const cases: [string, () => Promise<Response>, string][] = [
      ["no cookie", () => put(path, { text: "x", baseRevision: 0 }), JSON.stringify({ text: "x", baseRevision: 0 })],
      ["an unknown token", () => put(path, { text: "x", baseRevision: 0 }, "not-a-session-token"), JSON.stringify({ text: "x", baseRevision: 0 })],
      ["a stale revision", () => put(path, stale, token), stale],
      ["another student's assignment", () => put(path.replace(assignmentId, "c00000000000000000000none"), { text: "x", baseRevision: 0 }, token), JSON.stringify({ text: "x", baseRevision: 0 })],
      ["a student outside the class", () => put(path, { text: "x", baseRevision: 0 }, outsiderToken), JSON.stringify({ text: "x", baseRevision: 0 })],
      ["a teacher", () => put(path, { text: "x", baseRevision: 0 }, teacherToken), JSON.stringify({ text: "x", baseRevision: 0 })],
      ["a body that is not JSON", () => put(path, "{text:", token), "{text:"],
      ["a JSON array", () => put(path, "[1,2]", token), "[1,2]"],
      ["a body that fails the schema", () => put(path, { text: 5, baseRevision: -1 }, token), JSON.stringify({ text: 5, baseRevision: -1 })],
      ["paste sizes to store", () => put(path, { text: "pasted", baseRevision: 0, pastes: [6] }, token), JSON.stringify({ text: "pasted", baseRevision: 0, pastes: [6] })],
      ["Ben's draft, not yet opened (no row)", () => put(path, { text: "x", baseRevision: 0 }, benToken), JSON.stringify({ text: "x", baseRevision: 0 })],
    ];
    for (const [name, send, body] of cases) {
      const res = await send();
      expect(res.status, name).toBe(299);
      expect(passed.at(-1), name).toMatchObject({ method: "PUT", body });
    }
    expect(passed).toHaveLength(cases.length);
    expect(await draftOf(assignmentId, amira.id)).toMatchObject({ text: "", revision: 0 });
    expect(await draftOf(assignmentId, ben.id)).toBeNull();
    expect(await db().draftRevision.count()).toBe(0);
  });

  it("leaves other routes and methods to Next without reading them", async () => {
    const { passed, put } = await serve();
    const { token, assignmentId } = await signedInStudent();
    const res = await put(`/api/assignments/${assignmentId}/plan`, { plan: {}, baseRevision: 0 }, token);
    expect(res.status).toBe(299);
    expect(passed[0]).toMatchObject({ url: `/api/assignments/${assignmentId}/plan`, body: JSON.stringify({ plan: {}, baseRevision: 0 }) });
  });

  it("refuses nothing itself: a closed assignment, a submitted draft and a session due for renewal go to Next", async () => {
    const { passed, put } = await serve();
    const world = await signedInStudent();
    const { amira, assignmentId, teacher, token, path } = world;
    // A session in its second half is renewed by the route, so the fast path leaves it alone.
    const renewing = await createSession(amira.id);
    const tokenHash = sessionTokenHash(process.env.SESSION_SECRET!, renewing.token);
    await db().session.update({ where: { tokenHash }, data: { expiresAt: new Date(Date.now() + 2 * 86_400_000) } });
    expect((await put(path, { text: "renew me", baseRevision: 0 }, renewing.token)).status).toBe(299);

    await setAssignmentOpen(teacher, assignmentId, false);
    expect((await put(path, { text: "closed", baseRevision: 0 }, token)).status).toBe(299);
    await setAssignmentOpen(teacher, assignmentId, true);

    expect((await put(path, { text: "Handed in soon.", baseRevision: 0 }, token)).status).toBe(200);
    await submitDraft(amira, { assignmentId, baseRevision: 1 });
    expect((await put(path, { text: "After submitting", baseRevision: 1 }, token)).status).toBe(299);
    expect(passed.map((p) => JSON.parse(p.body).text)).toEqual(["renew me", "closed", "After submitting"]);
    expect(await draftOf(assignmentId, amira.id)).toMatchObject({ text: "Handed in soon.", submittedAt: expect.any(Date) });
  });
});

describe("reading the session cookie", () => {
  it("takes only a plain token, as issued", () => {
    expect(sessionTokenOf(`a=b; ${SESSION_COOKIE}=abcDEF_-123; c=d`)).toBe("abcDEF_-123");
    expect(sessionTokenOf(undefined)).toBeNull();
    expect(sessionTokenOf("other=1")).toBeNull();
    expect(sessionTokenOf(`${SESSION_COOKIE}=`)).toBeNull();
    expect(sessionTokenOf(`${SESSION_COOKIE}="quoted"`)).toBeNull();
    expect(sessionTokenOf(`${SESSION_COOKIE}=a%20b`)).toBeNull();
    expect(sessionTokenOf(`${SESSION_COOKIE}=${"x".repeat(101)}`)).toBeNull();
  });
});
