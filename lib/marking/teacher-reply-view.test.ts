import { describe, expect, it } from "vitest";
import { replierName, teacherReplyOf } from "./teacher-reply-view";

describe("the teacher's reply as pages show it", () => {
  const at = new Date("2026-06-10T16:00:00Z");

  it("is absent until a reply was saved, whatever the text column holds", () => {
    expect(teacherReplyOf({ teacherReply: "", teacherRepliedAt: null, teacherReplyByName: null })).toBeNull();
    expect(replierName(null, { name: "Ms Rosa Hughes" })).toBeNull();
  });

  it("names who wrote it, or a former teacher once their account is gone", () => {
    expect(teacherReplyOf({ teacherReply: "Good plan.", teacherRepliedAt: at, teacherReplyByName: replierName(at, { name: "Ms Rosa Hughes" }) })).toEqual({ text: "Good plan.", repliedAt: at, byName: "Ms Rosa Hughes" });
    expect(replierName(at, null)).toBe("a former teacher");
    expect(teacherReplyOf({ teacherReply: "Good plan.", teacherRepliedAt: at, teacherReplyByName: null })?.byName).toBe("a former teacher");
  });
});
