import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { csvFileName } from "../csv/encode-csv";

// The zip of an export (fflate; decision 041) with manifest.json first: what the archive is,
// and every other file's size and SHA-256, so a recipient can check nothing was lost.

export type ArchiveEntries = Record<string, Uint8Array>;

export const jsonBytes = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
export const textBytes = (text: string) => strToU8(text);

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function buildArchive(entries: ArchiveEntries, manifest: Record<string, unknown>, createdAt: Date): Uint8Array {
  const files = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, { bytes: bytes.length, sha256: sha256(bytes) }]));
  const all = { "manifest.json": jsonBytes({ ...manifest, files }), ...entries };
  // Compressed text, stored PDFs (already compressed); one fixed time, so a retry's zip is byte-identical.
  return zipSync(
    Object.fromEntries(Object.entries(all).map(([name, bytes]) => [name, [bytes, { level: name.endsWith(".pdf") ? 0 : 6 }]])),
    { mtime: createdAt },
  );
}

/** extent-export-<kind>-<name>-<yyyy-mm-dd>.zip, ASCII only. */
export function archiveName(kind: "student" | "class", name: string, date: string): string {
  return csvFileName("extent-export", kind, name, date).replace(/\.csv$/, ".zip");
}
