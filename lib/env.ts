import { z } from "zod";

// The one place that reads process.env. Parsed lazily (not at import) so that `next build`
// and unit tests do not need a database URL.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters"),
  // Connections in the app's pool. The embedded database runs with 1: pglite-socket 0.2.17
  // interleaves overlapping queries from different connections (electric-sql/pglite#1046).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Set by the browser tests so cookies work over plain http on localhost.
  INSECURE_COOKIES: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}\nStart the app with \`npm start\`, which sets these up.`);
  }
  cached = parsed.data;
  return cached;
}
