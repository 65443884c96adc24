// Types for front.mjs (plain JavaScript: scripts/serve.mjs runs it without a build step).
import type http from "node:http";

export const SOCKET_HEADER: "x-extent-socket";
export const WORKER_KEEP_ALIVE_MS: number;
export function forwardedHeaders(raw: string[], drop: Set<string>, extra?: string[]): string[];
export class Backends {
  list: { id: number; port: number; agent: http.Agent; active: number }[];
  turn: number;
  add(id: number, port: number): void;
  remove(id: number): void;
  readonly size: number;
  pick(): { id: number; port: number; agent: http.Agent; active: number } | null;
}
export function createForwarder(opts: { backends: Backends; stampKey: string; log?: (message: string, error?: unknown) => void; onAnswered?: () => void }): (req: http.IncomingMessage, res: http.ServerResponse) => void;
