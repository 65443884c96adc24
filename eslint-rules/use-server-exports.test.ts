import { ESLint, RuleTester } from "eslint";
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { useServerExports } from "./use-server-exports.mjs";

// RuleTester reports through the test framework's describe/it.
RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" } });
const USE_SERVER = '"use server";\nimport { safeAction } from "@/lib/actions/safe-action";\n';

tester.run("use-server-exports", useServerExports, {
  valid: [
    `${USE_SERVER}export const saveAction = safeAction("user", Schema, async (input, user) => save(user, input));`,
    `${USE_SERVER}export type Result = { ok: boolean };\nexport interface Shape { a: string }`,
    `${USE_SERVER}const helper = () => 1;\nexport const aAction = safeAction("public", S, async () => helper());`,
    // Not a "use server" file: anything goes.
    `export async function helper() {}\nexport default 1;`,
    // "use server" inside a function body is not a file directive.
    `export async function form() { "use server"; }`,
  ],
  invalid: [
    { code: `${USE_SERVER}export async function deleteEverything(id: string) {}`, errors: [{ messageId: "notWrapped" }] },
    { code: `${USE_SERVER}export const rawAction = async (_prev: unknown, data: FormData) => data;`, errors: [{ messageId: "notWrapped" }] },
    { code: `${USE_SERVER}export let laterAction = safeAction("user", S, h);`, errors: [{ messageId: "notWrapped" }] },
    { code: `${USE_SERVER}export const wrapped = other(safeAction("user", S, h));`, errors: [{ messageId: "notWrapped" }] },
    { code: `${USE_SERVER}const a = safeAction("user", S, h);\nexport { a };`, errors: [{ messageId: "notAllowed" }] },
    { code: `${USE_SERVER}export { saveDraft } from "@/lib/drafts/drafts";`, errors: [{ messageId: "notAllowed" }] },
    { code: `${USE_SERVER}export * from "@/lib/drafts/drafts";`, errors: [{ messageId: "notAllowed" }] },
    { code: `${USE_SERVER}export default async function action() {}`, errors: [{ messageId: "notAllowed" }] },
  ],
});

// The project's own config: the rule is on, and routes cannot import lib/**/internal/.
// The first lint loads the whole config (parsers, Next's plugin): seconds on a busy machine.
describe("eslint.config.mjs", { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });
  const lint = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

  it("checks every app/ actions file", async () => {
    expect(await lint(`"use server";\nexport async function leakAction() {}\n`, "app/example/actions.ts")).toContain("extent/use-server-exports");
  });

  it("refuses lib/**/internal/ from app/ and components/, but not from lib/", async () => {
    const code = `import { pinRubric } from "@/lib/rubrics/internal/pin-rubric";\nexport const x = pinRubric;\n`;
    expect(await lint(code, "app/example/page.tsx")).toContain("no-restricted-imports");
    expect(await lint(code, "components/example.tsx")).toContain("no-restricted-imports");
    expect(await lint(code.replace("@/lib/rubrics/internal/pin-rubric", "../rubrics/internal/pin-rubric"), "lib/assignments/example.ts")).not.toContain("no-restricted-imports");
  });
});
