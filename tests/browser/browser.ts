import { randomBytes } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

// Debian's Chromium (apt install chromium); Playwright cannot download browsers here.
// The networking flags stop Chromium calling home on a closed network.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export const baseURL = () => inject("baseURL");

/** expect.poll with room for a server round trip (an action, a navigation): its default is one second. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

/** A fresh signed-out context whose pages fail the test on a console error or page crash (options: e.g. a timezoneId). */
export async function newSession(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), ...options });
  const errors: string[] = [];
  context.on("page", (p) => watch(p, errors));
  const page = await context.newPage();
  return { context, page, errors };
}

function watch(page: Page, errors: string[]) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} (${m.location().url})`);
  });
  // Hydration errors arrive here; the URL says which page threw.
  page.on("pageerror", (e) => errors.push(`${e.message} (${page.url()})`));
}

export function expectNoConsoleErrors(errors: string[]) {
  expect(errors, `console errors:\n${errors.join("\n")}`).toEqual([]);
}

export const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}@example.test`;

/** Signs up through the real form; each test makes its own user in the run's throwaway database. */
export async function signUp(page: Page, role: "TEACHER" | "STUDENT", name: string) {
  const email = uniqueEmail(role.toLowerCase());
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("radio", { name: role === "TEACHER" ? /Teacher/ : /Student/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/dashboard");
  return { email, password: "a long enough password" };
}

/** Signs in as one of the seeded demo accounts (all share the password `extent-demo`) and waits for the dashboard. */
export async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("extent-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

/** One Chromium per test file, launched before its tests and closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
