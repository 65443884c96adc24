import { describe, expect, it } from "vitest";
import { callAction, isUnreachable, UNREACHABLE_MESSAGE } from "./call-action";

describe("callAction", () => {
  it("passes a result through unchanged", async () => {
    expect(await callAction(async () => ({ ok: true as const, data: 3 }))).toEqual({ ok: true, data: 3 });
    const refused = await callAction(async () => ({ ok: false as const, formError: "No." }));
    expect(refused).toEqual({ ok: false, formError: "No." });
    expect(isUnreachable(refused)).toBe(false);
  });

  it("turns a rejected call (network, 5xx) into an unreachable refusal", async () => {
    const r = await callAction<number>(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(r).toEqual({ ok: false, formError: UNREACHABLE_MESSAGE, unreachable: true });
    expect(isUnreachable(r)).toBe(true);
  });

  it("treats a call that throws synchronously the same way", async () => {
    const r = await callAction<number>(() => {
      throw new Error("boom");
    });
    expect(isUnreachable(r)).toBe(true);
  });
});
