import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadRubrics, parseRubricFile, rubricFingerprint } from "./load-rubrics";

const shipped = path.resolve(import.meta.dirname, "../../rubrics");

function validRubric() {
  return {
    id: "small-holistic",
    version: 1,
    title: "Small holistic",
    shape: "holistic",
    totalMarks: 6,
    criteria: [
      {
        id: "overall",
        name: "Overall",
        description: "Best fit.",
        levels: [
          { level: 1, marks: { min: 1, max: 3 }, descriptor: "Describes.", nextStep: "To reach Level 2, explain." },
          { level: 2, marks: { min: 4, max: 6 }, descriptor: "Explains.", nextStep: "To secure Level 2, judge." },
        ],
      },
    ],
  };
}

const tempDirs: string[] = [];
function tempRubrics(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extent-rubrics-"));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("loadRubrics", () => {
  it("loads every shipped rubric cleanly, sorted by file name", () => {
    const { rubrics, errors } = loadRubrics(shipped);
    expect(errors).toEqual([]);
    expect(rubrics.map((r) => [r.id, r.shape, r.totalMarks])).toEqual([
      ["holistic-15-markbands", "holistic", 15],
      ["holistic-25-five-levels", "holistic", 25],
      ["strands-20-four-strands", "strands", 20],
      ["summed-30-two-tables", "summed", 30],
    ]);
  });

  it("flags the unconfirmed numbers PEDAGOGY.md names", () => {
    const { rubrics } = loadRubrics(shipped);
    const unconfirmed = rubrics.filter((r) => r.source?.unconfirmed).map((r) => r.id);
    expect(unconfirmed).toEqual(["strands-20-four-strands", "summed-30-two-tables"]);
  });

  it("reports each broken file by name and field, and still loads the good ones", () => {
    const overlapping = validRubric();
    overlapping.criteria[0]!.levels[1]!.marks.min = 3;
    const gap = validRubric();
    gap.criteria[0]!.levels[1]!.marks.min = 5;
    const wrongTotal = { ...validRubric(), id: "wrong-total", totalMarks: 8 };
    const twoCriteria = validRubric();
    twoCriteria.criteria.push({ ...twoCriteria.criteria[0]!, id: "second" });
    const { title: _title, ...missingTitle } = validRubric();

    const dir = tempRubrics({
      "a-good.json": json(validRubric()),
      "b-invalid.json": '{\n  "id": "x",\n  "version": 1,\n}\n',
      "c-missing.json": json(missingTitle),
      "d-overlap.json": json(overlapping),
      "e-gap.json": json(gap),
      "f-total.json": json(wrongTotal),
      "g-two.json": json(twoCriteria),
      "notes.txt": "not a rubric",
    });
    const label = path.basename(dir);
    const { rubrics, errors } = loadRubrics(dir);

    expect(rubrics.map((r) => r.id)).toEqual(["small-holistic"]);
    expect(errors).toEqual([
      `${label}/b-invalid.json: invalid JSON at line 4, column 1 (position 31): unexpected "}"`,
      `${label}/c-missing.json: title: is required`,
      `${label}/d-overlap.json: criteria[0].levels[1].marks.min: must be 4 to follow the band below (ends at 3); 3 overlaps it`,
      `${label}/e-gap.json: criteria[0].levels[1].marks.min: must be 4 to follow the band below (ends at 3); 5 leaves a gap`,
      `${label}/f-total.json: criteria[0].levels[1].marks.max: must be 8 (totalMarks): the top band of a holistic ladder ends at the rubric's total; found 6`,
      `${label}/g-two.json: criteria: a holistic rubric has exactly one criterion (its single ladder of levels); found 2`,
    ]);
  });

  it("refuses a duplicate id, naming both files", () => {
    const dir = tempRubrics({ "one.json": json(validRubric()), "two.json": json(validRubric()) });
    const label = path.basename(dir);
    const { rubrics, errors } = loadRubrics(dir);
    expect(rubrics).toHaveLength(1);
    expect(errors).toEqual([`${label}/two.json: id: "small-holistic" is already used by ${label}/one.json; give one of them a new id`]);
  });

  it("reports a missing folder instead of throwing", () => {
    const { rubrics, errors } = loadRubrics(path.join(os.tmpdir(), "extent-no-such-folder"));
    expect(rubrics).toEqual([]);
    expect(errors[0]).toMatch(/^extent-no-such-folder: cannot read the rubrics folder/);
  });
});

describe("parseRubricFile", () => {
  it("gives a position for JSON errors Node reports without one", () => {
    const result = parseRubricFile("rubrics/x.json", '{"id": tru}');
    expect(result).toEqual({ ok: false, error: 'rubrics/x.json: invalid JSON at line 1, column 8 (position 7): unexpected "t"' });
    const cut = parseRubricFile("rubrics/x.json", '{"id": 1');
    expect(cut.ok || cut.error).toBe("rubrics/x.json: invalid JSON at line 1, column 9 (position 8): the file ends too soon (a missing } or ]?)");
  });

  it("reports every problem in a file, one per line", () => {
    const r = validRubric() as Record<string, unknown>;
    delete r.version;
    r.extra = true;
    const result = parseRubricFile("rubrics/x.json", json(r));
    expect(result.ok || result.error.split("\n")).toEqual([
      "rubrics/x.json: version: is required",
      'rubrics/x.json: unknown field "extra" (check the spelling)',
    ]);
  });

  it("accepts a byte-order mark", () => {
    expect(parseRubricFile("rubrics/x.json", `\uFEFF${json(validRubric())}`).ok).toBe(true);
  });
});

describe("rubricFingerprint", () => {
  const parse = (text: string) => {
    const result = parseRubricFile("x.json", text);
    if (!result.ok) throw new Error(result.error);
    return result.rubric;
  };

  it("is stable under key reordering and formatting", () => {
    const original = validRubric();
    const { criteria, ...rest } = original;
    const reordered = { criteria, ...Object.fromEntries(Object.entries(rest).reverse()) };
    const a = rubricFingerprint(parse(json(original)));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(rubricFingerprint(parse(JSON.stringify(reordered)))).toBe(a);
  });

  it("changes when a descriptor changes", () => {
    const edited = validRubric();
    edited.criteria[0]!.levels[0]!.descriptor = "Describes, with little explanation.";
    expect(rubricFingerprint(parse(json(edited)))).not.toBe(rubricFingerprint(parse(json(validRubric()))));
  });
});
