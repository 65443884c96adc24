import { describe, expect, it } from "vitest";
import { frameCookieValue, originsOf, parseFrameOrigins } from "./frame-origins";

describe("frame origins", () => {
  it("keeps the origins of web URLs, once each", () => {
    expect(originsOf(["https://lms.example/a?b", "https://lms.example/c", "http://127.0.0.1:3000/x", "javascript:alert(1)", null, "nope"])).toEqual([
      "https://lms.example",
      "http://127.0.0.1:3000",
    ]);
  });
  it("reads back only plain origins from the cookie", () => {
    expect(parseFrameOrigins(frameCookieValue(["https://lms.example", "http://localhost:4000"]))).toEqual(["https://lms.example", "http://localhost:4000"]);
    expect(parseFrameOrigins("https://a.example;script-src * 'self' https://b.example")).toEqual(["https://b.example"]);
    expect(parseFrameOrigins(undefined)).toEqual([]);
  });
});
