import { describe, expect, it } from "vitest";
import { AuditFilterSchema, cursorOf, toAuditQuery } from "./filter";

describe("the audit viewer's filters", () => {
  it("reads dates as whole days on the school's clock, the 'to' day included", () => {
    const q = toAuditQuery(AuditFilterSchema.parse({ from: "2026-03-10", to: "2026-03-10" }), "Europe/London");
    expect(q.since?.toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(q.until?.toISOString()).toBe("2026-03-11T00:00:00.000Z");
    const summer = toAuditQuery(AuditFilterSchema.parse({ from: "2026-07-01", to: "2026-07-31" }), "Europe/London");
    expect(summer.since?.toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(summer.until?.toISOString()).toBe("2026-07-31T23:00:00.000Z");
  });

  it("ignores what it cannot read instead of refusing the page", () => {
    expect(AuditFilterSchema.parse({ action: "DROP", from: "yesterday", to: ["a", "b"], after: "1.2.3", person: "x".repeat(500) })).toEqual({});
    expect(toAuditQuery(AuditFilterSchema.parse({ person: "  " }), "Europe/London").person).toBeUndefined();
  });

  it("round-trips the keyset cursor", () => {
    const at = new Date("2026-05-01T09:00:00.123Z");
    const q = toAuditQuery(AuditFilterSchema.parse({ after: cursorOf({ at, id: "12345678901234567" }) }), "Europe/London");
    expect(q.cursor).toEqual({ at, id: 12345678901234567n });
  });
});
