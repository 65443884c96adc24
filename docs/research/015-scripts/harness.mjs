// Shared by the queue scripts: a database URL for real PostgreSQL (own database, dropped and
// re-created) or for PGlite 0.5.14 behind pglite-socket 0.2.17, set up as lib/embedded-postgres.ts
// does (maxConnections 50) but on a TCP port without the app's SCRAM gate.
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export async function database(kind, name) {
  if (kind === "pg") {
    const admin = new pg.Client("postgres://postgres@127.0.0.1:5432/postgres");
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    return { url: `postgres://postgres@127.0.0.1:5432/${name}`, stop: async () => {} };
  }
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 50 });
  await server.start();
  return { url: `postgres://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`, db, stop: async () => { await server.stop(); await db.close(); } };
}

export function checker() {
  let passed = 0, failed = 0;
  const check = (name, ok, extra = "") => { ok ? passed++ : failed++; console.log(`${ok ? "ok  " : "FAIL"} ${name} ${extra}`); };
  const done = () => { console.log(`${passed} passed, ${failed} failed`); return failed; };
  return { check, done };
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function until(fn, ms = 15000, step = 100) {
  const end = Date.now() + ms;
  while (Date.now() < end) { const v = await fn(); if (v) return v; await sleep(step); }
  return undefined;
}
