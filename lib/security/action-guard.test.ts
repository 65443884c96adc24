import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, CROSS_ORIGIN, MALFORMED, NOT_FOUND, originRefusal, pathRefusal, refuseBadRequest, replyRefusal, TOO_LARGE } from "./action-guard";

// Real bodies come from React's own encoder, the one the browser uses for server actions, so
// a change in its format that the guard would wrongly refuse fails here.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as { encodeReply: (v: unknown) => Promise<string | FormData> };

const ORIGIN = "http://localhost:3000";
const actionHeaders = (extra: Record<string, string> = {}) => ({ host: "localhost:3000", origin: ORIGIN, "next-action": "7f00aa", ...extra });

function actionRequest(body: string | FormData, headers: Record<string, string> = {}, path = "/classes/new") {
  const h: Record<string, string> = actionHeaders(headers);
  if (typeof body === "string") h["content-type"] ??= "text/plain;charset=UTF-8";
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers: h, body });
}

async function refusal(request: Request) {
  const response = await refuseBadRequest(request);
  return response && { status: response.status, text: await response.text() };
}

describe("what our own pages send passes", () => {
  it("callAction with an object (a text body), dates, undefined, '$'-strings and a repeated object", async () => {
    const shared = { a: 1 };
    for (const args of [
      [{ ok: false }, { assignmentId: "cm3x9k2ab0000", baseRevision: 3, text: "$100 and \u0000 are text", when: new Date(0), gone: undefined }],
      [shared, { x: shared, y: shared }],
      [null, { nested: [[[["deep enough"]]]] }],
    ]) {
      expect(await refusal(actionRequest((await encodeReply(args)) as string))).toBeNull();
    }
  });

  it("a form (multipart) with fields, a file, and a Map", async () => {
    const form = new FormData();
    form.set("name", "12H History");
    form.set("file", new Blob(["notes"]), "notes.txt");
    for (const args of [[{ ok: false }, form], [undefined, { m: new Map([["a", 1]]), s: new Set([1]) }]]) {
      const body = await encodeReply(args);
      expect(typeof body).not.toBe("string");
      expect(await refusal(actionRequest(body))).toBeNull();
    }
  });

  it("a form posted without JavaScript, and requests that are not actions", async () => {
    const form = new FormData();
    form.set("$ACTION_ID_7f00aa", "");
    form.set("name", "12H");
    expect(await refuseBadRequest(new Request(`${ORIGIN}/classes/new`, { method: "POST", headers: { host: "localhost:3000", origin: ORIGIN }, body: form }))).toBeNull();
    expect(await refuseBadRequest(new Request(`${ORIGIN}/api/assignments/abc/draft`, { method: "PUT", body: "{}" }))).toBeNull();
    expect(await refuseBadRequest(new Request(`${ORIGIN}/dashboard`))).toBeNull();
  });
});

describe("bodies Next would fail with a 500 are a 400", () => {
  it.each([
    ["empty", ""],
    ["truncated", '[{"ok":false},{"assignmentId":"ab'],
    ["null", "null"],
    ["not a list of arguments", '{"a":1}'],
    ["a Map of its own part", '["$Q0"]'],
    ["a Set of a missing part", '[null,"$W1"]'],
    ["a promise of a missing part", '["$@2"]'],
    ["a missing outlined part", '["$5"]'],
    ["a loop on its own part", '["$0"]'],
    ["a bad reference id", '["$Qzz"]'],
    ["an unknown reference kind", '["$Z0"]'],
    ["a BigInt that is not a number", '["$nabc"]'],
    ["nested 5,000 deep", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ])("%s", async (_what, body) => {
    expect(await refusal(actionRequest(body))).toEqual({ status: 400, text: MALFORMED });
  });

  it("a multipart body with no root part, or a root that refers to a missing part", async () => {
    const noRoot = new FormData();
    noRoot.set("1", "[]");
    expect((await refusal(actionRequest(noRoot)))?.status).toBe(400);
    const dangling = new FormData();
    dangling.set("0", '[null,"$Q3"]');
    expect((await refusal(actionRequest(dangling)))?.status).toBe(400);
  });

  it("a multipart body that is not multipart", async () => {
    const request = actionRequest("--x\r\nnot really", { "content-type": "multipart/form-data; boundary=zzz" });
    expect((await refusal(request))?.status).toBe(400);
  });

  it("replyRefusal is iterative: a million-deep body does not overflow the stack", () => {
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    // JSON.parse itself may refuse this; either way the answer is a refusal, not a crash.
    expect(replyRefusal([{ id: 0, json: deep }])?.status).toBe(400);
    // Two million characters walked once: well under a second alone, several on a busy machine.
  }, 30_000);
});

describe("size", () => {
  it("a body over 1 MB is a 413, by its Content-Length or by what arrives", async () => {
    expect(await refusal(actionRequest("[]", { "content-length": String(ACTION_BODY_LIMIT + 1) }))).toEqual({ status: 413, text: TOO_LARGE });
    const big = JSON.stringify([null, { text: "x".repeat(ACTION_BODY_LIMIT) }]);
    expect(await refusal(actionRequest(big))).toEqual({ status: 413, text: TOO_LARGE });
  });
});

describe("origin (Next's CSRF rule, refused with 403 instead of 500)", () => {
  it("another site, an unreadable Origin, or 'null' is refused", async () => {
    for (const origin of ["https://evil.example", "http://localhost:3001", "not a url", "null"]) {
      expect(await refusal(actionRequest("[]", { origin }))).toEqual({ status: 403, text: CROSS_ORIGIN });
    }
  });

  it("the same host, via Host or the first x-forwarded-host, is allowed; no Origin at all is left to Next", () => {
    expect(originRefusal(new Headers({ host: "localhost:3000", origin: ORIGIN }))).toBeNull();
    expect(originRefusal(new Headers({ host: "internal:8080", "x-forwarded-host": "extent.school, proxy", origin: "https://extent.school" }))).toBeNull();
    expect(originRefusal(new Headers({ host: "localhost:3000" }))).toBeNull();
  });
});

describe("paths", () => {
  it("a segment holding NUL or another control character is a 404; a broken escape a 400", async () => {
    expect(pathRefusal("/api/assignments/%00/draft")).toEqual({ status: 404, message: NOT_FOUND });
    expect(pathRefusal("/assignments/ab%0Acd")).toEqual({ status: 404, message: NOT_FOUND });
    expect(pathRefusal("/assignments/%EF%BF%BF")).toEqual({ status: 404, message: NOT_FOUND });
    expect(pathRefusal("/assignments/%E0%A4%A")?.status).toBe(400);
    expect(pathRefusal("/classes/cm3x9k2ab0000/board")).toBeNull();
    expect(pathRefusal("/topics/%C3%A9t%C3%A9")).toBeNull();
  });

  it("answers JSON under /api/, text elsewhere", async () => {
    const api = await refuseBadRequest(new Request(`${ORIGIN}/api/assignments/%00/draft`, { method: "PUT", body: "{}" }));
    expect(api?.status).toBe(404);
    expect(await api?.json()).toEqual({ error: NOT_FOUND });
    const page = await refuseBadRequest(new Request(`${ORIGIN}/assignments/%00`));
    expect(page?.headers.get("content-type")).toMatch(/^text\/plain/);
  });
});

describe("route handlers under /api/", () => {
  const post = (path: string, headers: Record<string, string>, method = "POST") =>
    new Request(`${ORIGIN}${path}`, { method, headers: { host: "localhost:3000", ...headers }, body: "List-Unsubscribe=One-Click" });

  it("a write from another site is refused (JSON); from our own pages, or with no Origin, it reaches the handler", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const refused = await refuseBadRequest(post("/api/assignments/abc/draft", { origin: "https://evil.example" }, method));
      expect(refused?.status).toBe(403);
      expect(await refused?.json()).toEqual({ error: CROSS_ORIGIN });
      expect(await refuseBadRequest(post("/api/assignments/abc/draft", { origin: ORIGIN }, method))).toBeNull();
      expect(await refuseBadRequest(post("/api/assignments/abc/draft", {}, method))).toBeNull();
    }
  });

  it("the RFC 8058 one-click unsubscribe is exempt: a provider posts it from anywhere, with a form body and no cookies", async () => {
    for (const origin of ["https://mail.example", "null", "not a url"]) {
      expect(await refuseBadRequest(post("/api/unsubscribe?token=abc", { origin, "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
      expect(await refuseBadRequest(post("/api/unsubscribe?token=abc", { origin, "content-type": "multipart/form-data; boundary=x" }))).toBeNull();
    }
    // Only that path: the page a person confirms on stays same-origin (a form post to a page is a server action).
    expect((await refuseBadRequest(post("/unsubscribe?token=abc", { origin: "https://mail.example", "content-type": "application/x-www-form-urlencoded" })))?.status).toBe(403);
    expect((await refuseBadRequest(post("/api/unsubscribe/x", { origin: "https://mail.example" })))?.status).toBe(403);
  });
});
