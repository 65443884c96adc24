// README.txt of an export archive (decision 041).
export function readme(kind: "student" | "class", schemaUrl: string): string {
  const student = `data.json           Everything Extent holds about the student: account, school, classes,
                    assignments, plans, every saved version of each draft (with paste sizes
                    and timings), every handed-in version, markings, comments and targets,
                    responses and teachers' replies, candidate numbers and feedback to the
                    whole class.
                    Its format is described by the JSON Schema at
                    ${schemaUrl}
annotations.jsonld  The teachers' comments on the work as W3C Web Annotations (JSON-LD),
                    with TextQuoteSelector and TextPositionSelector (offsets in Unicode code
                    points), for annotation tools. data.json has the same comments with
                    Extent's own UTF-16 offsets.
pack.html           The same, readable in any browser and printable.
pack.pdf            The same as a tagged PDF.
`;
  const head = "This archive was exported from Extent, essay planning and marking.\n\nmanifest.json       What this archive is, and the size and SHA-256 of every other file in it.\n";
  if (kind === "student") return `${head}${student}\nTimes are ISO 8601 in UTC in the data files, and in the school's time zone in the packs.\n`;
  return `${head}class.json          The class, its teachers, students (and each one's folder) and assignments.
marks.csv           The class's marks, as the class page's "Download marks (CSV)" gives them.
students/<name-id>/ One folder per student with the work in this class:
${student.replace(/^/gm, "  ")}
Blind-marked work whose names are still hidden is left out of the student folders.
Times are ISO 8601 in UTC in the data files, and in the school's time zone in the packs.
`;
}
