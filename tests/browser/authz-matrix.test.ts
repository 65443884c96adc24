import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, NOT_EXPOSED, PAGES, ROLES, ROUTES, type Phase, type Role, type RouteExpect } from "./authz-table";
import { Actor, actionManifest, fillPattern, pageForAction, routeManifest, type ActionOutcome, type Reply } from "./http";
import { buildWorld, join, joinCodeOf, returnFeedback, type World } from "./http-world";
import { baseURL } from "./browser";

// Every page, route handler and server action the build exposes, tried over HTTP by six
// actors (signed out, a student of the class, a student of another class, the class's
// owner, its co-teacher, another teacher), before and after the teacher returns feedback. Each answer is
// checked against authz-table.ts, and no answer may carry a marker of data the actor must
// not see. All failing cells are listed together, so one run shows the whole picture.

const root = path.resolve(import.meta.dirname, "../..");
// Permitted actors go last, so a refused call can never act on what an allowed one changed.
const ACTION_ORDER: Role[] = ["anonymous", "studentElsewhere", "otherTeacher", "studentOf", "coTeacher", "teacherOf"];

let w: World;
let actors: Record<Role, Actor>;

beforeAll(async () => {
  w = await buildWorld();
  actors = { anonymous: new Actor("anonymous"), studentOf: w.S1, studentElsewhere: w.S2, teacherOf: w.A, coTeacher: w.C, otherTeacher: w.B };
}, 240_000);

/** Markers of data each actor must never receive; before feedback is returned, the student does not see the marking either. */
function forbiddenMarkers(role: Role, phase: Phase): string[] {
  const m = w.m;
  const classA = [m.classA, m.topic, m.question, m.instructions, m.essay, m.comment, m.summary, m.nameS1];
  switch (role) {
    case "anonymous":
      return [...classA, m.classB, m.nameS2];
    case "studentElsewhere":
    case "otherTeacher":
      return classA;
    case "studentOf":
      return [m.classB, m.nameS2, ...(phase === "before feedback" ? [m.comment, m.summary] : [])];
    case "teacherOf":
    case "coTeacher":
      return [m.classB, m.nameS2];
  }
}

function leaks(role: Role, phase: Phase, reply: Reply): string[] {
  const seen = forbiddenMarkers(role, phase).filter((mk) => reply.text.includes(mk) || [...reply.headers.values()].some((v) => v.includes(mk)));
  return seen.length ? [`LEAK of ${seen.join(", ")}`] : [];
}

// The co-teaching link's token is well-formed and opens nothing: every signed-in account gets the same page.
const params = () => ({
  classroomId: w.classA,
  assignmentId: w.assignmentId,
  studentId: w.S1.id,
  questionId: w.questionId,
  topicId: w.topicId,
  token: "T".repeat(43),
  schoolId: "matrix-school",
  provider: "oidc",
  requestId: "matrix-request",
  notificationId: "matrix-notification",
  mailId: "matrix-mail",
});

function pageOutcome(r: Reply): string {
  if (r.status === 200) return "ok";
  if (r.status === 404) return "notfound";
  if (r.status === 403) return "deny";
  if (r.status >= 300 && r.status < 400) {
    const to = new URL(r.headers.get("location") ?? "", baseURL());
    if (to.origin !== new URL(baseURL()).origin) return `redirect off-site to ${to.href}`;
    if (to.pathname === "/sign-in") return "signin";
    if (to.pathname === "/dashboard") return to.searchParams.get("denied") ? "deny" : "home";
    return `redirect to ${to.pathname}`;
  }
  return `status ${r.status}`;
}

function routeOutcome(r: Reply, expected: RouteExpect): string {
  if (r.status >= 500) return `error ${r.status}`;
  if (r.status === 401) return "signin";
  if (r.status === 403 || r.status === 404) return "deny";
  if (r.status === 400) return expected === "invalid" ? "invalid" : `invalid (400: ${r.text.slice(0, 120)})`;
  if ((r.status >= 200 && r.status < 300) || [409, 422, 423].includes(r.status)) return "done";
  if (r.status >= 300 && r.status < 400) return "redirect";
  return `status ${r.status}`;
}

const DENIAL = /session has ended|please sign in|only for (teachers|students)|could not be found|don't have permission|only the class's teacher|is no longer open/i;

function actionOutcome(o: ActionOutcome): string {
  const formError = o.result?.ok === false ? o.result.formError : undefined;
  if (o.status >= 500 || /something went wrong/i.test(formError ?? "")) return `error ${o.status} ${formError ?? o.text.slice(0, 120)}`;
  if (o.redirect) return new URL(o.redirect, baseURL()).origin === new URL(baseURL()).origin ? "allow" : `redirect off-site to ${o.redirect}`;
  if (!o.result) return `no action result (${o.status}: ${o.text.slice(0, 120)})`;
  if (o.result.ok) return "allow";
  if (/fix the highlighted fields/i.test(formError ?? "")) return "invalid";
  return DENIAL.test(formError ?? "") ? "deny" : "allow";
}

/** A second session of the same user (sign-out ends the one it is called with). */
async function secondSession(role: Role): Promise<Actor> {
  const actor = new Actor(`${role} (second session)`);
  if (role === "anonymous") return actor;
  const person = actors[role] as Actor & { email: string; password: string };
  const out = await actor.action(actionManifest().find((a) => a.exportedName === "signInAction")!, "/sign-in", { email: person.email, password: person.password });
  if (!actor.cookie) throw new Error(`Could not open a second session for ${role}: ${out.result?.formError ?? out.status}`);
  return actor;
}

/** Public actions run on a copy of the actor's session, so whatever they set does not replace it. */
function copyOf(role: Role): Actor {
  const copy = new Actor(`${role} (copy)`);
  copy.cookie = actors[role].cookie;
  return copy;
}

describe("the table covers what the build exposes", () => {
  it("every page and route handler in the route manifest has a row, and every row is in the manifest", () => {
    const { pages, routes } = routeManifest();
    expect(pages, "pages in .next/app-path-routes-manifest.json vs PAGES in authz-table.ts").toEqual(Object.keys(PAGES).sort());
    const routeRows = [...new Set(Object.keys(ROUTES).map((k) => k.split(" ")[1]!))].sort();
    expect(routes, "route handlers in .next/app-path-routes-manifest.json vs ROUTES in authz-table.ts").toEqual(routeRows);
  });

  it("every server action in the server reference manifest has a row naming its file, and every row is exposed", () => {
    const exposed = actionManifest().map((a) => `${a.exportedName} (${a.filename})`).sort();
    const rows = Object.entries(ACTIONS).map(([name, row]) => `${name} (${row.file})`).sort();
    expect(exposed, ".next/server/server-reference-manifest.json vs ACTIONS in authz-table.ts").toEqual(rows);
  });

  it("every export of a \"use server\" file is either exposed (and in the table) or listed as not exposed", () => {
    const exported: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) {
          const src = readFileSync(p, "utf8");
          if (!/^\s*["']use server["']/.test(src)) continue;
          for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)) exported.push(m[1]!);
        }
      }
    };
    walk(path.join(root, "app"));
    expect(exported.filter((e) => !(e in ACTIONS) && !NOT_EXPOSED.includes(e))).toEqual([]);
    expect(NOT_EXPOSED.filter((e) => actionManifest().some((a) => a.exportedName === e))).toEqual([]);
  });

  it("every method a route handler answers has a row", async () => {
    const ghost = { ...Object.fromEntries(["classroomId", "assignmentId", "token", "requestId", "notificationId", "mailId"].map((k) => [k, "matrix-ghost-id"])), provider: "matrix-ghost-provider" };
    const answered: string[] = [];
    for (const route of routeManifest().routes) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        // On ids that do not exist, so a handler nobody listed cannot change anything.
        const r = await w.A.request(method, fillPattern(route, ghost), { body: method === "GET" ? undefined : "{}", headers: { "content-type": "application/json" } });
        if (r.status !== 405) answered.push(`${method} ${route}`);
      }
    }
    expect(answered.sort()).toEqual(Object.keys(ROUTES).sort());
  });
});

async function runPages(phase: Phase): Promise<string[]> {
  const failures: string[] = [];
  for (const [pattern, row] of Object.entries(PAGES)) {
    if (row.expect === "internal") continue;
    const url = fillPattern(pattern, params());
    for (const role of ROLES) {
      const reply = await actors[role].get(url);
      const got = pageOutcome(reply);
      const want = row.expect[role];
      const problems = leaks(role, phase, reply);
      const shown = (row.hides?.(w) ?? []).filter((mk) => reply.text.includes(mk));
      if (shown.length) problems.push(`shows ${shown.join(", ")}, which this page must never show`);
      const matches = got === want || (want === "deny" && got === "notfound");
      if (!matches) problems.push(`expected ${want}, got ${got}`);
      if (got === "ok") {
        const missing = (row.shows?.(w, role, phase) ?? []).filter((mk) => !reply.text.includes(mk));
        if (missing.length) problems.push(`does not show ${missing.join(", ")}`);
      }
      if (problems.length) failures.push(`page ${pattern} × ${role}: ${problems.join("; ")}`);
    }
  }
  return failures;
}

async function runRoutes(phase: Phase): Promise<string[]> {
  const failures: string[] = [];
  for (const [key, row] of Object.entries(ROUTES)) {
    const [method, pattern] = key.split(" ") as [string, string];
    const url = fillPattern(pattern, params());
    for (const role of ROLES) {
      const body = row.body?.(w);
      const reply = body === undefined ? await actors[role].request(method, url) : await actors[role].putJson(url, body);
      const got = routeOutcome(reply, row.expect[role]);
      const problems = leaks(role, phase, reply);
      if (got !== row.expect[role]) problems.push(`expected ${row.expect[role]}, got ${got}`);
      if (problems.length) failures.push(`route ${key} × ${role}: ${problems.join("; ")}`);
    }
  }
  return failures;
}

async function runActions(phase: Phase): Promise<string[]> {
  const failures: string[] = [];
  const manifest = new Map(actionManifest().map((a) => [a.exportedName, a]));
  for (const [name, row] of Object.entries(ACTIONS)) {
    const entry = manifest.get(name);
    if (!entry) continue; // reported by the coverage test
    const expected = typeof row.expect === "function" ? row.expect(phase) : row.expect;
    const page = pageForAction(entry, params());
    for (const role of ACTION_ORDER) {
      const input = await row.input(w, role, phase);
      const actor = row.ownSession ? await secondSession(role) : row.file === "app/auth-actions.ts" && expected[role] !== "deny" ? copyOf(role) : actors[role];
      const out = await actor.action(entry, page, input);
      const got = actionOutcome(out);
      const problems = leaks(role, phase, out);
      if (got !== expected[role]) {
        const why = out.result?.ok === false ? ` ("${out.result.formError}"${out.result.fieldErrors ? ` ${JSON.stringify(out.result.fieldErrors)}` : ""})` : "";
        problems.push(`expected ${expected[role]}, got ${got}${why}`);
      }
      if (problems.length) failures.push(`action ${name} × ${role}: ${problems.join("; ")}`);
    }
  }
  return failures;
}

const report = (failures: string[]) => expect(failures, `${failures.length} failing cells:\n${failures.join("\n")}`).toEqual([]);

describe.each(["before feedback", "after feedback"] as const)("%s", (phase) => {
  beforeAll(async () => {
    if (phase !== "after feedback") return;
    await returnFeedback(w);
    // The spare students were removed by the removeStudent row; they join again for this half.
    const code = await joinCodeOf(w.A, w.classA);
    await join(w.S3, code);
    await join(w.S4, code);
  }, 60_000);

  it("pages answer each actor as the table says and leak nothing", async () => report(await runPages(phase)), 180_000);
  it("route handlers answer each actor as the table says and leak nothing", async () => report(await runRoutes(phase)), 120_000);
  it("server actions answer each actor as the table says and leak nothing", async () => report(await runActions(phase)), 240_000);
});
