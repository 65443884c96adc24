import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectNoConsoleErrors, sharedBrowser } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS } from "./world";

// Issue 10, finding 7, against the running app: each of these answered 500 before (or failed
// inside a 200). Now each is a 4xx with a message, from the route or from proxy.ts
// (lib/security/action-guard.ts), and a well-formed action still reaches its code.

const browser = sharedBrowser();
const NUL = "\u0000";

// The build's action ids, by exported name (the app under test is built from this checkout).
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === name);
  if (!found) throw new Error(`No server action named ${name} in the build`);
  return found[0];
}

let assignmentId = "";
let student: APIRequestContext;

// A world of this file's own (a new teacher, class and assignment, a new student in it).
beforeAll(async () => {
  const world = await buildWorld(browser(), { className: "12Z Bad input", question: QUESTIONS.reforms, rubric: RUBRICS.strands20, teacherName: "Ms Bad Input" });
  assignmentId = world.assignmentUrl.split("/")[2]!;
  const { page, errors } = await newStudent(browser(), world, "Nadia Null");
  expectNoConsoleErrors(errors);
  student = page.context().request;
});

describe("the autosave route", () => {
  const draft = () => `/api/assignments/${assignmentId}/draft`;

  it("saves a draft with NUL and non-characters pasted in, without them", async () => {
    const saved = await student.put(draft(), { data: { baseRevision: 0, text: `Khrushchev${NUL} rose\uFFFF to power.` } });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toEqual({ revision: 1, savedAt: expect.any(String), wordCount: 4 });
    // A save answers without the text (decision 016); a stale save's 409 shows what was stored.
    const stale = await student.put(draft(), { data: { baseRevision: 0, text: "A stale tab." } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current).toMatchObject({ text: "Khrushchev rose to power.", revision: 1 });
  });

  it("refuses a revision past int4 with a 400 and a message", async () => {
    const response = await student.put(draft(), { data: { baseRevision: 2 ** 31, text: "x" } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatch(/revision/i);
  });

  it("refuses a body that is not a JSON object, or over 1 MB", async () => {
    for (const data of ["null", "[1]", "{"]) {
      expect((await student.put(draft(), { headers: { "content-type": "application/json" }, data })).status()).toBe(400);
    }
    const huge = await student.put(draft(), { data: { baseRevision: 1, text: "x".repeat(1_100_000) } });
    expect(huge.status()).toBe(413);
  });

  it("answers an id holding NUL with a 404 in JSON", async () => {
    const response = await student.put("/api/assignments/%00/draft", { data: { baseRevision: 0, text: "x" } });
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe("server actions", () => {
  const call = (body: string, headers: Record<string, string> = {}) =>
    student.post("/dashboard", {
      headers: { "next-action": actionId("joinClassroomAction"), origin: baseURL(), "content-type": "text/plain;charset=UTF-8", ...headers },
      data: body,
    });

  it("a well-formed call still reaches the action through the guard", async () => {
    const response = await call(JSON.stringify([{ ok: false }, { code: "ZZZZZZ" }]));
    expect(response.status()).toBe(200);
    // The action's own refusal, in React's reply format.
    expect(await response.text()).toMatch(/join code|class/i);
  });

  it.each([
    ["empty", ""],
    ["truncated", '[{"ok":false},{"code":"ZZ'],
    ["null", "null"],
    ["nested 5,000 deep", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ['"$Q0"', '["$Q0"]'],
  ])("a %s body is a 400", async (_what, body) => {
    const response = await call(body);
    expect(response.status()).toBe(400);
    expect(await response.text()).toMatch(/could not be read/);
  });

  it("a body over 1 MB is a 413", async () => {
    expect((await call(JSON.stringify([null, { code: "x".repeat(1_100_000) }]))).status()).toBe(413);
  });

  it("a call from another origin is a 403", async () => {
    const response = await call(JSON.stringify([{ ok: false }, { code: "ZZZZZZ" }]), { origin: "https://evil.example" });
    expect(response.status()).toBe(403);
    expect(await response.text()).toMatch(/own pages/);
  });
});

it("a page whose id holds NUL is a 404, not a 500", async () => {
  expect((await student.get("/assignments/%00")).status()).toBe(404);
  expect((await student.get(`/assignments/${assignmentId}%00/analytics`)).status()).toBe(404);
});
