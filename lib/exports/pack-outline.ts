import { formatDateTime } from "../time/format";
import type { StudentExportFile } from "./export-types";

// The readable pack's content as a flat outline of headings, paragraphs and lists, shared by
// pack.html and pack.pdf so the two say the same thing in the same order. Pure.

export type PackBlock =
  | { kind: "h1" | "h2" | "h3" | "h4"; text: string }
  | { kind: "p"; text: string; muted?: boolean }
  | { kind: "essay"; text: string }
  | { kind: "list"; items: string[] };

const KIND = { STRENGTH: "Strength", TARGET: "Target" } as const;

export function packOutline(file: StudentExportFile, zone: string): PackBlock[] {
  const at = (iso: string | null) => (iso ? formatDateTime(iso, zone) : "—");
  const out: PackBlock[] = [];
  const { account } = file;
  out.push({ kind: "h1", text: `Extent: the work and data of ${account.name}` });
  out.push({ kind: "p", muted: true, text: `Exported ${at(file.exportedAt)} (times in ${zone}). The same data, machine-readable, is in data.json and annotations.jsonld.` });
  out.push({ kind: "h2", text: "Account" });
  out.push({
    kind: "list",
    items: [
      `Name: ${account.name}`,
      `Email: ${account.email}`,
      `Account created: ${at(account.createdAt)}`,
      `School: ${account.school?.name ?? "none"}`,
      ...account.identities.map((i) => `Signs in through ${i.kind} (${i.issuer}) since ${at(i.createdAt)}`),
    ],
  });
  out.push({ kind: "h2", text: "Classes" });
  if (!file.classes.length) out.push({ kind: "p", text: "Not in any class." });
  else out.push({ kind: "list", items: file.classes.map((c) => `${c.name} (${c.subject}, ${c.yearGroup}), joined ${at(c.joinedAt)}; taught by ${c.teachers.map((t) => t.name).join(", ") || "nobody"}`) });
  out.push({ kind: "h2", text: "Assignments" });
  if (!file.assignments.length) out.push({ kind: "p", text: "No assignments." });
  for (const a of file.assignments) {
    out.push({ kind: "h3", text: a.question });
    out.push({
      kind: "list",
      items: [
        `Class: ${a.className ?? "a class you have left"}`,
        `Due: ${at(a.dueAt)}${a.wordLimit ? `; word limit ${a.wordLimit}` : ""}`,
        `Mark scheme: ${a.rubric.title} (version ${a.rubric.version})`,
        ...(a.candidateNumber !== null ? [`Candidate number: ${a.candidateNumber}`] : []),
        `Plan: ${a.plan ? `saved ${at(a.plan.updatedAt)}` : "none"}`,
        `Draft: ${a.draft ? `${a.draft.wordCount} words, last saved ${at(a.draft.updatedAt)}, ${a.draft.history.length} saved versions, ${a.draft.pastes.length} pastes` : "not started"}`,
      ],
    });
    if (a.draft && !a.draft.submittedAt && a.draft.text) {
      out.push({ kind: "h4", text: "Draft (not handed in)" });
      out.push({ kind: "essay", text: a.draft.text });
    }
    for (const s of a.submissions) {
      out.push({ kind: "h4", text: `Version ${s.number}, handed in ${at(s.submittedAt)}${s.late ? " (late)" : ""}, ${s.wordCount} words` });
      out.push({ kind: "essay", text: s.text });
      const m = s.marking;
      if (m) {
        const marks = m.marksHeld ? "Marks: not yet released" : `Mark: ${m.total ?? "not complete"}`;
        const state = m.status === "RETURNED" ? `Returned ${at(m.returnedAt)}` : "Being marked";
        out.push({
          kind: "list",
          items: [
            `${state}${m.marker ? ` by ${m.marker}` : ""}. ${marks}${m.redraftAllowed ? ". A redraft is allowed" : ""}`,
            ...(m.awards ?? []).map((w) => `${a.rubric.criteria.find((c) => c.id === w.criterionId)?.name ?? w.criterionId}: level ${w.level}${w.mark !== undefined ? `, ${w.mark} marks` : ""}`),
            ...(m.wentWell ? [`What went well: ${m.wentWell}`] : []),
            ...(m.evenBetterIf ? [`Even better if: ${m.evenBetterIf}`] : []),
            ...(m.response ? [`Response from ${account.name} (${at(m.respondedAt)}): ${m.response}`] : []),
            ...(m.teacherReply ? [`Reply from ${m.teacherReply.by} (${at(m.teacherReply.repliedAt)}): ${m.teacherReply.text}`] : []),
          ],
        });
      }
      if (s.annotations.length) {
        out.push({
          kind: "list",
          items: s.annotations.map(
            (n) => `${KIND[n.kind]} (${n.criterion}) on “${n.exact}”: ${n.comment}${n.status === "ADDRESSED" ? ` — addressed${n.addressedNote ? `: ${n.addressedNote}` : ""}` : ""}`,
          ),
        });
      }
    }
    const w = a.wholeClassFeedback;
    if (w) {
      out.push({ kind: "h4", text: "Feedback to the whole class" });
      const parts = [w.content.intro, ...w.content.criteria.flatMap((c) => [c.strengths, c.targets]), w.content.comments].filter(Boolean);
      for (const p of parts) out.push({ kind: "p", text: p });
    }
  }
  return out;
}
