import { describe, expect, it } from "vitest";
import { bankPointTooLong, evidenceFromBank } from "./bank-evidence";
import { PLAN_LIMITS } from "./plan-limits";
import { EvidenceSchema } from "./plan-schema";

const id = () => "e1";

describe("evidenceFromBank", () => {
  it("keeps a point that fits as it is", () => {
    const { evidence, trimmed } = evidenceFromBank({ id: "p1", text: "The Secret Speech, 1956.", path: ["De-Stalinisation", "Speeches"] }, id);
    expect(trimmed).toBe(false);
    expect(evidence).toEqual({ id: "e1", text: "The Secret Speech, 1956.", source: { kind: "bank", pointId: "p1", path: ["De-Stalinisation", "Speeches"] } });
  });

  it("shortens a point longer than the plan accepts, and its headings, so the plan still saves", () => {
    const long = "word ".repeat(200);
    const point = { id: "p2", text: long, path: Array.from({ length: 12 }, (_, i) => `${i} ${"h".repeat(300)}`) };
    expect(bankPointTooLong(point)).toBe(true);
    const { evidence, trimmed } = evidenceFromBank(point, id);
    expect(trimmed).toBe(true);
    expect(evidence.text.length).toBeLessThanOrEqual(PLAN_LIMITS.evidenceText);
    expect(evidence.text.endsWith("…")).toBe(true);
    expect(long.startsWith(evidence.text.slice(0, -1))).toBe(true);
    expect(EvidenceSchema.safeParse(evidence).success).toBe(true);
  });

  it("a point of exactly the limit is not shortened", () => {
    const text = "x".repeat(PLAN_LIMITS.evidenceText);
    expect(evidenceFromBank({ id: "p3", text, path: [] }, id)).toMatchObject({ trimmed: false, evidence: { text } });
  });
});
