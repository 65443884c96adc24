import { IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { Outcome } from "./autosave-fast-path";

// Puts the fast path in front of Next's request listener. A request the fast path does not
// answer reaches Next as it arrived: when its body has already been read, Next gets a copy of
// the request carrying the same method, URL, headers, socket and body bytes.

type FastPath = (req: IncomingMessage, res: ServerResponse) => Promise<Outcome>;

/** A request Next can read again: the original's head, on the original's socket, with `body` as its stream. */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

export function withFastPath(fastPath: FastPath, next: RequestListener): RequestListener {
  return (req, res) => {
    fastPath(req, res).then(
      (outcome) => {
        if (outcome.handled) return;
        void next(outcome.body ? replayRequest(req, outcome.body) : req, res);
      },
      (error: unknown) => {
        // Reading the body failed (the client went away): nothing to save, nobody to answer.
        console.error("[extent] autosave fast path", error);
        if (!res.headersSent) res.destroy();
      },
    );
  };
}
