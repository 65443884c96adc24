import { describe, expect, it } from "vitest";
import { waitInWords } from "./throttle-wait";

describe("waitInWords", () => {
  it("rounds up to whole seconds below a minute", () => {
    expect(waitInWords(0)).toBe("1 second");
    expect(waitInWords(1000)).toBe("1 second");
    expect(waitInWords(1001)).toBe("2 seconds");
    expect(waitInWords(59_000)).toBe("59 seconds");
  });

  it("rounds up to whole minutes from a minute", () => {
    expect(waitInWords(60_000)).toBe("1 minute");
    expect(waitInWords(61_000)).toBe("2 minutes");
    expect(waitInWords(15 * 60_000)).toBe("15 minutes");
  });
});
