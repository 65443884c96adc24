import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/embedded-postgres";

// The embedded database `npm start` runs without DATABASE_URL: its socket must refuse
// anyone who does not know the generated password (issue 10, finding 6).

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ password: "the-right-password-0123456789abcdef" });
});
afterAll(async () => {
  await embedded?.stop();
});

function withCredentials(user: string, password: string): string {
  const url = new URL(embedded.url);
  url.username = user;
  url.password = password;
  return url.toString();
}

async function tryConnect(url: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ answer: number }>("SELECT 42 AS answer");
    return { connected: true as const, answer: rows[0]?.answer };
  } catch (e) {
    return { connected: false as const, code: (e as { code?: string }).code, message: (e as Error).message };
  } finally {
    await client.end().catch(() => {});
  }
}

it("puts the password in the URL it hands to the app and Prisma, and that URL connects", async () => {
  expect(new URL(embedded.url).password).toBe("the-right-password-0123456789abcdef");
  expect(await tryConnect(embedded.url)).toEqual({ connected: true, answer: 42 });
});

it("refuses a wrong password, another user's guess and a near miss", async () => {
  for (const url of [
    withCredentials("postgres", "wrong"),
    withCredentials("anyone", "anything"),
    withCredentials("postgres", "the-right-password-0123456789abcdeF"),
  ]) {
    expect(await tryConnect(url)).toMatchObject({ connected: false, code: "28P01", message: expect.stringContaining("password authentication failed") });
  }
});

it("answers a client that skips the password exchange with an error and no query result", async () => {
  // A startup message for user postgres, then a simple query straight away, as a client
  // that expects trust authentication would send.
  const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4);
  const sql = Buffer.from("SELECT 42\0");
  const query = Buffer.alloc(5);
  query.write("Q", 0);
  query.writeInt32BE(4 + sql.length, 1);

  const received = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(new URL(embedded.url).port), "127.0.0.1", () => {
      socket.write(Buffer.concat([startup, params, query, sql]));
    });
    socket.on("data", (d) => chunks.push(d));
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.on("error", reject);
  });
  // Only the SCRAM request ('R', code 10) and a FATAL error ('E'); no row description,
  // data row or AuthenticationOk (code 0).
  const types: string[] = [];
  const codes: number[] = [];
  for (let at = 0; at < received.length; at += 1 + received.readInt32BE(at + 1)) {
    types.push(String.fromCharCode(received[at]!));
    if (received[at] === 0x52) codes.push(received.readInt32BE(at + 5));
  }
  expect(types).toEqual(["R", "E"]);
  expect(codes).toEqual([10]);
});

it("serves a pool of connections that all authenticate", async () => {
  const pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
  try {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.query<{ n: number }>("SELECT $1::int AS n", [i])));
    expect(answers.map((a) => a.rows[0]!.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  } finally {
    await pool.end();
  }
});
