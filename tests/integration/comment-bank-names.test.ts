import { describe, expect, it } from "vitest";
import { addToCommentBank, listCommentBank } from "@/lib/marking/comment-bank";
import { makeTeacher } from "../factories";

// One bank serves every scheme a teacher marks with, so each entry carries the name of the
// criterion it was saved under, read from the rubric files: the desk never shows an id.

describe("comment bank criterion names", () => {
  it("names each entry's criterion from whichever rubric file has it, and a criterion no file has from its id's words", async () => {
    const teacher = await makeTeacher({ name: "Mr Ned Names" });
    const add = (criterionId: string, text: string) => addToCommentBank(teacher, { criterionId, text, kind: "TARGET" });
    expect(await add("overall", "Reach a judgement.")).toMatchObject({ criterionName: "Overall quality" });
    await add("judgement", "Support the judgement.");
    await add("analysis-judgement", "Weigh the factors.");
    await add("old-criterion", "From a scheme since removed.");
    const names = Object.fromEntries((await listCommentBank(teacher)).map((e) => [e.criterionId, e.criterionName]));
    expect(names).toEqual({
      overall: "Overall quality",
      judgement: "Evaluation and judgement",
      "analysis-judgement": "Analysis and judgement",
      "old-criterion": "Old criterion",
    });
  });
});
