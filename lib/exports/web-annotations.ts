import type { StudentExport } from "./export-types";

// annotations.jsonld: the teachers' comments on a student's work in the W3C Web Annotation
// Data Model (decision 041), so other annotation tools can read them. Pure.

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * A UTF-16 offset (a JavaScript string index, what the Annotation table stores) as a count of
 * Unicode code points, which TextPositionSelector requires ("MUST be in terms of unicode
 * code points", annotation-model §4.2.4): an emoji before the passage counts once, not twice.
 */
export function codePointOffset(text: string, utf16: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(utf16, text.length); i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it at the low one.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    count++;
  }
  return count;
}

const urn = (kind: string, id: string) => `urn:extent:${kind}:${encodeURIComponent(id)}`;

export function toWebAnnotations(data: Pick<StudentExport, "assignments" | "account">, origin: string) {
  const items = data.assignments.flatMap((a) =>
    a.submissions.flatMap((s) =>
      s.annotations.map((n) => ({
        "@context": [ANNO_CONTEXT, { extent: `${origin}/ns#` }],
        id: urn("annotation", n.id),
        type: "Annotation",
        motivation: "assessing",
        created: n.createdAt,
        modified: n.updatedAt,
        creator: n.authorId ? { id: urn("user", n.authorId), type: "Person", name: n.author } : { type: "Person", name: n.author },
        body: [
          { type: "TextualBody", purpose: "commenting", format: "text/plain", value: n.comment },
          { type: "TextualBody", purpose: "tagging", value: n.criterion },
        ],
        target: {
          type: "SpecificResource",
          source: urn("submission", s.id),
          selector: [
            { type: "TextQuoteSelector", exact: n.exact, prefix: n.prefix, suffix: n.suffix },
            { type: "TextPositionSelector", start: codePointOffset(s.text, n.startUtf16), end: codePointOffset(s.text, n.endUtf16) },
          ],
        },
        "extent:kind": n.kind,
        "extent:status": n.status,
        ...(n.addressedNote ? { "extent:addressedNote": n.addressedNote } : {}),
      })),
    ),
  );
  return {
    "@context": ANNO_CONTEXT,
    id: urn("annotations-of", data.account.id),
    type: "AnnotationCollection",
    label: `Comments on the work of ${data.account.name}`,
    total: items.length,
    first: { type: "AnnotationPage", items },
  };
}
