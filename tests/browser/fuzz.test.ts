import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, ROLES, type Role } from "./authz-table";
import { Actor, actionManifest, actionNamed, encodeReply, pageForAction, type ActionEntry, type ActionOutcome, type Reply } from "./http";
import { buildWorld, expectDone, futureDue, type World } from "./http-world";

// Bad input against every JSON route handler and every server action the build exposes:
// malformed bodies, wrong types, huge and deep input, NUL and other non-characters, invalid
// UTF-8 and out-of-range numbers, sent by the actor each one is for. Nothing may answer 5xx
// or "something went wrong", and a malformed body must be refused and write nothing.
// About 2,500 requests; a handful in flight at a time (two cores, one database connection).

let w: World;
let asg2: string;
let revision2: string;
let actors: Record<Role, Actor>;
const templates = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  w = await buildWorld();
  actors = { anonymous: new Actor("anonymous"), studentOf: w.S1, studentElsewhere: w.S2, teacherOf: w.A, coTeacher: w.C, otherTeacher: w.B };
  // A second assignment whose draft stays open, so bad saves reach the code that writes.
  const set = expectDone(
    await w.A.action(actionNamed("setAssignmentAction"), `/classes/${w.classA}/assignments/new`, {
      classroomId: w.classA,
      questionId: w.questionId,
      rubricId: "holistic-25-five-levels",
      dueAt: futureDue(),
      wordLimit: "",
      instructions: "Open draft for the fuzz.",
    }),
    "second assignment",
  );
  asg2 = /^\/assignments\/([^/?]+)/.exec(set.redirect!)![1]!;
  const saved = await w.S1.putJson(`/api/assignments/${asg2}/draft`, { baseRevision: 0, text: "An open draft." });
  expect(saved.status, saved.text).toBe(200);
  const revisions = expectDone(await w.S1.action(actionNamed("listRevisionsAction"), `/assignments/${asg2}`, { assignmentId: asg2 }), "revisions");
  revision2 = (revisions.result!.data as { id: string }[])[0]!.id;
  // Built once, before anything is measured: some rows make a disposable target to act on.
  for (const entry of exposedActions()) templates.set(entry.exportedName, await template(entry.exportedName));
}, 240_000);

// ---- bodies ----------------------------------------------------------------------------

const INFINITY = "__fuzz_1e309__";
/** encodeReply, with a way to send 1e309 (JSON.stringify would write null). */
const encode = (value: unknown) => encodeReply(value).replaceAll(`"${INFINITY}"`, "1e309");
const encodeJson = (value: unknown) => JSON.stringify(value).replaceAll(`"${INFINITY}"`, "1e309");

const deepArray = "[".repeat(5000) + "]".repeat(5000);
const deepObject = '{"a":'.repeat(5000) + "1" + "}".repeat(5000);
const huge = "x".repeat(1_500_000);
const invalidUtf8 = (prefix: string, suffix: string) => new Blob([prefix, new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), suffix]);

/** Whole bodies that are not a well-formed call: each must be refused and change nothing. */
const ACTION_BODIES: [string, string | Blob][] = [
  ["empty body", ""],
  ["truncated array", "["],
  ["truncated object", '[null,{"a":'],
  ["null", "null"],
  ["object instead of arguments", "{}"],
  ["no arguments", "[]"],
  ["one argument", "[null]"],
  ["null input", "[null,null]"],
  ["array input", "[null,[]]"],
  ["string input", '[null,"text"]'],
  ["number input 1e309", "[null,1e309]"],
  ["arrays nested 5,000 deep", `[null,${deepArray}]`],
  ["objects nested 5,000 deep", `[null,${deepObject}]`],
  ["1.5 MB string", `[null,{"text":"${huge}"}]`],
  ["$Q0 (a Map reference)", '[null,"$Q0"]'],
  ["$@0 (a promise reference)", '[null,{"a":"$@0"}]'],
  ["$K0 (a FormData reference)", '[null,"$K0"]'],
  ["$h0 (a server reference)", '[null,"$h0"]'],
  ["$T (a temporary reference)", '[null,"$T"]'],
  ["$W0 and $D (a Set, a Date)", '[null,{"a":"$W0","b":"$Dnot-a-date"}]'],
  ["NUL and non-characters in the envelope", '[null,{"\\u0000":"\\u0000\\uffff\\ud800"}]'],
  ["invalid UTF-8", invalidUtf8('[null,{"text":"', '"}]')],
];
const JSON_BODIES: [string, string | Blob][] = [
  ["empty body", ""],
  ["truncated", '{"baseRevision":'],
  ["null", "null"],
  ["array", "[]"],
  ["string", '"text"'],
  ["number 1e309", "1e309"],
  ["arrays nested 5,000 deep", deepArray],
  ["objects nested 5,000 deep", deepObject],
  ["1.5 MB string", `{"baseRevision":0,"text":"${huge}"}`],
  ["invalid UTF-8", invalidUtf8('{"baseRevision":0,"text":"', '"}')],
  ["NUL key", '{"\\u0000":1}'],
];

/** Values put in one field of an otherwise valid input. */
const hostile = (base: unknown): [string, unknown][] => [
  ["null", null],
  ["boolean", true],
  ["number", 0],
  ["empty string", ""],
  ["array", []],
  ["object", {}],
  ["NUL", typeof base === "string" ? `${base}\u0000` : "a\u0000b"],
  ["non-characters", typeof base === "string" ? `${base}\uFFFE\uFFFF` : "\uFFFE\uFFFF"],
  ["lone surrogate", "\uD800x"],
  ["2^31", 2 ** 31],
  ["-1", -1],
  ["1.5", 1.5],
  ["1e309", INFINITY],
  ["'NaN'", "NaN"],
  ["100,000 characters", "y".repeat(100_000)],
];

// ---- checks ----------------------------------------------------------------------------

let requests = 0;

/** 5xx, "something went wrong", or an error row in a 200 Flight response: the server did not handle it. */
function unhandled(r: Reply & { result?: ActionOutcome["result"] }): string | undefined {
  if (r.status >= 500) return `answered ${r.status}`;
  if (/something went wrong/i.test(r.text)) return `${r.status} saying "something went wrong"`;
  const errorRow = /^[0-9a-f]+:E\{.*$/m.exec(r.text);
  if (errorRow) return `${r.status} carrying an error row ${errorRow[0].slice(0, 160)}`;
  return undefined;
}

/** A malformed body must be refused: a 4xx, or an action result that is not ok. */
function refused(r: ActionOutcome): boolean {
  if (r.status >= 400 && r.status < 500) return true;
  return r.status === 200 && r.result?.ok === false && !r.redirect;
}

async function inPool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

/** The role whose call gets past the access check, so the fuzz reaches the schema and the handler. */
function permitted(name: string): Role {
  const row = ACTIONS[name]!;
  const expected = typeof row.expect === "function" ? row.expect("after feedback") : row.expect;
  // Sign-in, sign-up and sign-out are for anyone; signed in, they could end or replace the fuzzing session.
  if (expected.anonymous === "allow") return "anonymous";
  return (["teacherOf", "studentOf", "studentElsewhere", "otherTeacher"] as const).find((r) => expected[r] === "allow") ?? "anonymous";
}

/** Anonymous calls each get a fresh actor, so a cookie one of them is given never carries over. */
const as = (role: Role) => (role === "anonymous" ? new Actor("anonymous") : actors[role]);

async function template(name: string): Promise<Record<string, unknown>> {
  const input = (await ACTIONS[name]!.input(w, permitted(name), "before feedback")) as Record<string, unknown>;
  // The matrix's sign-up row leaves out the role to stay off the sign-up allowance; here each
  // bad field should reach the code behind the schema (an existing address: nobody is created).
  if (name === "signUpAction") input.role = "STUDENT";
  // The student's open draft, so bad input reaches the code that would save it; stale
  // revisions, so a valid-looking call cannot hand it in or restore over it.
  if ("assignmentId" in input && permitted(name) === "studentOf") {
    input.assignmentId = asg2;
    if ("revisionId" in input) input.revisionId = revision2;
    if ("baseRevision" in input) input.baseRevision = 999;
  }
  return input;
}

function exposedActions(): ActionEntry[] {
  return actionManifest().filter((a) => a.exportedName in ACTIONS);
}

// The page the call comes from, as in the app: the student's open draft, or the teacher's marking
// of the handed-in essay (an action that revalidates renders this page into its answer).
/** Actions whose input is an empty object: no field to make hostile, no body to refuse. */
const TAKES_NO_FIELDS = new Set(["signOutAction", "startTwoFactorAction", "requestMyExportAction", "markAllReadAction"]);

const pageParams = (name: string) => ({
  classroomId: w.classA,
  assignmentId: permitted(name) === "studentOf" ? asg2 : w.assignmentId,
  studentId: w.S1.id,
  questionId: w.questionId,
  topicId: w.topicId,
  token: "T".repeat(43),
  // No actor administers a school (decision 033): the sign-in settings action is refused as not found.
  schoolId: "fuzz-school",
  // Nobody here launched from an LMS (decision 036): the Deep Linking choice is refused as not found.
  requestId: "fuzz-request",
});

/** What the app shows of its stored state, for "nothing was written". */
async function observableState() {
  const ids = (html: string, re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]))].sort();
  const A = w.A;
  const revisions = await w.S1.action(actionNamed("listRevisionsAction"), `/assignments/${asg2}`, { assignmentId: asg2 });
  return {
    topics: ids((await A.get("/topics")).text, /\/topics\/([A-Za-z0-9_-]{10,})/g),
    questions: ids((await A.get("/questions")).text, /\/questions\/([A-Za-z0-9_-]{10,})/g),
    classesA: ids((await A.get("/dashboard")).text, /\/classes\/([A-Za-z0-9_-]{10,})/g),
    classesB: ids((await w.B.get("/dashboard")).text, /\/classes\/([A-Za-z0-9_-]{10,})/g),
    assignments: ids((await A.get(`/classes/${w.classA}`)).text, /\/assignments\/([A-Za-z0-9_-]{10,})/g),
    students: ids((await A.get(`/classes/${w.classA}`)).text, /studentId\\?":\\?"([A-Za-z0-9_-]+)/g),
    invitations: ids((await A.get(`/classes/${w.classA}/roster`)).text, /invitationId\\?":\\?"([A-Za-z0-9_-]+)/g),
    annotations: ids((await A.get(`/assignments/${w.assignmentId}/students/${w.S1.id}/mark`)).text, /"id\\?":\\?"([A-Za-z0-9_-]+)\\?",\\?"kind/g),
    studentClasses: ids((await w.S1.get("/dashboard")).text, /\/assignments\/([A-Za-z0-9_-]{10,})/g),
    revisions: JSON.stringify(revisions.result),
  };
}

describe("fuzz", () => {
  it("malformed bodies to every server action and JSON route are refused without a 5xx, and write nothing", async () => {
    const failures: string[] = [];
    const before = await observableState();
    const cases: (() => Promise<void>)[] = [];
    for (const entry of exposedActions()) {
      const name = entry.exportedName;
      const role = permitted(name);
      const page = pageForAction(entry, pageParams(name));
      // Sent by the actor the action is for, and the few most damaging by everyone else too.
      for (const r of ROLES) {
        const bodies = r === role ? ACTION_BODIES : ACTION_BODIES.filter(([label]) => /empty|null input|objects nested|\$Q0/.test(label));
        if (name === "signOutAction" && r !== "anonymous") continue;
        for (const [label, body] of bodies) {
          // Sign-out and starting two-factor set-up take no fields, so any object (junk keys, an
          // unresolvable reference) is a valid call to them.
          const mustRefuse = !TAKES_NO_FIELDS.has(name);
          cases.push(async () => {
            const out = await as(r).action(entry, page, undefined, { body });
            requests++;
            const problem = unhandled(out) ?? (refused(out) || !mustRefuse ? undefined : `not refused (${out.status}, ${out.redirect ?? JSON.stringify(out.result)?.slice(0, 120)})`);
            if (problem) failures.push(`action ${name} × ${r}, ${label}: ${problem}`);
          });
        }
      }
      // A call from another site, with a valid body, must be refused as such.
      cases.push(async () => {
        const out = await as(role).action(entry, page, templates.get(name), { headers: { origin: "http://evil.example" } });
        requests++;
        const problem = unhandled(out) ?? (out.status >= 400 && out.status < 500 ? undefined : `cross-origin call answered ${out.status}`);
        if (problem) failures.push(`action ${name}, cross-origin: ${problem}`);
      });
    }
    for (const route of ["draft", "plan"]) {
      for (const r of ["studentOf", "teacherOf"] as const) {
        for (const [label, body] of JSON_BODIES) {
          cases.push(async () => {
            const reply = await actors[r].request("PUT", `/api/assignments/${asg2}/${route}`, { body, headers: { "content-type": "application/json" } });
            requests++;
            const problem = unhandled(reply) ?? (reply.status >= 400 && reply.status < 500 ? undefined : `not refused (${reply.status})`);
            if (problem) failures.push(`PUT /api/assignments/[id]/${route} × ${r}, ${label}: ${problem}`);
          });
        }
      }
      for (const [label, id] of [["NUL id", "%00"], ["long id", "z".repeat(5000)], ["encoded slash", "..%2F..%2Fapi"], ["non-character id", "%EF%BF%BF"], ["invalid UTF-8 id", "%FF%FE"]]) {
        cases.push(async () => {
          const reply = await w.S1.putJson(`/api/assignments/${id}/${route}`, { baseRevision: 0, text: "x", plan: {} });
          requests++;
          const problem = unhandled(reply) ?? (reply.status >= 400 && reply.status < 500 ? undefined : `not refused (${reply.status})`);
          if (problem) failures.push(`PUT /api/assignments/${label}/${route}: ${problem}`);
        });
      }
    }
    // The RFC 8058 one-click unsubscribe (decision 047): anyone may post anything to it, from
    // anywhere, signed in or not. A token that is not one of ours is a 400, never a 5xx.
    const tokens: [string, string][] = [
      ["no token", ""],
      ["empty token", "?token="],
      ["NUL", "?token=%00"],
      ["invalid UTF-8", "?token=%FF%FE"],
      ["non-characters", "?token=%EF%BF%BF.%EF%BF%BE"],
      ["5,000 characters", `?token=${"a".repeat(5000)}`],
      ["three parts", "?token=a.b.c"],
      ["repeated", "?token=a.b&token=c.d"],
      ["made-up signature", `?token=${Buffer.from(`${w.S1.id}:DUE_SOON`).toString("base64url")}.${"A".repeat(43)}`],
      ["a kind that does not exist", `?token=${Buffer.from(`${w.S1.id}:NOPE`).toString("base64url")}.${"A".repeat(43)}`],
    ];
    const oneClickBodies: [string, BodyInit, string][] = [
      ["the RFC 8058 body", "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded"],
      ["multipart", "--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n", "multipart/form-data; boundary=x"],
      ["a broken multipart body", "--x\r\nbroken", "multipart/form-data; boundary=x"],
      ["JSON", "{}", "application/json"],
      ["1.5 MB", huge, "application/x-www-form-urlencoded"],
      ["invalid UTF-8", invalidUtf8("List-Unsubscribe=", "") as unknown as BodyInit, "application/x-www-form-urlencoded"],
    ];
    for (const [label, query] of tokens) {
      for (const [bodyLabel, body, type] of oneClickBodies) {
        cases.push(async () => {
          const reply = await actors.studentOf.request("POST", `/api/unsubscribe${query}`, { body, headers: { "content-type": type, origin: "https://mail.example" } });
          requests++;
          const problem = unhandled(reply) ?? (reply.status === 400 ? undefined : `answered ${reply.status}, not 400`);
          if (problem) failures.push(`POST /api/unsubscribe, ${label}, ${bodyLabel}: ${problem}`);
        });
      }
      cases.push(async () => {
        const reply = await new Actor("anonymous").request("GET", `/api/unsubscribe${query}`);
        const page = await new Actor("anonymous").request("GET", `/unsubscribe${query}`);
        requests += 2;
        const problem = unhandled(reply) ?? unhandled(page) ?? (reply.status === 303 && page.status === 200 ? undefined : `GET answered ${reply.status}, the page ${page.status}`);
        if (problem) failures.push(`GET /api/unsubscribe and /unsubscribe, ${label}: ${problem}`);
      });
    }
    await inPool(cases, 3, (c) => c());
    expect.soft(await observableState(), "what the app shows after the malformed requests").toEqual(before);
    report(failures);
  }, 300_000);

  it("a hostile value in any one field of a valid input never gets a 5xx or 'something went wrong'", async () => {
    const failures: string[] = [];
    const cases: (() => Promise<void>)[] = [];
    for (const entry of exposedActions()) {
      const name = entry.exportedName;
      if (TAKES_NO_FIELDS.has(name)) continue;
      const role = permitted(name);
      const page = pageForAction(entry, pageParams(name));
      const base = templates.get(name)!;
      for (const field of Object.keys(base)) {
        for (const [label, value] of hostile(base[field])) {
          cases.push(async () => {
            const out = await as(role).action(entry, page, undefined, { body: encode([null, { ...base, [field]: value }]) });
            requests++;
            const problem = unhandled(out);
            if (problem) failures.push(`action ${name}.${field} = ${label}: ${problem}${out.result?.formError ? ` ("${out.result.formError}")` : ""}`);
          });
        }
      }
    }
    const plan = { factors: [{ id: "f1", name: "Economy", kind: "stated", evidence: [{ id: "e1", text: "Grain", source: { kind: "own" } }], argumentFor: "", argumentAgainst: "", weight: 3, miniJudgement: "" }], criteria: [], customCriteria: [], judgement: { position: 50, argument: "" } };
    const routeBodies: [string, Record<string, unknown>, (v: unknown) => Record<string, unknown>][] = [
      ["draft.baseRevision", { text: "Fuzzed." }, (v) => ({ baseRevision: v, text: "Fuzzed." })],
      ["draft.text", {}, (v) => ({ baseRevision: 9999, text: v })],
      ["draft.checkpoint", {}, (v) => ({ baseRevision: 9999, text: "Fuzzed.", checkpoint: v })],
      ["plan.baseRevision", {}, (v) => ({ baseRevision: v, plan })],
      ["plan.factors[0].name", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, factors: [{ ...plan.factors[0], name: v }] } })],
      ["plan.factors[0].weight", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, factors: [{ ...plan.factors[0], weight: v }] } })],
      ["plan.factors[0].id", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, factors: [{ ...plan.factors[0], id: v }] } })],
      ["plan.factors[0].evidence[0].text", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, factors: [{ ...plan.factors[0], evidence: [{ ...plan.factors[0]!.evidence[0], text: v }] }] } })],
      ["plan.judgement.position", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, judgement: { position: v, argument: "" } } })],
      ["plan.judgement.argument", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, judgement: { position: 50, argument: v } } })],
      ["plan.customCriteria", {}, (v) => ({ baseRevision: 9999, plan: { ...plan, customCriteria: [v] } })],
    ];
    for (const [label, , make] of routeBodies) {
      const route = label.startsWith("draft") ? "draft" : "plan";
      for (const [vLabel, value] of hostile("Fuzzed.")) {
        cases.push(async () => {
          const reply = await w.S1.request("PUT", `/api/assignments/${asg2}/${route}`, { body: encodeJson(make(value)), headers: { "content-type": "application/json" } });
          requests++;
          const problem = unhandled(reply);
          if (problem) failures.push(`PUT ${label} = ${vLabel}: ${problem} ${reply.text.slice(0, 120)}`);
        });
      }
    }
    await inPool(cases, 3, (c) => c());

    // And the app still works for the student afterwards: the page renders and a normal save lands.
    const page = await w.S1.get(`/assignments/${asg2}`);
    expect.soft(page.status, "the student's page after the fuzz").toBe(200);
    const stale = await w.S1.putJson(`/api/assignments/${asg2}/draft`, { baseRevision: 999_999, text: "After the fuzz." });
    const current = stale.status === 409 ? (JSON.parse(stale.text) as { current: { revision: number } }).current.revision : undefined;
    expect.soft(stale.status, stale.text.slice(0, 300)).toBe(409);
    const save = await w.S1.putJson(`/api/assignments/${asg2}/draft`, { baseRevision: current, text: "After the fuzz." });
    expect.soft(save.status, save.text.slice(0, 300)).toBe(200);
    report(failures);
  }, 300_000);
});

function report(failures: string[]) {
  expect(failures, `${failures.length} of ${requests} requests so far failed:\n${failures.join("\n")}`).toEqual([]);
}
