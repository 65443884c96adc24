import { describe, expect, it } from "vitest";
import { makeUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "s".repeat(40);
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("an unsubscribe token's signature", () => {
  it("is accepted only as written: every other last character fails, even those that decode to the same bytes", () => {
    for (let i = 0; i < 40; i++) {
      const token = makeUnsubscribeToken(SECRET, `user-${i}`, "DUE_SOON");
      const last = token.at(-1)!;
      for (const other of B64URL) {
        if (other === last) continue;
        expect(readUnsubscribeToken(SECRET, token.slice(0, -1) + other), `${token} with its last character ${other}`).toBeNull();
      }
      expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: `user-${i}`, kind: "DUE_SOON" });
    }
  });
});
