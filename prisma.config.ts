// Prisma CLI configuration. Migrate runs through a driver adapter on the WASM schema engine
// because the native engines cannot be downloaded on our offline machines (see README,
// "Database"). Everything odd in this file is a workaround for the CLI only; the app's
// runtime client (lib/db.ts) uses a plain PrismaPg adapter.

// The CLI probes for native engines at start and tries to download them when missing.
// Pointing these at any existing file stops the probe; they are never executed.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
// `prisma generate` validates the datasource url even though it never connects.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/extent";

import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// prisma/orm#27403: the WASM engine reads catalog columns of type `name` (oid 19) and
// `"char"` (oid 18), which adapter-pg 6.19 cannot deserialize. Report them as text (25).
class CatalogSafeClient extends pg.Client {
  // pg.Pool calls query() with a callback; Prisma calls it expecting a promise.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const fix = (result: pg.QueryResult | undefined) => {
      for (const field of result?.fields ?? []) {
        if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
      }
      return result;
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, result: pg.QueryResult) => last(err, fix(result));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return typeof out?.then === "function" ? out.then(fix) : out;
  }
}

// adapter-pg 6.19's executeScript splits a migration on every ";", which breaks any
// dollar-quoted function body (the audit trail's triggers, decision 039). Send the whole
// script as one simple query instead, as the tests' migration runner and the native engine
// do: PostgreSQL runs it as one implicit transaction, so a failed migration leaves nothing
// half-applied. Patched on the prototype so the shadow database's adapter gets it too.
type ScriptAdapter = { client: pg.Pool; onError(error: unknown): never };
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const proto = Object.getPrototypeOf(adapter) as { executeScript(script: string): Promise<void> };
    proto.executeScript = async function (this: ScriptAdapter, script: string) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    return adapter;
  }
}

function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  // Parsed fields, not connectionString: Migrate names the shadow database by overriding
  // `database`, which a connectionString would silently win over.
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username) || "postgres",
    password: decodeURIComponent(u.password) || undefined,
    Client: CatalogSafeClient as unknown as typeof pg.Client,
    // Migrate drops the shadow database while the pool still holds an idle connection;
    // a tiny idle timeout releases it (and lets the CLI exit promptly).
    idleTimeoutMillis: 1,
  };
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new WholeScriptPrismaPg(poolConfig(process.env.DATABASE_URL!)),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
});
