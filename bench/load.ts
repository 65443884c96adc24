import http from "node:http";

// The HTTP side of the bench: closed-loop autosave writers (each sends its next save as soon
// as the last one is answered, like an editor that saves on every pause while the server is
// slow) and page fetches, over keep-alive loopback connections.

/** `fast`: answered by the autosave fast path (its Server-Timing header, docs/decisions/020). */
export type Reply = { status: number; body: string; ms: number; fast: boolean };

export function request(agent: http.Agent, url: string, init: { method?: string; cookie: string; body?: string; origin: string }): Promise<Reply> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: init.method ?? "GET",
        headers: {
          cookie: init.cookie,
          origin: init.origin,
          ...(init.body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(init.body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - began, fast: /fast path/.test(String(res.headers["server-timing"] ?? "")) }));
        res.on("error", reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error("timed out after 60 s")));
    req.on("error", reject);
    req.end(init.body);
  });
}

/** `savedAt`: when each save was answered (performance.now()), for rates over parts of the run. */
export type WriteResult = { saves: number; fastSaves: number; errors: number; conflicts: number; latencies: number[]; savedAt: number[]; seconds: number; firstError?: string };

const SENTENCES = [" Yet the Depression alone does not explain the timing.", " Hindenburg's circle mattered more than any election.", " Propaganda amplified what unemployment had begun."];

/**
 * `tokens.length` writers, each saving its own draft for `seconds`: every save appends a
 * sentence to the essay and carries the revision the last answer gave (or the one a 409 names).
 */
export async function runWriters(opts: { origin: string; assignmentId: string; tokens: string[]; text: string; seconds: number; cookieName: string }): Promise<WriteResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.tokens.length });
  const url = `${opts.origin}/api/assignments/${opts.assignmentId}/draft`;
  const latencies: number[] = [];
  const savedAt: number[] = [];
  let saves = 0, fastSaves = 0, errors = 0, conflicts = 0;
  let firstError: string | undefined;
  const began = performance.now();
  const end = began + opts.seconds * 1000;
  const writer = async (token: string, w: number) => {
    let revision = 0; // the bench's drafts start at revision 0
    let text = opts.text;
    for (let i = 0; performance.now() < end; i++) {
      text = text.length > 60_000 ? opts.text : text + SENTENCES[(i + w) % SENTENCES.length];
      try {
        const reply = await request(agent, url, { method: "PUT", cookie: `${opts.cookieName}=${token}`, origin: opts.origin, body: JSON.stringify({ text, baseRevision: revision }) });
        const body = JSON.parse(reply.body || "{}") as { revision?: number; current?: { revision?: number }; error?: string };
        if (reply.status === 200 && typeof body.revision === "number") {
          revision = body.revision;
          saves++;
          if (reply.fast) fastSaves++;
          latencies.push(reply.ms);
          savedAt.push(performance.now());
        } else if (reply.status === 409 && typeof body.current?.revision === "number") {
          // Each writer owns its draft, so a conflict is a server fault: counted, then carried on from.
          conflicts++;
          firstError ??= `409 ${reply.body.slice(0, 200)}`;
          revision = body.current.revision;
        } else {
          errors++;
          firstError ??= `${reply.status} ${reply.body.slice(0, 200)}`;
        }
      } catch (e) {
        errors++;
        firstError ??= String(e);
      }
    }
  };
  await Promise.all(opts.tokens.map((t, w) => writer(t, w)));
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  return { saves, fastSaves, errors, conflicts, latencies, savedAt, seconds, firstError };
}

/** Fetches `url` again and again until `signal` fires (a teacher reloading a board). */
export async function reloadLoop(origin: string, url: string, cookie: string, signal: AbortSignal): Promise<{ loads: number; latencies: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let errors = 0;
  while (!signal.aborted) {
    try {
      const reply = await request(agent, url, { cookie, origin });
      if (reply.status === 200) latencies.push(reply.ms);
      else errors++;
    } catch {
      errors++;
    }
  }
  agent.destroy();
  return { loads: latencies.length, latencies, errors };
}

/** `times` sequential GETs of a page after one warm-up: latencies and the HTML size. */
export async function timePage(url: string, cookie: string, origin: string, times: number): Promise<{ latencies: number[]; bytes: number; status: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const warm = await request(agent, url, { cookie, origin });
  const latencies: number[] = [];
  for (let i = 0; i < times && warm.status === 200; i++) latencies.push((await request(agent, url, { cookie, origin })).ms);
  agent.destroy();
  return { latencies, bytes: Buffer.byteLength(warm.body), status: warm.status };
}
