import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of ten unambiguous characters, shown as two groups of five", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("are accepted as typed (case, spaces, dashes) and refused when they cannot be a code", () => {
    expect(normaliseRecoveryCode(" ABCDE-FGHJK ")).toBe("abcdefghjk");
    expect(normaliseRecoveryCode("abcde fghjk")).toBe("abcdefghjk");
    expect(normaliseRecoveryCode("abcdefghj")).toBeNull(); // too short
    expect(normaliseRecoveryCode("abcdefghjl")).toBeNull(); // "l" is never used
    expect(normaliseRecoveryCode("123456")).toBeNull();
  });

  it("are stored as a keyed hash: the same code and key give the same hash, another key another", () => {
    const key = Buffer.alloc(32, 1);
    const h = hashRecoveryCode(key, "abcdefghjk");
    expect(h).not.toContain("abcdefghjk");
    expect(hashRecoveryCode(key, "abcdefghjk")).toBe(h);
    expect(hashRecoveryCode(Buffer.alloc(32, 2), "abcdefghjk")).not.toBe(h);
    expect(hashRecoveryCode(key, "abcdefghjm")).not.toBe(h);
  });
});
