import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, sharedBrowser } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS, writeAndSubmit, type World } from "./world";

// Issue 15 item 1: a student asks for their data on the account page, follows the export's
// progress on the exports page (built by the job worker inside the app), and downloads a zip.

const browser = sharedBrowser();
let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12X Export", question: QUESTIONS.reforms, rubric: RUBRICS.holistic25, teacherName: "Ms Erin Export" });
});

it("a student asks for their data, sees its progress, and downloads the zip", async () => {
  const { page, context, errors } = await newStudent(browser(), world, "Zoë Łukasiewicz");
  await writeAndSubmit(page, /transform the USSR/, "Khrushchev 📜 changed the USSR to a large extent, although the system survived.");

  await page.goto("/account");
  await page.getByRole("heading", { name: "Download my data" }).waitFor();
  await page.getByTestId("download-my-data").getByRole("button", { name: "Download my data" }).click();
  await page.waitForURL(/\/exports\?requested=/);
  await page.getByRole("heading", { name: "Your exports" }).waitFor();
  const item = page.getByTestId("export-item").first();
  await item.getByRole("heading", { name: "My data" }).waitFor();

  // The worker in the app builds it; the page polls, announces it, and moves focus to the link.
  const link = page.getByTestId("export-download");
  await link.waitFor({ timeout: 60_000 });
  expect(await item.getAttribute("data-status")).toBe("DONE");
  await expect.poll(() => page.getByTestId("export-announcement").textContent(), { timeout: 10_000 }).toMatch(/My data: Ready to download/);
  await expect.poll(() => link.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^extent-export-student-zoe-lukasiewicz-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual(["README.txt", "annotations.jsonld", "data.json", "manifest.json", "pack.html", "pack.pdf"]);
  const data = JSON.parse(strFromU8(files["data.json"]!));
  expect(data.account.name).toBe("Zoë Łukasiewicz");
  expect(data.assignments[0].submissions[0].text).toContain("Khrushchev 📜 changed");

  // Someone else cannot download it.
  const href = await link.getAttribute("href");
  const other = await newStudent(browser(), world, "Other Student");
  const refused = await other.page.request.get(href!);
  expect(refused.status()).toBe(404);
  await other.context.close();

  expectNoConsoleErrors(errors);
  await context.close();
}, 180_000);
