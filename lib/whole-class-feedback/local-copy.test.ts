import { describe, expect, it } from "vitest";
import { encodeLocalCopy, localCopyToRestore } from "./local-copy";

const server = { content: { intro: "Saved.", comments: "", criteria: [{ criterionId: "overall", strengths: "", targets: "" }] }, revision: 3 };

describe("whole-class feedback local copy", () => {
  it("offers back unsaved text based on this or an older revision", () => {
    const copy = { content: { ...server.content, intro: "Typed, not saved." }, baseRevision: 2 };
    expect(localCopyToRestore(encodeLocalCopy(copy), server)).toEqual(copy);
  });
  it("ignores a copy identical to the server's, one from a revision the server never had, and junk", () => {
    expect(localCopyToRestore(encodeLocalCopy({ content: server.content, baseRevision: 3 }), server)).toBeNull();
    expect(localCopyToRestore(encodeLocalCopy({ content: { ...server.content, intro: "x" }, baseRevision: 9 }), server)).toBeNull();
    expect(localCopyToRestore("{not json", server)).toBeNull();
    expect(localCopyToRestore(JSON.stringify({ content: { intro: 5 }, baseRevision: 1 }), server)).toBeNull();
    expect(localCopyToRestore(null, server)).toBeNull();
  });
});
