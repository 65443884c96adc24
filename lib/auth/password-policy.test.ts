import { describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

const ada = { email: "ada.lovelace@example.test", name: "Ada Lovelace" };

describe("passwordProblem", () => {
  it.each([
    ["ten spaces", "          ", PASSWORD_MESSAGES.guessable],
    ["a common password with digits", "password12", PASSWORD_MESSAGES.common],
    ["a keyboard row", "qwertyuiop", PASSWORD_MESSAGES.common],
    ["digits in order", "1234567890", PASSWORD_MESSAGES.common],
    ["a common password dressed up", "Password123!", PASSWORD_MESSAGES.common],
    ["look-alike characters", "p@ssw0rd123", PASSWORD_MESSAGES.common],
    ["one character repeated", "x".repeat(40), PASSWORD_MESSAGES.guessable],
    ["a common password repeated past the analysed length", "P@$$w0rd!".repeat(22), PASSWORD_MESSAGES.common],
    ["a season and a year", "Summer2024!", PASSWORD_MESSAGES.guessable],
    ["a topic word and a date", "khrushchev1964", PASSWORD_MESSAGES.guessable],
  ])("refuses %s", (_, password, message) => {
    expect(passwordProblem(password, ada)).toBe(message);
  });

  it("refuses the email, its local part and the name, however they are dressed", () => {
    for (const password of ["ada.lovelace@example.test", "ADA.LOVELACE@EXAMPLE.TEST", "ada.lovelace!!", "adalovelace2024", "Ada Lovelace 99"]) {
      expect(passwordProblem(password, ada), password).toBe(PASSWORD_MESSAGES.personal);
    }
    expect(passwordProblem("kim.o@school.test", { email: "kim.o@school.test", name: "Kim O" })).toBe(PASSWORD_MESSAGES.personal);
  });

  it("counts characters, not UTF-16 units, for the length limits", () => {
    expect(passwordProblem("short", ada)).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordProblem("😀".repeat(9), ada)).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordProblem("lantern orbit cactus ".repeat(10).slice(0, 201), ada)).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it.each(["a long enough password", "correct horse battery", "secret speech of fifty six", "kdjfhqowpe", "lantern orbit cactus ".repeat(10).slice(0, 200)])(
    "accepts %j",
    (password) => {
      expect(passwordProblem(password, ada)).toBeNull();
    },
  );

  it("speaks to the student, not in codes", () => {
    for (const message of Object.values(PASSWORD_MESSAGES)) expect(message).toMatch(/^[A-Z][^{}]*\.$/);
  });
});
