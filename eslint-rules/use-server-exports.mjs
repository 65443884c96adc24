// Every export of a "use server" file is a public endpoint: anyone can call it with any
// arguments. So each one must be built with safeAction (lib/actions/safe-action.ts), which
// authenticates, validates and turns failures into messages. This rule refuses anything
// else exported from such a file: a plain async function, an arrow, a re-export, a default.
// Type exports are erased at build time and allowed.

const WRAPPER = "safeAction";

function isUseServerFile(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use server") return true;
  }
  return false;
}

const isWrapped = (init) => init?.type === "CallExpression" && init.callee.type === "Identifier" && init.callee.name === WRAPPER;

/** @type {import("eslint").Rule.RuleModule} */
export const useServerExports = {
  meta: {
    type: "problem",
    docs: { description: `Every export of a "use server" file is built with ${WRAPPER}(…)` },
    messages: {
      notWrapped: `"{{name}}" is a server action, callable by anyone: build it with ${WRAPPER}(access, schema, handler) from @/lib/actions/safe-action.`,
      notAllowed: `A "use server" file may only export actions built with ${WRAPPER}(…), declared here as \`export const xAction = ${WRAPPER}(…)\`.`,
    },
    schema: [],
  },
  create(context) {
    let active = false;
    return {
      Program(node) {
        active = isUseServerFile(node);
      },
      ExportNamedDeclaration(node) {
        if (!active || node.exportKind === "type") return;
        const declaration = node.declaration;
        if (!declaration) {
          // export { a, b } / export { a } from "…": each specifier may be anything.
          const values = node.specifiers.filter((s) => s.exportKind !== "type");
          if (values.length > 0) context.report({ node, messageId: "notAllowed" });
          return;
        }
        if (declaration.type === "TSTypeAliasDeclaration" || declaration.type === "TSInterfaceDeclaration") return;
        if (declaration.type !== "VariableDeclaration") {
          context.report({ node, messageId: "notWrapped", data: { name: declaration.id?.name ?? "this export" } });
          return;
        }
        for (const d of declaration.declarations) {
          if (declaration.kind !== "const" || !isWrapped(d.init)) {
            context.report({ node: d, messageId: "notWrapped", data: { name: d.id.type === "Identifier" ? d.id.name : "this export" } });
          }
        }
      },
      ExportDefaultDeclaration(node) {
        if (active) context.report({ node, messageId: "notAllowed" });
      },
      ExportAllDeclaration(node) {
        if (active && node.exportKind !== "type") context.report({ node, messageId: "notAllowed" });
      },
    };
  },
};

const plugin = { rules: { "use-server-exports": useServerExports } };
export default plugin;
