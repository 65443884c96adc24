import { expect, it } from "vitest";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { PASSWORD_RULE } from "@/lib/auth/password-rule";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, uniqueEmail } from "./browser";

const browser = sharedBrowser();

// Issue 10, finding 3: the rule is read before typing; a weak password is refused beside
// the field, on the server, keeping what was typed.
it("sign-up shows the password rule up front and refuses a common password beside the field", async () => {
  const { page, context, errors } = await newSession(browser());
  await page.goto("/sign-up");
  const password = page.getByLabel("Password");
  const described = async () => {
    const ids = ((await password.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
    return Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  };
  expect(await described()).toEqual([PASSWORD_RULE]);

  const email = uniqueEmail("weak");
  await page.getByLabel("Your name").fill("Sam Weak");
  await page.getByLabel("Email").fill(email);
  await password.fill("password12");
  await page.getByRole("button", { name: "Create account" }).click();
  await poll(() => password.getAttribute("aria-invalid")).toBe("true");
  expect(await described()).toEqual([PASSWORD_RULE, PASSWORD_MESSAGES.common]);
  expect(await page.getByTestId("form-error").textContent()).toBe("Please choose a different password.");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
  expect(await page.getByLabel("Email").inputValue()).toBe(email);

  await password.fill("lantern orbit cactus");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/dashboard");
  expectNoConsoleErrors(errors);
  await context.close();
});
