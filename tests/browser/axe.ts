import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// WCAG 2.0, 2.1 and 2.2 at A and AA, plus axe's best-practice rules: heading-order (a skipped
// heading level) and the landmark rules are tagged only best-practice, so the WCAG tags alone
// miss them (docs/research/015-data-rights-and-accessibility.md §2 pitfall 8, decision 043).
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Each violation on the page as one line per rule: its id, impact, summary and the elements it found. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  // Only violations in detail (passes cost time on big pages); options() replaces what withTags set, so it comes first.
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ").trim() ?? ""}`);
    return `${label} (${new URL(page.url()).pathname}): ${v.id} [${v.impact}] ${v.help}\n${nodes.join("\n")}`;
  });
}

/**
 * Fails unless axe finds nothing on the page as it is now (run it after the state to check
 * has rendered). `soft` records the failure and lets the test go on to the next page, so one
 * run lists every page's violations.
 */
export async function expectNoAxeViolations(page: Page, label: string, { soft = false }: { soft?: boolean } = {}) {
  const found = await axeViolations(page, label);
  (soft ? expect.soft : expect)(found, `axe violations on ${label}:\n${found.join("\n")}`).toEqual([]);
}
