import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "./secret-box";

describe("sealing the TOTP secret", () => {
  const key = deriveKey("an app secret that is long enough to use", "purpose A");

  it("opens what it sealed for the same account, and the stored form does not contain the secret", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(open(key, sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    expect(seal(key, "JBSWY3DPEHPK3PXP", "user-1")).not.toBe(sealed); // a fresh IV each time
  });

  it("refuses it for another account, under another key or purpose, or when tampered with", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(open(key, sealed, "user-2")).toBeNull();
    expect(open(deriveKey("an app secret that is long enough to use", "purpose B"), sealed, "user-1")).toBeNull();
    expect(open(deriveKey("another app secret, also long enough", "purpose A"), sealed, "user-1")).toBeNull();
    const [v, iv, tag, body] = sealed.split(".");
    // The first character: the last one of base64 may carry only padding bits.
    const flipped = (body!.startsWith("A") ? "B" : "A") + body!.slice(1);
    expect(open(key, [v, iv, tag, flipped].join("."), "user-1")).toBeNull();
    expect(open(key, "v2.x.y.z", "user-1")).toBeNull();
    expect(open(key, "garbage", "user-1")).toBeNull();
  });
});
