import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresUp, startAppOnOwnDatabase } from "./postgres-service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bench/app";
import { sessionTokenHash, writersWorld } from "../../bench/world";

// The autosave fast path in the real server (docs/decisions/020-autosave-fast-path.md): the
// built app under `npm start` on the PostgreSQL service (the fast path is off on the embedded
// database the other browser tests use), with two page workers behind the front process that
// runs the fast path (docs/decisions/038-front-process.md). Saves it can make are answered
// by it (its Server-Timing header says so); everything else must reach Next's route in a page
// worker with its body intact and be answered exactly as before. Skipped when no PostgreSQL service answers
// on 127.0.0.1:5432 (CI always has one).

const FAST = 'autosave;desc="fast path"';


const available = await postgresUp();
const secret = randomBytes(32).toString("hex");
let stopApp: (() => Promise<void>) | undefined;
let client: pg.Client;
let app: App;

describe.skipIf(!available)("the autosave fast path in the running app", () => {
  beforeAll(async () => {
    ({ app, client, stop: stopApp } = await startAppOnOwnDatabase("extent_fastpath", secret, 2));
  }, 300_000);

  afterAll(async () => {
    await stopApp?.();
  });

  const put = (assignmentId: string, token: string | null, body: unknown) =>
    fetch(`${app.origin}/api/assignments/${assignmentId}/draft`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: app.origin, ...(token ? { cookie: `extent_session=${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("answers a student's saves itself, and leaves refusals, conflicts and pastes to the route", async () => {
    const { assignmentId, tokens, text } = await writersWorld(client, secret, 2, 100);
    const [amira, ben] = tokens as [string, string];

    const first = await put(assignmentId, amira, { text: `${text} One.`, baseRevision: 0 });
    expect(first.status).toBe(200);
    expect(first.headers.get("server-timing")).toBe(FAST);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await first.json()).toEqual({ revision: 1, savedAt: expect.any(String), wordCount: expect.any(Number) });

    // A stale tab: the route answers 409 with the newer text, so it read the replayed body.
    const stale = await put(assignmentId, amira, { text: "From an old tab", baseRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("server-timing")).toBeNull();
    expect(await stale.json()).toMatchObject({ current: { text: `${text} One.`, revision: 1 } });

    // The same text again from a tab whose answer was lost: the route calls it saved.
    const repeat = await put(assignmentId, amira, { text: `${text} One.`, baseRevision: 0 });
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ revision: 1 });

    // Paste sizes are stored by the route.
    const pasted = await put(assignmentId, amira, { text: `${text} One. Pasted.`, baseRevision: 1, pastes: [8] });
    expect(pasted.status).toBe(200);
    expect(pasted.headers.get("server-timing")).toBeNull();
    const pastes = await client.query(`SELECT chars FROM "DraftPaste" p JOIN "Draft" d ON d.id = p."draftId" WHERE d.revision = 2`);
    expect(pastes.rows).toEqual([{ chars: 8 }]);

    // Refusals, as the route words them.
    const signedOut = await put(assignmentId, null, { text: "x", baseRevision: 2 });
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ error: expect.stringMatching(/sign in/i) });
    const notJson = await put(assignmentId, amira, "{text:");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "The request body must be JSON." });
    const invalid = await put(assignmentId, amira, { text: "x", baseRevision: -1 });
    expect(invalid.status).toBe(400);

    // Ben's own draft is his; he cannot reach Amira's through the fast path or the route.
    const bens = await put(assignmentId, ben, { text: "Ben's essay", baseRevision: 0 });
    expect(bens.status).toBe(200);
    expect(bens.headers.get("server-timing")).toBe(FAST);
    const drafts = await client.query(`SELECT text, revision FROM "Draft" WHERE "assignmentId" = $1 ORDER BY text`, [assignmentId]);
    expect(drafts.rows).toEqual([
      { text: "Ben's essay", revision: 1 },
      { text: `${text} One. Pasted.`, revision: 2 },
    ]);
  });

  it("serves pages through the front, from the page workers, with their own headers", async () => {
    expect(app.log()).toMatch(/Front process \d+ on 127\.0\.0\.1:\d+, 2 page workers/);
    const page = await fetch(`${app.origin}/sign-in`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/nonce-/);
    expect(page.headers.get("server-timing")).toBeNull();
    expect(await page.text()).toMatch(/<form/);
  });

  it("leaves a session due for renewal to the route, which renews it", async () => {
    const { assignmentId, tokens } = await writersWorld(client, secret, 1, 10);
    const hash = sessionTokenHash(secret, tokens[0]!);
    await client.query(`UPDATE "Session" SET "expiresAt" = now() + interval '2 days' WHERE "tokenHash" = $1`, [hash]);
    const res = await put(assignmentId, tokens[0]!, { text: "Renewed as I type.", baseRevision: 0 });
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toBeNull();
    const { rows } = await client.query<{ days: number }>(`SELECT extract(epoch FROM "expiresAt" - now()) / 86400 AS days FROM "Session" WHERE "tokenHash" = $1`, [hash]);
    expect(Number(rows[0]!.days)).toBeGreaterThan(29);
    // Renewed, the next save is the fast path's.
    const next = await put(assignmentId, tokens[0]!, { text: "Renewed as I type. Faster now.", baseRevision: 1 });
    expect(next.headers.get("server-timing")).toBe(FAST);
  });
});
