import { describe, expect, it } from "vitest";
import { storedRecord } from "./stored-record";

describe("storedRecord", () => {
  it("reads back a stored object", () => {
    expect(storedRecord('{"a":1}')).toEqual({ a: 1 });
  });
  it("treats nothing, junk, half writes and non-objects as nothing stored", () => {
    for (const raw of [null, undefined, "", "{", '{"a":', "null", "[1]", "3", '"text"']) expect(storedRecord(raw)).toBeNull();
  });
});
