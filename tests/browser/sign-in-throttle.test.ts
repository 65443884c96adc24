import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { signIn, signUpAs } from "./world";
import { UNSTAMPED_WARNING } from "@/lib/auth/client-address";

// Issue 10, finding 1, end to end through `next start`: the address the throttle sees is the
// socket's, stamped by instrumentation.ts, whatever headers the client sends
// (docs/decisions/010-sign-in-abuse.md).

const browser = sharedBrowser();

async function attempt(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await poll(async () => (await page.getByTestId("form-error").textContent()) ?? "").not.toBe("");
  return (await page.getByTestId("form-error").textContent())!;
}

it("a rotating X-Forwarded-For and a forged socket header do not escape the back-off, and the right password gets in after it", async () => {
  const owner = await newSession(browser());
  const account = await signUpAs(owner.page, "STUDENT", "Tess Throttle");
  await owner.context.close();

  const { page, context, errors } = await newSession(browser());
  const messages: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${i}.0.1`, "x-real-ip": `10.${i}.0.2`, "x-extent-socket": `forged 10.${i}.0.3` });
    messages.push(await attempt(page, account.email, "not the password at all"));
  }
  expect(messages.slice(0, 3)).toEqual(Array(3).fill("That email and password don't match an account."));
  expect(messages[3]).toMatch(/^Too many sign-in attempts\. Wait [12] seconds? and try again\.$/);

  await page.waitForTimeout(2_100);
  await signIn(page, account);
  expectNoConsoleErrors(errors);
  // The refusals above would also happen if every request were "unknown"; the app says so
  // when a request arrives without the socket stamp, so its log shows the stamp was there.
  const appLog = path.resolve(import.meta.dirname, "../../test-results/browser-app.log");
  if (existsSync(appLog)) expect(readFileSync(appLog, "utf8")).not.toContain(UNSTAMPED_WARNING);
  await context.close();
});

it("signing up with an email that has an account signs nobody in and does not say it exists", async () => {
  const owner = await newSession(browser());
  const account = await signUpAs(owner.page, "TEACHER", "Ona Owner");
  await owner.context.close();

  const { page, context, errors } = await newSession(browser());
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Mallory");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("radio", { name: /Student/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-in\?from=sign-up/);
  const notice = (await page.getByTestId("sign-up-not-created").textContent())!;
  expect(notice).toContain("No new account was created");
  expect(notice).not.toMatch(/already exists|already registered/i);
  await page.goto("/dashboard");
  await page.waitForURL(/\/sign-in\?next=/);
  expectNoConsoleErrors(errors);
  await context.close();
});
