import { notFound, redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { callAction, guardAction, isUnreachable, UNREACHABLE_MESSAGE } from "./call-action";

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

  it("treats a call that resolves with nothing as unreachable", async () => {
    const r = await callAction<number>(async () => undefined as never);
    expect(isUnreachable(r)).toBe(true);
  });

  it("lets Next's redirect and not-found errors through, so the navigation still happens", async () => {
    await expect(callAction(async () => redirect("/topics/1"))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    await expect(callAction(async () => notFound())).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK/) });
  });
});

describe("guardAction", () => {
  it("wraps an action for useActionState: arguments pass through, a rejection becomes a refusal", async () => {
    const seen: unknown[] = [];
    const ok = guardAction(async (prev: unknown, input: string) => {
      seen.push(prev, input);
      return { ok: true as const, data: input.length };
    });
    expect(await ok(null, "four")).toEqual({ ok: true, data: 4 });
    expect(seen).toEqual([null, "four"]);
    const offline = guardAction(async (_prev: unknown, _input: string): Promise<{ ok: true; data: number }> => {
      throw new TypeError("Failed to fetch");
    });
    expect(await offline(null, "x")).toEqual({ ok: false, formError: UNREACHABLE_MESSAGE, unreachable: true });
  });
});
