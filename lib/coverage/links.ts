// Links the student set by hand, paragraph key → what the paragraph is. Stored with the draft
// (Draft.paragraphLinks, copied to each Submission), validated on the server by
// lib/drafts/paragraph-link-schema.ts; this file has no zod so the editor can import it
// (docs/decisions/018-client-bundle.md).

export const ROLE_TARGETS = ["role:introduction", "role:conclusion", "role:none"] as const;
export type RoleTarget = (typeof ROLE_TARGETS)[number];
/** A factor's id, or a role: the introduction, the conclusion, or "about no planned factor". */
export type LinkTarget = string;
export type ParagraphLinks = Readonly<Record<string, LinkTarget>>;

export const LINK_LIMITS = {
  /** More links than an essay of 100,000 characters could sensibly have paragraphs. */
  links: 200,
  key: 24,
} as const;

export const PARAGRAPH_KEY_PATTERN = /^p[0-9a-z]{1,8}(?:\.[0-9]{1,3})?$/;

export const isRoleTarget = (t: string): t is RoleTarget => (ROLE_TARGETS as readonly string[]).includes(t);

/** Stored links, read defensively: anything not a string-to-string map is no links. */
export function readLinks(json: unknown): Record<string, LinkTarget> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const out: Record<string, LinkTarget> = {};
  for (const [k, v] of Object.entries(json)) if (typeof v === "string" && PARAGRAPH_KEY_PATTERN.test(k)) out[k] = v;
  return out;
}
