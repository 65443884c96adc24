import { describe, expect, it } from "vitest";
import { groupedKey, isFreshStep, matchTotpStep, newTotpSecret, normaliseTotpCode, totpCodeAt, totpUri } from "./totp";

const at = new Date("2026-12-02T10:00:15Z"); // inside step 59_508_000 (epoch seconds / 30)
const step = Math.floor(at.getTime() / 30_000);

describe("TOTP codes", () => {
  const secret = newTotpSecret();

  it("accepts the current code and one step either side, reporting the step each belongs to", () => {
    expect(matchTotpStep(secret, totpCodeAt(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
  });

  it("refuses a code two steps away, a code for another secret, and anything not six digits", () => {
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 60_000)), at)).toBeNull();
    const other = newTotpSecret();
    const wrong = totpCodeAt(other, at);
    // The other secret's code could match by chance (3 in a million): only then is it not refused.
    if (![-1, 0, 1].some((d) => totpCodeAt(secret, new Date(at.getTime() + d * 30_000)) === wrong)) expect(matchTotpStep(secret, wrong, at)).toBeNull();
    expect(matchTotpStep(secret, "12345", at)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", at)).toBeNull();
  });

  it("takes a code typed with a space or a dash", () => {
    const code = totpCodeAt(secret, at);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(step);
    expect(normaliseTotpCode(`${code.slice(0, 3)}-${code.slice(3)}`)).toBe(code);
    expect(normaliseTotpCode("1234567")).toBeNull();
  });

  it("takes a step only after the last one taken, so a code is never replayed within its window", () => {
    expect(isFreshStep(step, null)).toBe(true);
    expect(isFreshStep(step, step - 1)).toBe(true);
    expect(isFreshStep(step, step)).toBe(false);
    // The previous step's code, still inside the window after the current one was used.
    expect(isFreshStep(step - 1, step)).toBe(false);
  });

  it("gives apps a standard otpauth URI and a key to type in groups of four", () => {
    const uri = new URL(totpUri(secret, "teacher@school.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Extent");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(decodeURIComponent(uri.pathname)).toContain("teacher@school.example");
    expect(secret).toHaveLength(32);
    expect(groupedKey("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
