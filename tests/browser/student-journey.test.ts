import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, signUp, sharedBrowser } from "./browser";

const browser = sharedBrowser();

it("a student signs up and joins a class with its code", async () => {
  // The teacher makes the class and reads out the code.
  const teacher = await newSession(browser());
  await signUp(teacher.page, "TEACHER", "Mrs Code Giver");
  await teacher.page.goto("/classes/new");
  await teacher.page.getByLabel("Class name").fill("12C History");
  await teacher.page.getByLabel("Year group").fill("Year 12");
  await teacher.page.getByRole("button", { name: "Create class" }).click();
  await teacher.page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  const code = (await teacher.page.getByTestId("join-code").textContent())!.trim();

  const { page, errors, context } = await newSession(browser());
  await signUp(page, "STUDENT", "Sam Student");
  await page.getByLabel("Join code").fill("WRONG1");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect.poll(() => page.getByText(/A join code is 6 letters and numbers/).count()).toBeGreaterThan(0);
  expect(await page.getByLabel("Join code").getAttribute("aria-invalid")).toBe("true");
  // Well-formed but unknown.
  await page.getByLabel("Join code").fill("XXXXXX");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect.poll(() => page.getByTestId("form-error").textContent()).toMatch(/No class has that code/);

  await page.getByLabel("Join code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Join class" }).click();
  await expect.poll(() => page.getByTestId("student-classes").textContent()).toContain("12C History");
  expect(await page.getByTestId("student-classes").textContent()).toContain("Mrs Code Giver");

  // The teacher sees the student on the roster.
  await teacher.page.reload();
  await expect.poll(() => teacher.page.getByRole("cell", { name: "Sam Student", exact: true }).count()).toBe(1);

  expectNoConsoleErrors(errors);
  expectNoConsoleErrors(teacher.errors);
  await context.close();
  await teacher.context.close();
});
