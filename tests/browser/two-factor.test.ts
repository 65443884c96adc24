import { Secret, TOTP } from "otpauth";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { signUpAs } from "./world";

// Decision 035, end to end: a teacher sets up two-factor from the QR page's manual key (the
// "authenticator app" here is otpauth in the test), signs out, and signing in again needs the
// code; until it is given, every page sends the session to /two-factor and route handlers
// answer 403.

const browser = sharedBrowser();

/** What the teacher's authenticator app shows at `at` (ms since the epoch). */
const appCode = (key: string, at: number) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, "")), digits: 6, period: 30 }).generate({ timestamp: at });
const otherThan = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");

it("a teacher turns on two-factor with a QR code's key, then signs in with password and code; until then only /two-factor opens", async () => {
  const { page, context, errors } = await newSession(browser());
  const teacher = await signUpAs(page, "TEACHER", "Tomas Twofactor");

  // Set up: the key under the QR code goes into the "app"; a wrong code is refused first.
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = (await page.getByTestId("manual-key").textContent())!;
  expect(key).toMatch(/^[A-Z2-7 ]{32,}$/);
  expect(await page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg").count()).toBe(1);
  const confirm = page.getByTestId("confirm-two-factor");
  await confirm.getByLabel("Code from the app").fill(otherThan(appCode(key, Date.now())));
  await confirm.getByRole("button", { name: "Turn on two-factor" }).click();
  await poll(() => confirm.getByTestId("form-error").textContent()).toContain("That code didn't work");
  await confirm.getByLabel("Code from the app").fill(appCode(key, Date.now()));
  await confirm.getByRole("button", { name: "Turn on two-factor" }).click();

  // The recovery codes are shown once, and stay on screen through the refresh until saved.
  await poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
  const recovery = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  for (const c of recovery) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await poll(() => page.getByTestId("two-factor-on").textContent()).toContain("You have 10 recovery codes left");

  // Sign out, then back in with the password, on the way to a page.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in?signedOut=1");
  await page.goto("/classes/new");
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(teacher.email);
  await page.getByLabel("Password").fill(teacher.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/two-factor\?next=%2Fclasses%2Fnew$/);
  expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);

  // Until the code is given: pages send the session here, route handlers refuse with a 403 saying why.
  await page.goto("/dashboard");
  await page.waitForURL(/\/two-factor\?next=%2Fdashboard$/);
  const file = await page.request.get("/classes/some-class/marks.csv");
  expect(file.status()).toBe(403);
  expect(await file.text()).toContain("Finish signing in first");

  // A wrong code is refused; the app's code (the next step's: the last one was used to set up) lets the teacher in.
  await page.goto("/two-factor?next=%2Fclasses%2Fnew");
  const verify = page.getByTestId("verify-two-factor");
  const next = appCode(key, Date.now() + 30_000);
  await verify.getByLabel("Code", { exact: true }).fill(otherThan(next));
  await verify.getByRole("button", { name: "Continue" }).click();
  await poll(() => verify.getByTestId("form-error").textContent()).toContain("That code didn't work");
  await verify.getByLabel("Code", { exact: true }).fill(next);
  await verify.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL("**/classes/new");
  expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(1);
  expect((await page.request.get("/classes/some-class/marks.csv")).status()).toBe(404);

  // A second sign-in elsewhere takes a recovery code instead, once.
  const other = await newSession(browser());
  for (const attempt of [0, 1]) {
    await other.page.goto("/sign-in");
    await other.page.getByLabel("Email").fill(teacher.email);
    await other.page.getByLabel("Password").fill(teacher.password);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await other.page.waitForURL(/\/two-factor/);
    const form = other.page.getByTestId("verify-two-factor");
    await form.getByLabel("Code", { exact: true }).fill(recovery[0]!);
    await form.getByRole("button", { name: "Continue" }).click();
    if (attempt === 0) {
      await other.page.waitForURL("**/dashboard");
      await other.page.getByRole("button", { name: "Sign out" }).click();
      await other.page.waitForURL("**/sign-in?signedOut=1");
    } else {
      await poll(() => form.getByTestId("form-error").textContent()).toContain("That code didn't work");
    }
  }
  await other.context.close();

  expectNoConsoleErrors([...errors, ...other.errors]);
  await context.close();
});
