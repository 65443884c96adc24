import { describe, expect, it } from "vitest";
import { noun, plural } from "./plural";

describe("plural", () => {
  it("says one thing in the singular and any other count in the plural (seen: '1 FAQ entries', '1 students')", () => {
    expect(plural(1, "FAQ entry", "FAQ entries")).toBe("1 FAQ entry");
    expect(plural(1, "student")).toBe("1 student");
    expect(plural(0, "student")).toBe("0 students");
    expect(plural(2, "FAQ entry", "FAQ entries")).toBe("2 FAQ entries");
  });

  it("groups thousands and offers the bare noun", () => {
    expect(plural(1200, "point")).toBe("1,200 points");
    expect(noun(1, "was", "were")).toBe("was");
    expect(noun(3, "was", "were")).toBe("were");
  });
});
