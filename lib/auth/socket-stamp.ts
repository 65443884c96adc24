import http from "node:http";
import { behindFront, readSocketStamp, SOCKET_HEADER, socketStamp } from "./client-address";

// Installed once per server process by instrumentation.ts (see lib/auth/client-address.ts
// for why). Every HTTP request is stamped with its socket's remote address before any
// listener, Next's included, sees it; whatever a client sent in the same header is replaced.
// Patching Server.prototype.emit reaches the server Next has already created: Node delivers
// each request with server.emit("request", req, res).
//
// A page worker behind the front process (decision 038) keeps the front's stamp, which names
// the client's socket and carries the key only the two share; any other value is replaced by
// the worker's own socket address (the front's, 127.0.0.1), as everywhere else.
const INSTALLED = Symbol.for("extent.socketStampInstalled");

export function installSocketStamp(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const front = behindFront();
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const given = req.headers[SOCKET_HEADER];
      if (!(front && typeof given === "string" && readSocketStamp(given) !== null)) req.headers[SOCKET_HEADER] = socketStamp(req.socket?.remoteAddress ?? "");
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
