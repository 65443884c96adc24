import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { RubricSchema, type Rubric } from "./rubric-schema";

export type ParseRubricResult = { ok: true; rubric: Rubric } | { ok: false; error: string };

// Pure: the caller reads the file. Every problem is reported, one per line, as
// "<file>: <field path>: <message>", so a teacher editing JSON can go straight to the field.
export function parseRubricFile(fileName: string, text: string): ParseRubricResult {
  // Editors on Windows often save a byte-order mark, which JSON.parse rejects.
  const body = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: `${fileName}: ${describeJsonError(body, error)}` };
  }
  const parsed = RubricSchema.safeParse(data, { error: issueMessage });
  if (parsed.success) return { ok: true, rubric: parsed.data };
  const lines = parsed.error.issues.map((issue) => {
    const at = formatPath(issue.path);
    return at ? `${fileName}: ${at}: ${issue.message}` : `${fileName}: ${issue.message}`;
  });
  return { ok: false, error: lines.join("\n") };
}

// Reads every *.json in the folder, so a rubric dropped there appears without code changes.
// A broken file is reported and skipped; the others still load.
export function loadRubrics(dir = path.join(process.cwd(), "rubrics")): { rubrics: Rubric[]; errors: string[] } {
  const label = path.basename(dir);
  let names: string[];
  try {
    // Read at run time, not bundled: the folder is data a school edits (turbopackIgnore keeps
    // Next from tracing the whole project into the server build because of this call).
    names = fs.readdirSync(/*turbopackIgnore: true*/ dir).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    return { rubrics: [], errors: [`${label}: cannot read the rubrics folder (${(error as Error).message})`] };
  }
  const rubrics: Rubric[] = [];
  const errors: string[] = [];
  const fileById = new Map<string, string>();
  for (const name of names) {
    const fileName = `${label}/${name}`;
    const result = parseRubricFile(fileName, fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), "utf8"));
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const earlier = fileById.get(result.rubric.id);
    if (earlier) {
      errors.push(`${fileName}: id: "${result.rubric.id}" is already used by ${earlier}; give one of them a new id`);
      continue;
    }
    fileById.set(result.rubric.id, fileName);
    rubrics.push(result.rubric);
  }
  return { rubrics, errors };
}

// An assignment pins the exact rubric it was set with. Hashing canonical JSON (keys sorted,
// array order kept because level order means something) makes the fingerprint ignore
// formatting and key order but change with any edit to the content.
export function rubricFingerprint(rubric: Rubric): string {
  return createHash("sha256").update(canonicalJson(rubric)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function formatPath(segments: PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join("");
}

// Zod's defaults read "Invalid input: expected string, received undefined" for a missing
// field; say what a person editing the file needs to hear instead.
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required";
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (check the spelling)`;
  }
  // An enum (a rubric's shape, a plan check's id): list what is allowed beside what was found.
  if (issue.code === "invalid_value") {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}; found ${JSON.stringify(issue.input)}`;
  }
  return undefined;
}

function describeJsonError(text: string, error: unknown): string {
  // Node 20's JSON.parse gives no position for some errors ("Unexpected token '}'"), so
  // find the first offending character ourselves; fall back to Node's message.
  const offset = jsonErrorOffset(text);
  if (offset === null) return `invalid JSON: ${(error as Error).message}`;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const found = offset >= text.length ? "the file ends too soon (a missing } or ]?)" : `unexpected ${JSON.stringify(text[offset])}`;
  return `invalid JSON at line ${line}, column ${column} (position ${offset}): ${found}`;
}

// A minimal JSON recogniser that returns where parsing first fails, or null if it does not.
function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
  };
  const eat = (ch: string) => {
    skipSpace();
    if (text[i] !== ch) return false;
    i++;
    return true;
  };
  const token = (pattern: RegExp) => {
    skipSpace();
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (match) i += match[0].length;
    return match !== null;
  };
  const string = /"(?:[^"\\\n\r\t]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const value = (): boolean => {
    if (eat("{")) {
      if (eat("}")) return true;
      do {
        if (!token(string) || !eat(":") || !value()) return false;
      } while (eat(","));
      return eat("}");
    }
    if (eat("[")) {
      if (eat("]")) return true;
      do {
        if (!value()) return false;
      } while (eat(","));
      return eat("]");
    }
    return token(string) || token(literal);
  };
  if (!value()) return i;
  skipSpace();
  return i === text.length ? null : i;
}
