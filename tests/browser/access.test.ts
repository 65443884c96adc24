import { expect, it } from "vitest";
import { newSession, signUp, sharedBrowser } from "./browser";

const browser = sharedBrowser();

it("a signed-out visitor is sent to sign in and brought back afterwards", async () => {
  const { page, context } = await newSession(browser());
  await page.goto("/classes/new");
  await page.waitForURL(/\/sign-in\?next=%2Fclasses%2Fnew/);
  // The demo teacher from the seed.
  await page.getByLabel("Email").fill("teacher@extent.demo");
  await page.getByLabel("Password").fill("extent-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/classes/new");
  await context.close();
});

it("wrong credentials get one generic message", async () => {
  const { page, context } = await newSession(browser());
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("teacher@extent.demo");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByTestId("form-error").textContent()).toBe("That email and password don't match an account.");
  await context.close();
});

it("a student cannot reach teacher pages", async () => {
  const { page, context } = await newSession(browser());
  await signUp(page, "STUDENT", "Curious Student");
  for (const path of ["/topics", "/topics/import", "/questions", "/classes/new"]) {
    await page.goto(path);
    await page.waitForURL(/\/dashboard\?denied=1/);
    expect(await page.getByTestId("denied").count()).toBe(1);
  }
  await context.close();
});

it("a teacher cannot open another teacher's class", async () => {
  const owner = await newSession(browser());
  await signUp(owner.page, "TEACHER", "Owner Teacher");
  await owner.page.goto("/classes/new");
  await owner.page.getByLabel("Class name").fill("Private class");
  await owner.page.getByLabel("Year group").fill("Year 12");
  await owner.page.getByRole("button", { name: "Create class" }).click();
  await owner.page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  const classUrl = new URL(owner.page.url()).pathname;

  const other = await newSession(browser());
  await signUp(other.page, "TEACHER", "Other Teacher");
  const response = await other.page.goto(classUrl);
  expect(response?.status()).toBe(404);
  await expect.poll(() => other.page.getByRole("heading", { name: "Not found" }).count()).toBe(1);
  expect(await other.page.getByText("Private class").count()).toBe(0);
  await owner.context.close();
  await other.context.close();
});
