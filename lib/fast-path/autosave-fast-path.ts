import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_TOKEN_LENGTH, RENEW_AFTER_MS, SESSION_COOKIE, sessionTokenHash } from "../auth/session-token";
import { SaveDraftSchema } from "../drafts/schemas";
import { countWords } from "../drafts/word-count";
import { draftCasStatement, type DraftCasRow } from "../drafts/internal/draft-cas-sql";
import { THIN_HISTORY_SQL } from "../drafts/internal/thin-history-sql";
import { THIN_AFTER_MS } from "../drafts/history-policy";
import { MAX_JSON_BODY } from "../actions/json-route-limits";
import { newId } from "../new-id";
import { newNonce } from "../security/csp";
import { securityHeaders } from "../security/headers";

// The draft autosave's fast path (docs/decisions/020-autosave-fast-path.md). It runs in the
// server process ahead of Next (scripts/serve.mjs) and answers only the one request that a
// deadline night is made of: a well-formed PUT /api/assignments/:id/draft from a signed-in
// student whose session needs no renewal, saved by ONE statement that checks the session,
// the student's enrolment, the assignment, the draft's state and the base revision together
// (lib/drafts/internal/draft-cas-sql.ts, the same SQL the route runs). Everything else — no
// cookie, a body that does not parse or validate, paste sizes to store, a refused or stale
// save, a session to renew, any database error — is handed to Next untouched (with the body
// it has read), where app/api/assignments/[assignmentId]/draft/route.ts answers it exactly as
// before. So the fast path can only ever say "saved"; every refusal and message stays in the
// one guarded route.

export type Query = (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
export type FastPathOptions = { query: Query; sessionSecret: string; appOrigin: string; now?: () => Date; log?: (message: string, error: unknown) => void };
/** Handled (answered here), or not: then `body` holds what was read, to hand on with the request. */
export type Outcome = { handled: true } | { handled: false; body?: Buffer };

const DRAFT_PATH = /^\/api\/assignments\/([A-Za-z0-9_-]{1,64})\/draft$/;
const PASS: Outcome = { handled: false };

/** The session token from a Cookie header, as Next reads it, or null when there is none we can take as is. */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Our tokens are base64url; anything else (quoted, encoded, overlong) is Next's to read.
    return value.length > 0 && value.length <= MAX_TOKEN_LENGTH && /^[A-Za-z0-9_-]+$/.test(value) ? value : null;
  }
  return null;
}

function readBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks, length)));
    req.on("error", reject);
  });
}

export function createAutosaveFastPath(opts: FastPathOptions) {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((message, error) => console.error(message, error));

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<Outcome> {
    if (req.method !== "PUT" || !req.url) return PASS;
    const match = DRAFT_PATH.exec(req.url);
    if (!match) return PASS;
    const token = sessionTokenOf(req.headers.cookie);
    // Only a declared length within the limit is read here; chunked or large bodies go to Next.
    const length = Number(req.headers["content-length"]);
    if (!token || !Number.isInteger(length) || length <= 0 || length > MAX_JSON_BODY) return PASS;

    const body = await readBody(req, length);
    let input;
    try {
      const json: unknown = JSON.parse(body.toString("utf8"));
      if (typeof json !== "object" || json === null || Array.isArray(json)) return { handled: false, body };
      const parsed = SaveDraftSchema.safeParse({ ...json, assignmentId: match[1] });
      if (!parsed.success) return { handled: false, body };
      input = parsed.data;
    } catch {
      return { handled: false, body };
    }
    // Paste sizes are stored by a second statement the route makes: rare, so left to it.
    if (input.pastes?.length) return { handled: false, body };

    const at = now();
    const wordCount = countWords(input.text);
    const statement = draftCasStatement(
      { assignmentId: input.assignmentId, baseRevision: input.baseRevision, text: input.text, wordCount, now: at, checkpoint: input.checkpoint, entryId: newId() },
      { tokenHash: sessionTokenHash(opts.sessionSecret, token), validAfter: new Date(at.getTime() + RENEW_AFTER_MS) },
    );
    let row: DraftCasRow | undefined;
    try {
      row = (await opts.query(statement.text, statement.values)).rows[0] as DraftCasRow | undefined;
    } catch (e) {
      // Saved or not, the route finds out: a save that landed is answered "saved" there
      // (same text at the newer revision), one that did not is made again.
      log("[extent] autosave fast path: the save failed; handing it to the route", e);
      return { handled: false, body };
    }
    if (!row) return { handled: false, body };

    if (row.started > 0) {
      // History grew, so it is thinned, as the route does. A failure here loses nothing (the
      // next entry thins again), so the student still hears "saved".
      await opts.query(THIN_HISTORY_SQL, [row.draftId, new Date(at.getTime() - THIN_AFTER_MS).toISOString()]).catch((e: unknown) => log("[extent] autosave fast path: thinning history failed", e));
    }
    const payload = JSON.stringify({ revision: row.revision, savedAt: at.toISOString(), wordCount });
    const headers = securityHeaders({ nonce: newNonce(), appOrigin: opts.appOrigin });
    // Server-Timing names who answered, for the browser's network panel and the bench.
    res.writeHead(200, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(payload), "server-timing": 'autosave;desc="fast path"' });
    res.end(payload);
    return { handled: true };
  };
}
