import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, sharedBrowser, signInAs } from "./browser";

const browser = sharedBrowser();

it("the teacher opens the demo class board, filters to late work, opens a cell, reads an assignment's heatmap, downloads its marks and prints a marked essay", async () => {
  const { page, errors, context } = await newSession(browser());
  await signInAs(page, "teacher@extent.demo");

  // All classes on one page, then the big demo class's board.
  await page.getByRole("link", { name: "Tracking" }).click();
  await page.waitForURL("**/department");
  expect(await page.getByTestId("class-summary").count()).toBeGreaterThanOrEqual(2);
  await page.getByRole("link", { name: "13B History" }).click();
  await page.waitForURL(/\/board$/);
  expect(await page.getByTestId("board-row").count()).toBe(30);
  expect(await page.getByTestId("class-board").locator("thead th").count()).toBe(7);

  // Filter to late work: every row left has a late cell; the others fade.
  await page.getByRole("navigation", { name: "Quick filters" }).getByRole("link", { name: "Submitted late" }).click();
  await page.waitForURL(/status=late/);
  const rows = await page.getByTestId("board-row").count();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(30);
  expect(await page.getByTestId("board-count").textContent()).toContain(`Showing ${rows} of 30 students`);
  for (let i = 0; i < rows; i++) {
    expect(await page.getByTestId("board-row").nth(i).locator('[data-status="late"]').count()).toBeGreaterThan(0);
  }

  // A late cell opens that student's essay at the marking desk.
  const cell = page.locator('[data-testid="board-cell"][data-status="late"] a').first();
  const student = (await cell.textContent())!.split(",")[0]!;
  await cell.click();
  await page.waitForURL(/\/mark$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Marking: ${student}`);
  expect((await page.getByTestId("essay-text").textContent())!.length).toBeGreaterThan(100);

  // The analytics of a marked assignment: the heatmap shows judgement as the weakest criterion.
  await page.goBack();
  await page.waitForURL(/status=late/);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.getByTestId("class-board").locator("thead th a").first().click();
  await page.waitForURL(/\/analytics$/);
  expect(await page.getByTestId("level-heatmap").getAttribute("role")).toBe("img");
  expect(await page.getByTestId("heatmap-summary").textContent()).toMatch(/Weakest criterion: [A-Za-z ]*judgement/i);
  expect(await page.getByTestId("funnel-chart").locator("desc").textContent()).toMatch(/Returned: \d+/);

  // Its marks as CSV: UTF-8 with a BOM, a header, a row per student.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download marks (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^13b-history-.*\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Student,Email,Status,Handed in (Europe/London),Late,Version,Analysis and explanation level,Knowledge level,Evaluation and judgement level,Organisation and communication level,Total,Out of,Returned (Europe/London)");
  expect(lines).toHaveLength(31);

  // A returned essay prints with its numbered comments and scorecard.
  await page.getByRole("link", { name: /13B History board/ }).click();
  await page.waitForURL(/\/board/);
  await page.locator('[data-testid="board-cell"][data-status="returned"] a').first().click();
  await page.waitForURL(/\/mark\?version=1$/);
  await page.getByRole("link", { name: "Printable view" }).click();
  await page.waitForURL(/\/print\?version=1$/);
  expect(await page.getByTestId("print-view").getByTestId("scorecard").count()).toBe(1);
  expect((await page.getByTestId("print-view").locator("section[aria-label=Essay]").textContent())!.length).toBeGreaterThan(100);
  expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(true);

  expectNoConsoleErrors(errors);
  await context.close();
});
