import { afterEach, vi } from "vitest";

// An unexpected console.error (a React warning, an unhandled error logged by the action
// wrapper) fails the test that caused it. A test that expects one can mock it itself.
let errors: unknown[][] = [];
const original = console.error;

console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length && !vi.isMockFunction(console.error)) {
    throw new Error(`Unexpected console.error:\n${seen.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
