import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Backends, createForwarder, SOCKET_HEADER } from "../../lib/start/front.mjs";
import { withFastPath } from "../../lib/fast-path/intercept";

// The front process's forwarding (lib/start/front.mjs, docs/decisions/038-front-process.md)
// between real sockets on loopback: a client, the front, and a stand-in page worker that has
// the worker's socket stamp installed (lib/auth/socket-stamp.ts) with the key the front
// shares. The client connects from 127.0.0.2 and the front from 127.0.0.1, so the address the
// worker believes says whose socket it is.

// A page worker is given the key before anything reads it (scripts/serve.mjs does it at fork).
const KEY = randomBytes(24).toString("base64url");
process.env.EXTENT_SOCKET_STAMP_KEY = KEY;
const { clientAddressFrom, UNKNOWN_ADDRESS } = await import("../../lib/auth/client-address");
const { installSocketStamp } = await import("../../lib/auth/socket-stamp");
installSocketStamp();

type Seen = { url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
const closed: string[] = [];
let release: (() => void) | undefined;

const worker = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    seen.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
    if (req.url === "/stream") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("first;");
      release = () => res.end("second");
    } else if (req.url === "/hang") {
      res.on("close", () => closed.push(req.url!));
    } else if (req.url === "/cookies") {
      res.writeHead(200, [["set-cookie", "a=1; Path=/"], ["set-cookie", "b=2; Path=/"], ["content-type", "text/plain"]].flat());
      res.end("ok");
    } else {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ address: clientAddressFrom(new Headers(req.headers as Record<string, string>), 0) }));
    }
  });
});

const backends = new Backends();
const front = http.createServer(createForwarder({ backends, stampKey: KEY, log: () => {} }));
let frontPort = 0;
let workerPort = 0;

const listen = (s: http.Server) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));

/** A request from 127.0.0.2 (or `from`), with its status, headers and body. */
function send(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: string[]; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers, localAddress: init.from ?? "127.0.0.2" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  workerPort = await listen(worker);
  frontPort = await listen(front);
  backends.add(1, workerPort);
});

afterAll(async () => {
  front.closeAllConnections();
  worker.closeAllConnections();
  await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => worker.close(r))]);
  backends.remove(1);
});

describe("the front process", () => {
  it("stamps the client's own address, which the worker believes, and drops a stamp the client forged", async () => {
    const plain = await send(frontPort, "/who");
    expect(JSON.parse(plain.body)).toEqual({ address: "127.0.0.2" });
    // As Next itself would fill them from the client's socket.
    expect(seen.at(-1)!.headers).toMatchObject({ "x-forwarded-for": "127.0.0.2", "x-forwarded-port": String(frontPort) });

    const forged = await send(frontPort, "/who", { headers: { [SOCKET_HEADER]: `${KEY} 6.6.6.6`, "x-forwarded-for": "6.6.6.6" } });
    expect(JSON.parse(forged.body)).toEqual({ address: "127.0.0.2" });
    expect(seen.at(-1)!.headers[SOCKET_HEADER]).toBe(`${KEY} 127.0.0.2`);
    // A proxy's X-Forwarded-For goes on untouched, for TRUST_PROXY_HOPS to read.
    expect(seen.at(-1)!.headers["x-forwarded-for"]).toBe("6.6.6.6");
  });

  it("gives a request straight to a worker (not through the front) the worker's own socket address, whatever it claims", async () => {
    const guessed = await send(workerPort, "/who", { from: "127.0.0.3", headers: { [SOCKET_HEADER]: `${"A".repeat(32)} 6.6.6.6` } });
    expect(JSON.parse(guessed.body)).toEqual({ address: "127.0.0.3" });
    // Without the front's key nothing is believed: a bare address is no stamp at all.
    expect(clientAddressFrom(new Headers({ [SOCKET_HEADER]: "6.6.6.6" }), 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("streams a page as the worker writes it", async () => {
    const first = await new Promise<string>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port: frontPort, path: "/stream" }, (res) => {
        res.once("data", (c: Buffer) => {
          resolve(c.toString());
          res.resume();
        });
      }).on("error", reject);
    });
    // The worker has not finished its answer, yet its first bytes are already here.
    expect(first).toBe("first;");
    release?.();
  });

  it("ends the worker's request when the client goes away", async () => {
    const req = http.get({ host: "127.0.0.1", port: frontPort, path: "/hang" });
    req.on("error", () => {});
    await expect.poll(() => seen.some((s) => s.url === "/hang")).toBe(true);
    expect(closed).toEqual([]);
    req.destroy();
    await expect.poll(() => closed).toEqual(["/hang"]);
  });

  it("forwards bodies, including one the autosave fast path read and handed on", async () => {
    const listener = withFastPath(async (req) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      return { handled: false, body: Buffer.concat(chunks) };
    }, createForwarder({ backends, stampKey: KEY }));
    const withFast = http.createServer(listener);
    const port = await listen(withFast);
    try {
      const body = JSON.stringify({ text: "Hindenburg's circle mattered more.", baseRevision: 3 });
      const res = await send(port, "/api/assignments/a1/draft", { method: "PUT", headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), cookie: "extent_session=abc" }, body });
      expect(res.status).toBe(200);
      const last = seen.at(-1)!;
      expect(last).toMatchObject({ url: "/api/assignments/a1/draft", body });
      expect(last.headers.cookie).toBe("extent_session=abc");
    } finally {
      withFast.closeAllConnections();
      await new Promise((r) => withFast.close(r));
    }
  });

  it("keeps every Set-Cookie of an answer", async () => {
    const res = await send(frontPort, "/cookies");
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("answers 502 when its worker is gone and 503 while it has none, with a message", async () => {
    const gone = new Backends();
    const dead = http.createServer(() => {});
    const deadPort = await listen(dead);
    await new Promise((r) => dead.close(r));
    gone.add(7, deadPort);
    const lonely = http.createServer(createForwarder({ backends: gone, stampKey: KEY, log: () => {} }));
    const port = await listen(lonely);
    try {
      const refused = await send(port, "/board");
      expect(refused.status).toBe(502);
      expect(refused.body).toMatch(/Try again/);
      gone.remove(7);
      const none = await send(port, "/board");
      expect(none.status).toBe(503);
      expect(none.headers["retry-after"]).toBe("2");
    } finally {
      lonely.closeAllConnections();
      await new Promise((r) => lonely.close(r));
    }
  });
});

describe("the front's onAnswered", () => {
  // scripts/serve.mjs starts the other page workers on the first answer the first one gives.
  it("is called once a worker's answer has been passed on in full, and not for a 502 or 503", async () => {
    const answered: string[] = [];
    const list = new Backends();
    const server = http.createServer(createForwarder({ backends: list, stampKey: KEY, log: () => {}, onAnswered: () => answered.push("answered") }));
    const port = await listen(server);
    try {
      expect((await send(port, "/none")).status).toBe(503);
      const dead = http.createServer(() => {});
      const deadPort = await listen(dead);
      await new Promise((r) => dead.close(r));
      list.add(7, deadPort);
      expect((await send(port, "/gone")).status).toBe(502);
      expect(answered).toEqual([]);
      list.remove(7);
      list.add(1, workerPort);
      expect((await send(port, "/cookies")).status).toBe(200);
      expect(answered).toEqual(["answered"]);
    } finally {
      list.remove(1);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe("Backends.pick", () => {
  it("takes the worker with the fewest requests in flight, and the others in turn when they are level", () => {
    const b = new Backends();
    b.add(1, 1001);
    b.add(2, 1002);
    b.add(3, 1003);
    const turns = [b.pick()!.id, b.pick()!.id, b.pick()!.id];
    expect(new Set(turns)).toEqual(new Set([1, 2, 3]));
    b.list.find((x) => x.id === 1)!.active = 2;
    b.list.find((x) => x.id === 2)!.active = 1;
    b.list.find((x) => x.id === 3)!.active = 1;
    expect([2, 3]).toContain(b.pick()!.id);
    b.list.find((x) => x.id === 3)!.active = 5;
    expect(b.pick()!.id).toBe(2);
    for (const id of [1, 2, 3]) b.remove(id);
    expect(b.pick()).toBeNull();
  });
});
