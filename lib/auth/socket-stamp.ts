import http from "node:http";
import { SOCKET_HEADER, socketStamp } from "./client-address";

// Installed once per server process by instrumentation.ts (see lib/auth/client-address.ts
// for why). Every HTTP request is stamped with its socket's remote address before any
// listener, Next's included, sees it; whatever a client sent in the same header is replaced.
// Patching Server.prototype.emit reaches the server Next has already created: Node delivers
// each request with server.emit("request", req, res).
const INSTALLED = Symbol.for("extent.socketStampInstalled");

export function installSocketStamp(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_HEADER] = socketStamp(req.socket?.remoteAddress ?? "");
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
