// The per-student archive: a zip (fflate 0.8.3, no dependencies) holding manifest.json, data.json,
// annotations.jsonld, pack.html and pack.pdf; stored in Postgres in 1 MiB chunks so any app instance
// can serve the download (no shared disk). Checked with unzip and by reading it back from the table.
import { zipSync, unzipSync, strToU8, strFromU8 } from "fflate";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { database, checker } from "./harness.mjs";
const { check, done } = checker();
const kind = process.argv[2] ?? "pglite";
const annotations = { "@context": "http://www.w3.org/ns/anno.jsonld", id: "https://extent.example/export/s1/annotations", type: "AnnotationCollection", total: 0, first: { type: "AnnotationPage", items: [] } };
const data = { schema: "https://extent.example/schemas/export/student-v1.schema.json", student: { id: "s1", name: "Zoë" }, classes: [], assignments: [] };
const files = {
  "data.json": strToU8(JSON.stringify(data, null, 2)),
  "annotations.jsonld": strToU8(JSON.stringify(annotations, null, 2)),
  "pack.html": strToU8("<!doctype html><html lang=en><meta charset=utf-8><title>Work of Zoë</title><h1>Work of Zoë</h1></html>"),
  "pack.pdf": readFileSync(new URL("../out/pack-pdfkit.pdf", import.meta.url)),
  "big-filler.txt": strToU8(randomBytes(2_400_000).toString("base64")), // ~3.2 MB that does not compress away, to exercise chunking
};
const manifest = { format: "extent-student-export", version: 1, createdAt: new Date().toISOString(), files: Object.fromEntries(Object.entries(files).map(([n, b]) => [n, { bytes: b.length, sha256: createHash("sha256").update(b).digest("hex") }])) };
const t0 = Date.now();
const zip = zipSync({ "manifest.json": strToU8(JSON.stringify(manifest, null, 2)), ...files }, { level: 6, mtime: new Date("2026-12-02T00:00:00Z") });
console.log(`zip: ${zip.length} bytes in ${Date.now() - t0} ms`);
writeFileSync(new URL("../out/student-export.zip", import.meta.url), zip);
const listing = execFileSync("unzip", ["-l", new URL("../out/student-export.zip", import.meta.url).pathname]).toString();
console.log(listing.trim().split("\n").slice(-8).join("\n"));
check("unzip lists all six entries", (listing.match(/\n\s+\d+\s+\S+ \S+\s+\S/g) ?? []).length >= 6 || /6 files/.test(listing));

const dbh = await database(kind, "r15_export");
const c = new pg.Client(dbh.url); await c.connect();
await c.query(`create table "ExportFile" (id text primary key, "ownerId" text not null, "expiresAt" timestamptz not null, bytes int not null, sha256 text not null)`);
await c.query(`create table "ExportChunk" ("fileId" text references "ExportFile"(id) on delete cascade, n int, data bytea not null, primary key ("fileId", n))`);
const CHUNK = 1 << 20;
await c.query("begin");
await c.query(`insert into "ExportFile" values ('f1','s1', now() + interval '7 days', $1, $2)`, [zip.length, createHash("sha256").update(zip).digest("hex")]);
for (let i = 0, n = 0; i < zip.length; i += CHUNK, n++) await c.query(`insert into "ExportChunk" values ('f1', $1, $2)`, [n, Buffer.from(zip.subarray(i, i + CHUNK))]);
await c.query("commit");
const rows = (await c.query(`select data from "ExportChunk" where "fileId"='f1' order by n`)).rows;
const back = Buffer.concat(rows.map((r) => r.data));
check(`read back from ${rows.length} chunk rows equals the zip`, back.equals(Buffer.from(zip)));
const un = unzipSync(new Uint8Array(back));
check("manifest sha256 matches data.json", createHash("sha256").update(un["data.json"]).digest("hex") === JSON.parse(strFromU8(un["manifest.json"])).files["data.json"].sha256);
await c.end(); await dbh.stop();
process.exitCode = done() ? 1 : 0;
