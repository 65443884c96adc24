import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, signInAs } from "./browser";

// Decision 034, end to end: the demo school's administrator lets a domain sign in with the
// school's provider (a real oidc-provider on loopback, tests/browser/oidc-provider.ts); a
// person of that domain clicks "Sign in with …" on /sign-in, signs in on the provider's own
// page, lands on the dashboard with a new account, signs out, and is the same account next
// time; a person of a domain no school lists is refused and nothing is made.

const browser = sharedBrowser();
const providerName = () => inject("oidcProviderName");
// Unique per run, so a reused server (BROWSER_BASE_URL) keeps earlier runs' domains apart.
const domain = `run${randomBytes(4).toString("hex")}.oidc.test`;

const providerOrigin = () => new URL(inject("oidcIssuer")).origin;

/**
 * The provider's development pages load a web font and have no icon: answered here, so the
 * closed network's refusals are not reported as console errors of ours.
 */
async function quietProvider(context: BrowserContext) {
  await context.route("https://fonts.googleapis.com/**", (r) => r.fulfill({ status: 200, contentType: "text/css", body: "" }));
  await context.route(`${providerOrigin()}/favicon.ico`, (r) => r.fulfill({ status: 204 }));
}

/**
 * At the provider: its development login page (the login names the person, see the fixture),
 * when it does not know the browser yet, then its consent page, which it shows every time
 * to the test client (a "native" client, so its loopback redirect may use any port).
 */
async function throughProvider(page: Page, login?: string) {
  await page.waitForURL((url) => url.origin === providerOrigin());
  if (login) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
  await page.getByRole("button", { name: "Continue" }).click();
}

it("an administrator admits a domain; its people sign in with the school's provider, sign out, and come back to the same account", async () => {
  const admin = await newSession(browser());
  await signInAs(admin.page, "hod@extent.demo");
  await admin.page.goto("/admin");
  await admin.page.getByTestId("administered-schools").getByRole("link", { name: "Extent Demo School" }).click();
  const domains = admin.page.getByLabel(`Email domains at ${providerName()}`);
  await domains.fill(`${await domains.inputValue()}\n${domain}`.trim());
  await admin.page.getByRole("button", { name: "Save sign-in settings" }).click();
  await poll(() => admin.page.getByTestId("form-success").textContent()).toBe("Sign-in settings saved.");
  // A value that is no domain is refused at its field, and nothing is saved.
  await domains.fill(`${domain}\nnot a domain`);
  await admin.page.getByRole("button", { name: "Save sign-in settings" }).click();
  await poll(() => admin.page.getByTestId("form-error").textContent()).toBe("Please fix the highlighted lists. Nothing was saved.");
  expect(await domains.getAttribute("aria-invalid")).toBe("true");
  expectNoConsoleErrors(admin.errors);
  await admin.context.close();

  const { page, context, errors } = await newSession(browser());
  await quietProvider(context);
  const email = `jo.rivers@${domain}`;
  await page.goto("/sign-in");
  await page.getByRole("link", { name: `Sign in with ${providerName()}` }).click();
  await throughProvider(page, email);
  await page.waitForURL("**/dashboard");
  expect(await page.locator("body").textContent()).toContain("Jo Rivers");

  // /account shows the link, and that this account has no password to fall back on.
  await page.goto("/account");
  expect(await page.getByTestId("linked-accounts").textContent()).toContain(email);
  expect(await page.locator("body").textContent()).toContain("Your only way to sign in");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in?signedOut=1");
  await page.goto("/dashboard");
  await page.waitForURL(/\/sign-in\?next=/);

  // Again, the same person: the provider still knows them, so only its consent page shows.
  await page.getByRole("link", { name: `Sign in with ${providerName()}` }).click();
  await throughProvider(page);
  await page.waitForURL("**/dashboard");
  expect(await page.locator("body").textContent()).toContain("Jo Rivers");
  expectNoConsoleErrors(errors);
  await context.close();
});

it("a person whose domain no school lists is refused with a clear message, and is not signed in", async () => {
  const { page, context, errors } = await newSession(browser());
  await quietProvider(context);
  await page.goto("/sign-in");
  await page.getByRole("link", { name: `Sign in with ${providerName()}` }).click();
  await throughProvider(page, `eve@not-${domain}`);
  await page.waitForURL("**/sign-in?refused=no-school");
  await poll(() => page.getByTestId("provider-refused").textContent()).toContain("No school on Extent accepts this account.");
  await page.goto("/dashboard");
  await page.waitForURL(/\/sign-in\?next=/);
  expectNoConsoleErrors(errors);
  await context.close();
});
