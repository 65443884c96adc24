// ajv 8.20.0 (draft 2020-12) + ajv-formats 3.0.1: validate exported annotations against the W3C Web
// Annotation Data Model's required properties, and convert the app's UTF-16 offsets to the code-point
// offsets the model requires for TextPositionSelector.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { checker } from "./harness.mjs";
const { check, done } = checker();
const schema = JSON.parse(readFileSync(new URL("../schema/web-annotation.schema.json", import.meta.url)));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

// UTF-16 offsets (what JS string indices and the Annotation table hold) -> code points (what the W3C model says).
const toCodePoint = (text, utf16) => [...text.slice(0, utf16)].length;

const text = "The Treaty 📜 of Versailles (1919) was harsh.";
const exact = "Versailles";
const s16 = text.indexOf(exact), e16 = s16 + exact.length;
const sCp = toCodePoint(text, s16), eCp = toCodePoint(text, e16);
console.log(`UTF-16 [${s16}, ${e16}) vs code points [${sCp}, ${eCp})`);
check("an astral character before the passage shifts the offsets by one", sCp === s16 - 1 && eCp === e16 - 1);
check("code-point slice gives the exact text back", [...text].slice(sCp, eCp).join("") === exact);

const origin = "https://extent.example";
const annotation = {
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: `${origin}/export/annotations/clx123`,
  type: "Annotation",
  motivation: "assessing",
  created: "2026-12-01T14:05:00Z",
  creator: { id: `${origin}/export/people/t1`, type: "Person", name: "Ms Teacher" },
  body: [
    { type: "TextualBody", value: "Give a specific term.", purpose: "commenting", format: "text/plain", language: "en" },
    { type: "TextualBody", value: "Evidence (target)", purpose: "tagging" },
  ],
  target: {
    type: "SpecificResource",
    source: `${origin}/export/submissions/sub1`,
    selector: [
      { type: "TextQuoteSelector", exact, prefix: text.slice(Math.max(0, s16 - 32), s16), suffix: text.slice(e16, e16 + 32) },
      { type: "TextPositionSelector", start: sCp, end: eCp },
    ],
  },
};
check("valid annotation passes", validate(annotation), JSON.stringify(validate.errors));
const bad = [
  ["no target", (a) => { delete a.target; }],
  ["wrong @context", (a) => { a["@context"] = "http://schema.org"; }],
  ["type not Annotation", (a) => { a.type = "Note"; }],
  ["relative id (not an IRI)", (a) => { a.id = "clx123"; }],
  ["TextQuoteSelector without exact", (a) => { delete a.target.selector[0].exact; }],
  ["TextPositionSelector with negative start", (a) => { a.target.selector[1].start = -1; }],
  ["TextPositionSelector missing end", (a) => { delete a.target.selector[1].end; }],
  ["SpecificResource without source", (a) => { delete a.target.source; }],
  ["TextualBody without value", (a) => { delete a.body[0].value; }],
];
for (const [name, mutate] of bad) {
  const a = structuredClone(annotation); mutate(a);
  const ok = validate(a);
  check(`rejects: ${name}`, !ok, ok ? "" : `(${validate.errors[0].instancePath || "/"} ${validate.errors[0].message})`);
}
// An array @context with extra contexts is allowed if anno.jsonld is among them.
const multi = structuredClone(annotation); multi["@context"] = ["http://www.w3.org/ns/anno.jsonld", { extent: `${origin}/ns#` }];
check("array @context containing anno.jsonld passes", validate(multi), JSON.stringify(validate.errors));
process.exitCode = done() ? 1 : 0;
