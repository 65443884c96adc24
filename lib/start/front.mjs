// The front process of `npm start` on several cores (docs/decisions/038-front-process.md).
// Plain JavaScript because scripts/serve.mjs runs it without a build step.
//
// The front owns the public port. It answers the draft autosave itself when the fast path
// can (decision 020) and hands every other request to one of the page workers (Next) over a
// keep-alive loopback connection: the page streams back as Next writes it, and a client that
// goes away ends the worker's request too. So a board being rendered on a worker never stalls
// a save, which runs here, and the workers can be given a lower OS priority than this process.
//
// The workers cannot see the client's socket, so the front stamps each request with it in
// SOCKET_HEADER, keyed by a secret it shares only with its workers (lib/auth/client-address.ts
// keeps a stamp only when it carries that key; anything a client sent there is dropped here).
import http from "node:http";
import { pipeline } from "node:stream";

/** How long a page worker keeps an idle connection from the front (its server's keepAliveTimeout). */
export const WORKER_KEEP_ALIVE_MS = 65_000;
const AGENT_IDLE_MS = 30_000;

/** lib/auth/client-address.ts's SOCKET_HEADER (not imported: that file is TypeScript). */
export const SOCKET_HEADER = "x-extent-socket";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not to the request: the front
// has its own connections on each side. Transfer-Encoding stays on requests (Node re-chunks
// a chunked body); on responses Node chooses the framing itself.
const REQUEST_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "upgrade", SOCKET_HEADER]);
const RESPONSE_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "transfer-encoding"]);

/**
 * A request's raw headers without hop-by-hop ones, and with `extra` appended.
 * @param {string[]} raw
 * @param {Set<string>} drop
 * @param {string[]} [extra]
 * @returns {string[]}
 */
export function forwardedHeaders(raw, drop, extra = []) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!drop.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  }
  return out.concat(extra);
}

/**
 * The page workers the front can send to. `pick` takes the one with the fewest requests in
 * flight (ties in turn), so a worker busy with a slow page gets the next ones last.
 */
export class Backends {
  /** @type {{ id: number; port: number; agent: http.Agent; active: number }[]} */
  list = [];
  turn = 0;

  /** @param {number} id @param {number} port */
  add(id, port) {
    this.remove(id);
    // An idle connection is dropped here well before the worker would drop it
    // (WORKER_KEEP_ALIVE_MS), so a request is never sent on a socket the worker is closing.
    this.list.push({ id, port, agent: new http.Agent({ keepAlive: true, timeout: AGENT_IDLE_MS }), active: 0 });
  }

  /** @param {number} id */
  remove(id) {
    const gone = this.list.filter((b) => b.id === id);
    this.list = this.list.filter((b) => b.id !== id);
    for (const b of gone) b.agent.destroy();
  }

  get size() {
    return this.list.length;
  }

  pick() {
    const n = this.list.length;
    if (n === 0) return null;
    this.turn = (this.turn + 1) % n;
    let best = this.list[this.turn];
    for (let k = 1; k < n; k++) {
      const b = this.list[(this.turn + k) % n];
      if (b.active < best.active) best = b;
    }
    return best;
  }
}

/**
 * The request listener that sends a request to a worker and its answer back. `onAnswered`
 * is called each time a worker's answer has been passed on in full.
 * @param {{ backends: Backends; stampKey: string; log?: (message: string, error?: unknown) => void; onAnswered?: () => void }} opts
 * @returns {(req: http.IncomingMessage, res: http.ServerResponse) => void}
 */
export function createForwarder({ backends, stampKey, log = (m, e) => console.error(m, e ?? ""), onAnswered }) {
  return (req, res) => {
    const backend = backends.pick();
    if (!backend) {
      // Between a crashed worker and its replacement, or while stopping: a designed refusal.
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2", "cache-control": "no-store" });
      res.end("The server is restarting. Try again in a moment.");
      return;
    }
    backend.active++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      backend.active--;
    };
    const stamp = `${stampKey} ${req.socket.remoteAddress ?? ""}`;
    // What Next fills in when a request has none (base-server, `??=`), from the socket it
    // would have had: the client's, and the public port.
    const extra = [SOCKET_HEADER, stamp];
    if (req.headers["x-forwarded-for"] === undefined) extra.push("X-Forwarded-For", req.socket.remoteAddress ?? "");
    if (req.headers["x-forwarded-port"] === undefined) extra.push("X-Forwarded-Port", String(req.socket.localPort ?? ""));
    const upstream = http.request({
      host: "127.0.0.1",
      port: backend.port,
      agent: backend.agent,
      method: req.method,
      path: req.url,
      headers: forwardedHeaders(req.rawHeaders, REQUEST_HOP, extra),
    });
    upstream.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedHeaders(answer.rawHeaders, RESPONSE_HOP));
      // Each chunk Next writes goes on at once; an answer cut short is cut short here too
      // (the client sees a broken response, never a complete-looking truncated one).
      pipeline(answer, res, (error) => {
        finish();
        if (error && !res.destroyed) res.destroy();
        else if (!error) onAnswered?.();
      });
    });
    upstream.on("error", (error) => {
      finish();
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      log(`[extent] front: worker ${backend.id} failed on ${req.method} ${req.url}`, error);
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "retry-after": "2", "cache-control": "no-store" });
      res.end("The server could not answer. Try again in a moment.");
    });
    // The client went away before its answer was complete: the worker's request ends too, so
    // Next stops rendering for nobody (it listens for its request's close).
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
      finish();
    });
    // Not pipeline(): a worker that fails must not take the client's socket with it, which
    // still has to carry the 502.
    req.on("error", () => upstream.destroy());
    req.pipe(upstream);
  };
}
