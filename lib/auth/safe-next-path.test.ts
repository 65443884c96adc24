import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

const ORIGIN = "http://localhost:3000";
const next = (raw: string | null | undefined, fallback?: string) => safeNextPath(raw, fallback, ORIGIN);

// A Location header may hold only visible Latin-1 (and no CR, LF or NUL); ours stay ASCII.
const validHeader = (value: string) => /^[\x21-\x7e]*$/.test(value);

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(next("/assignments/a1")).toBe("/assignments/a1");
    expect(next("/classes/c1/board?status=late&sort=name#row-3")).toBe("/classes/c1/board?status=late&sort=name#row-3");
    expect(next("/")).toBe("/");
  });

  it("falls back for nothing at all", () => {
    expect(next(undefined)).toBe("/dashboard");
    expect(next(null)).toBe("/dashboard");
    expect(next("")).toBe("/dashboard");
    expect(next(undefined, "/topics")).toBe("/topics");
  });

  it("refuses protocol-relative and backslash forms of another host", () => {
    for (const raw of ["//evil.example", "//evil.example/phish", "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/\\/evil.example", "///evil.example", "////evil.example/x"]) {
      expect(next(raw), raw).toBe("/dashboard");
    }
  });

  it("refuses tabs and line breaks that a browser strips to reveal another host", () => {
    for (const raw of ["/\t/evil.example/phish", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", "/ /evil.example".replace(" ", "\t"), "/\\\t\\evil.example"]) {
      expect(next(raw), JSON.stringify(raw)).toBe("/dashboard");
    }
  });

  it("treats percent-encoded characters as part of a path, never as a separator", () => {
    // Decoded once by the query string, "%2F%09%2Fevil" arrives as "/\t/evil"; encoded twice it stays a path.
    expect(next(decodeURIComponent("%2F%09%2Fevil.example%2Fphish"))).toBe("/dashboard");
    expect(next("/%09/evil.example")).toBe("/%09/evil.example");
    expect(next("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(next("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("never returns a path a browser would read as another host", () => {
    expect(next("/.//evil.example")).toBe("/evil.example");
    expect(next("/x/..//evil.example/y")).toBe("/evil.example/y");
    expect(next("/./\\evil.example")).toBe("/evil.example");
  });

  it("refuses other schemes", () => {
    for (const raw of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:a@b.c", "file:///etc/passwd", "blob:http://localhost:3000/x"]) {
      expect(next(raw), raw).toBe("/dashboard");
    }
  });

  it("accepts absolute URLs on the app's origin and refuses any other origin", () => {
    expect(next("http://localhost:3000/topics?x=1#y")).toBe("/topics?x=1#y");
    expect(next("HTTP://LOCALHOST:3000/topics")).toBe("/topics");
    expect(next("https://localhost:3000/topics")).toBe("/dashboard");
    expect(next("http://localhost:3001/topics")).toBe("/dashboard");
    expect(next("http://evil.example/")).toBe("/dashboard");
    expect(next("http://localhost:3000@evil.example/")).toBe("/dashboard");
    // Same scheme and no slashes: a relative path on this origin, as a browser reads it.
    expect(next("http:evil.example")).toBe("/evil.example");
    expect(safeNextPath("https://extent.school.org/x", undefined, "https://extent.school.org")).toBe("/x");
  });

  it("resolves relative targets on the origin's root", () => {
    expect(next("topics")).toBe("/topics");
    expect(next("../../topics")).toBe("/topics");
    expect(next("?x=1")).toBe("/?x=1");
  });

  it("encodes what a header cannot carry, so a redirect never fails", () => {
    const cases = ["/topics/你好", "/a?q=Zoë&r=李", "/x#ü", "/a b", "/x?\u0000", "/\u2028x", "/\ud800x", "/x\u0085y", '/"<x>`', "/x?y=\u007f"];
    for (const raw of cases) {
      const out = next(raw);
      expect(out.startsWith("/"), raw).toBe(true);
      expect(out.startsWith("//"), raw).toBe(false);
      expect(validHeader(out), `${JSON.stringify(raw)} -> ${out}`).toBe(true);
    }
    expect(next("/topics/你好")).toBe("/topics/%E4%BD%A0%E5%A5%BD");
    expect(next("/a?q=Zoë")).toBe("/a?q=Zo%C3%AB");
  });

  it("reads full-width and other look-alike slashes as ordinary path characters", () => {
    expect(next("/\uFF0F\uFF0Fevil.example")).toBe("/%EF%BC%8F%EF%BC%8Fevil.example");
    expect(next("\uFF0F\uFF0Fevil.example")).toBe("/%EF%BC%8F%EF%BC%8Fevil.example");
    expect(next("/\u2215\u2215evil.example")).toBe("/%E2%88%95%E2%88%95evil.example");
    expect(next("http://ｅｖｉｌ.example/")).toBe("/dashboard");
    expect(next("http://localhost:3000。evil.example/")).toBe("/dashboard");
  });

  it("drops line breaks inside a same-origin path instead of failing", () => {
    expect(next("/topics\n/t1")).toBe("/topics/t1");
    expect(next("/x\r\nSet-Cookie: a=1")).toBe("/xSet-Cookie:%20a=1");
  });

  it("refuses absurdly long targets", () => {
    expect(next(`/${"a".repeat(5000)}`)).toBe("/dashboard");
  });
});
