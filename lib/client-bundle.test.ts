import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What the browser downloads is decided by run-time imports: a client module that imports a
// constant from a file holding zod schemas ships all of zod (~30 KB gzip) for one number.
// This walks the static import graph from the client side of the app the way the bundler
// does (run-time imports only; `import type` is erased; a "use server" file is a reference,
// not bundled) and fails if it reaches a package the browser must not get.
// See docs/decisions/018-client-bundle.md.

const ROOT = path.resolve(import.meta.dirname, "..");

// Never in a client bundle: zod (weight; schemas run on the server), the password strength
// estimator (~800 KB of dictionaries), the database and server-only code.
const FORBIDDEN = ["zod", "@zxcvbn-ts/core", "@zxcvbn-ts/language-common", "@zxcvbn-ts/language-en", "@prisma/client", "@prisma/adapter-pg", "pg", "server-only", "@node-rs/argon2"];

type Import = { spec: string; runtime: boolean };

function readImports(file: string): { directive?: string; imports: Import[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const first = source.statements[0];
  const directive = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : undefined;
  const imports: Import[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      // `import type {…}` and `import { type A, type B }` are erased; anything else is kept
      // (a value import used only as a type counts too: write `import type` for those).
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      imports.push({ spec: node.moduleSpecifier.text, runtime: !typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ spec: node.moduleSpecifier.text, runtime: !node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push({ spec: node.arguments[0].text, runtime: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { directive, imports };
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const suffix of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = base + suffix;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const packageName = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");
const isLocal = (spec: string) => spec.startsWith(".") || spec.startsWith("@/");

/** Every forbidden package reachable at run time from `entries`, each with the chain that pulls it in. */
function forbiddenClientImports(entries: string[], forbidden = FORBIDDEN): string[] {
  const cameFrom = new Map<string, string | null>(entries.map((e) => [e, null]));
  const queue = [...entries];
  const found: string[] = [];
  const chain = (file: string) => {
    const links: string[] = [];
    for (let f: string | null | undefined = file; f; f = cameFrom.get(f)) links.unshift(path.relative(ROOT, f));
    return links.join(" → ");
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    const { directive, imports } = readImports(file);
    // A client module importing a "use server" file gets a reference to each action, not its code.
    if (directive === "use server" && cameFrom.get(file) !== null) continue;
    for (const { spec, runtime } of imports) {
      if (!runtime) continue;
      if (!isLocal(spec)) {
        if (forbidden.includes(packageName(spec))) found.push(`${chain(file)} → ${spec}`);
        continue;
      }
      const target = resolveLocal(file, spec);
      if (target && !cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(full, f));
}

// The client side: every module of the student's workspace and feedback screens, every shared
// component, the client helpers and the autosave machine (and, through the walk, every lib/
// file they import).
function clientEntries(): string[] {
  const workspaces = filesUnder("app").filter((f) => /[\\/]_(workspace|feedback)[\\/]/.test(f));
  return [...workspaces, ...filesUnder("components"), ...filesUnder("lib/client"), ...filesUnder("lib/autosave")];
}

// Reads and parses every client module and what it imports: about a second on a quiet machine,
// past vitest's 5 s default on a loaded one, so the walk gets room (this is not a timing test).
describe("the client bundle", { timeout: 30_000 }, () => {
  it("finds the client modules it guards", () => {
    const entries = clientEntries().map((f) => path.relative(ROOT, f));
    expect(entries).toContain(path.join("app", "assignments", "[assignmentId]", "_workspace", "planner.tsx"));
    expect(entries).toContain(path.join("lib", "client", "use-autosave.ts"));
    expect(entries).toContain(path.join("components", "format.ts"));
  });

  it("imports no zod, password estimator, database or server-only code at run time", () => {
    expect(forbiddenClientImports(clientEntries())).toEqual([]);
  });

  it("would catch zod reached through a lib file, and ignores type-only imports", () => {
    // The server's schemas do pull zod in, one file away: the walk must see it.
    const schemas = path.join(ROOT, "lib/drafts/schemas.ts");
    expect(forbiddenClientImports([schemas])).toContain("lib/drafts/schemas.ts → lib/planner/plan-schema.ts → zod");
    // workspace.tsx imports the Plan type from plan-schema.ts, which is erased.
    const workspace = path.join(ROOT, "app/assignments/[assignmentId]/_workspace/workspace.tsx");
    expect(readImports(workspace).imports).toContainEqual({ spec: "@/lib/planner/plan-schema", runtime: false });
  });

  it("does not follow a server action file into its schemas", () => {
    const editor = path.join(ROOT, "app/assignments/[assignmentId]/_workspace/draft-editor.tsx");
    expect(readImports(editor).imports).toContainEqual({ spec: "@/app/assignments/actions", runtime: true });
    expect(forbiddenClientImports([editor])).toEqual([]);
  });
});
