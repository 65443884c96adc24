import { describe, expect, it } from "vitest";
import { openTarget } from "./open-target";

const ORIGIN = "https://extent.school.org";

describe("where opening a notification goes", () => {
  it.each([
    ["/assignments/abc", "/assignments/abc"],
    ["/assignments/abc?version=2#feedback", "/assignments/abc?version=2#feedback"],
    [`${ORIGIN}/assignments/abc`, "/assignments/abc"],
  ])("a path of ours, %s, is kept", (href, to) => {
    expect(openTarget(href, ORIGIN)).toBe(to);
  });

  it.each([
    "https://evil.example/x",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://extent.school.org/x",
    "",
    "x".repeat(5000),
  ])("anything else (%s) goes to the inbox", (href) => {
    expect(openTarget(href, ORIGIN)).toBe("/notifications");
  });

  it("'/.//evil.example' stays on our origin and is never a protocol-relative Location", () => {
    expect(openTarget("/.//evil.example", ORIGIN)).toBe("/evil.example");
  });
});
