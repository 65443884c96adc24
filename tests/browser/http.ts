import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { baseURL } from "./browser";

// Plain-HTTP access to the running app for the authorization matrix and the fuzz test: no
// browser, one cookie per actor, and server actions called the way Next's client calls them
// (POST to a page with a `Next-Action` header and a React "reply" body).

const root = path.resolve(import.meta.dirname, "../..");

/** The build the app under test serves (`npm start` builds into the checkout's .next). */
export const nextDir = () => path.join(root, ".next");

export type ActionEntry = { id: string; exportedName: string; filename: string; workers: string[] };

/** Every server action the build exposes: Next lists only the ones a client component references, and no other can be called. */
export function actionManifest(): ActionEntry[] {
  const manifest = JSON.parse(readFileSync(path.join(nextDir(), "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({ id, exportedName: v.exportedName, filename: v.filename, workers: Object.keys(v.workers) }));
}

/** App Router entries: `/classes/[classroomId]/page` → `/classes/[classroomId]`, split into pages and route handlers. */
export function routeManifest(): { pages: string[]; routes: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(nextDir(), "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const pages: string[] = [];
  const routes: string[] = [];
  for (const [entry, route] of Object.entries(manifest)) (entry.endsWith("/route") ? routes : pages).push(route);
  return { pages: pages.sort(), routes: routes.sort() };
}

/** Fills `[param]` segments from a map; a missing value is an error in the test, not a request. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${pattern}`);
    return encodeURIComponent(value);
  });
}

export type Reply = { status: number; headers: Headers; text: string };

export type ActionOutcome = Reply & {
  /** The decoded ActionResult, when the action returned one. */
  result?: { ok: boolean; formError?: string; data?: unknown; fieldErrors?: unknown };
  /** `x-action-redirect`: the action finished by redirecting. */
  redirect?: string;
};

export class Actor {
  cookie: string | undefined;
  constructor(readonly label: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
  }

  private keepCookie(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, value] = pair!.split("=");
      if (name !== "extent_session") continue;
      // An expired or emptied cookie is the server signing this actor out.
      this.cookie = value && !/expires=Thu, 01 Jan 1970/i.test(line) && !/max-age=0/i.test(line) ? `${name}=${value}` : undefined;
    }
  }

  async request(method: string, url: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Reply> {
    const res = await fetch(new URL(url, baseURL()), { method, redirect: "manual", headers: this.headers(init.headers), body: init.body });
    this.keepCookie(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  get(url: string) {
    return this.request("GET", url);
  }

  putJson(url: string, body: unknown) {
    return this.request("PUT", url, { body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
  }

  /** Calls a server action as Next's client does for `action(prev, input)`; `body` overrides the encoded arguments. */
  async action(entry: ActionEntry, page: string, input: unknown, opts: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<ActionOutcome> {
    const reply = await this.request("POST", page, {
      body: opts.body ?? encodeReply([null, input]),
      headers: {
        accept: "text/x-component",
        "next-action": entry.id,
        origin: new URL(baseURL()).origin,
        "content-type": "text/plain;charset=UTF-8",
        ...opts.headers,
      },
    });
    const redirect = reply.headers.get("x-action-redirect")?.split(";")[0];
    return { ...reply, result: decodeActionResult(reply.text), ...(redirect ? { redirect } : {}) };
  }
}

// React's encodeReply for JSON-like values: a string that starts with "$" is escaped as "$$"
// (otherwise it would be read as a reference), undefined is "$undefined".
export function encodeReply(value: unknown): string {
  return JSON.stringify(value, function (key, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw === undefined) return "$undefined";
    if (typeof v === "string" && v.startsWith("$")) return `$${v}`;
    return v;
  });
}

/**
 * The ActionResult in a Flight response: row 0 is `{"a":"$@<row>",…}` and that row holds the
 * value. Only what the tests read (ok, formError, data) needs to survive the plain JSON parse.
 */
export function decodeActionResult(flight: string): ActionOutcome["result"] {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const head = rows.get("0");
  if (!head?.startsWith("{")) return undefined;
  let ref: unknown;
  try {
    ref = (JSON.parse(head) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  if (typeof ref !== "string" || !ref.startsWith("$@")) return undefined;
  const row = rows.get(ref.slice(2));
  if (!row?.startsWith("{")) return undefined;
  try {
    return JSON.parse(row) as ActionOutcome["result"];
  } catch {
    return undefined;
  }
}

export const marker = (label: string) => `${label}-${randomBytes(5).toString("hex")}`;

/** A password no policy should refuse: long, not common, not the email. */
export const strongPassword = () => `orchid ${randomBytes(6).toString("hex")} lantern`;

/** Signs up through the sign-up action, keeping the session cookie. */
export async function signUpActor(label: string, role: "TEACHER" | "STUDENT", name: string): Promise<Actor & { email: string; password: string; userName: string }> {
  const actor = new Actor(label);
  const email = `${label.toLowerCase().replace(/[^a-z0-9]/g, "")}-${randomBytes(4).toString("hex")}@example.test`;
  const password = strongPassword();
  const signUp = actionNamed("signUpAction");
  const out = await actor.action(signUp, "/sign-up", { name, email, password, role });
  if (!actor.cookie) throw new Error(`Sign-up for ${label} did not start a session (${out.status}): ${out.result?.formError ?? out.text.slice(0, 300)}`);
  return Object.assign(actor, { email, password, userName: name });
}

export function actionNamed(name: string): ActionEntry {
  const found = actionManifest().find((a) => a.exportedName === name);
  if (!found) throw new Error(`The build has no server action named ${name}`);
  return found;
}

/** The page an action is posted to: one of the pages that reference it (Next forwards otherwise). */
export function pageForAction(entry: ActionEntry, params: Record<string, string>): string {
  const workers = entry.workers.filter((w) => !w.startsWith("app/_"));
  const preferred = workers.includes("app/page") ? "app/page" : workers[0];
  if (!preferred) return "/";
  const pattern = preferred.replace(/^app/, "").replace(/\/page$/, "") || "/";
  return fillPattern(pattern, params);
}
