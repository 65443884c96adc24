import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import { connect, createServer, type Socket } from "node:net";

// A password check in front of the embedded database. pglite-socket 0.2.17 has no
// authentication: it hands the client's startup message to PGlite, which answers
// AuthenticationOk to any user and password. This gate listens on TCP, runs PostgreSQL's
// own SCRAM-SHA-256 exchange (RFC 5802/7677, what a real server does by default; the
// password never crosses the socket), and only then connects the client to the database's
// private unix socket, replaying its startup message so PGlite answers it as before.
// Anything else (a wrong password, a malformed or slow exchange) gets a Postgres error and
// the connection is closed before a byte reaches the database.

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const ITERATIONS = 4096;
const MAX_AUTH_MESSAGE = 16 * 1024;
const AUTH_TIMEOUT_MS = 10_000;

export type PasswordGate = { port: number; stop: () => Promise<void> };

type Verifier = { salt: Buffer; storedKey: Buffer; serverKey: Buffer };

const hmac = (key: Buffer, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

// What a PostgreSQL server stores for a SCRAM password; computed once per gate.
function verifierFor(password: string): Verifier {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, ITERATIONS, 32, "sha256");
  return { salt, storedKey: sha256(hmac(salted, "Client Key")), serverKey: hmac(salted, "Server Key") };
}

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function authentication(code: number, data = Buffer.alloc(0)): Buffer {
  const c = Buffer.alloc(4);
  c.writeInt32BE(code);
  return message("R", Buffer.concat([c, data]));
}

function errorResponse(code: string, text: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${code}`, `M${text}`].map((f) => Buffer.from(`${f}\0`, "utf8"));
  return message("E", Buffer.concat([...fields, Buffer.from([0])]));
}

function startupUser(msg: Buffer): string {
  const parts = msg.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === "user") return parts[i + 1]!;
  return "";
}

/** One client's SCRAM exchange: the server's replies, or null when the proof is wrong. */
function scramSession(verifier: Verifier) {
  let clientFirstBare = "";
  let serverFirst = "";
  let nonce = "";
  let channel = "";
  return {
    first(clientFirst: string): string | null {
      // gs2 header: "n,," (no channel binding) or "y,," (client could but server cannot).
      const m = /^([ny]),,(n=[^,]*,r=([^,]+).*)$/.exec(clientFirst);
      if (!m) return null;
      channel = Buffer.from(`${m[1]},,`).toString("base64");
      clientFirstBare = m[2]!;
      nonce = m[3]! + randomBytes(18).toString("base64");
      serverFirst = `r=${nonce},s=${verifier.salt.toString("base64")},i=${ITERATIONS}`;
      return serverFirst;
    },
    final(clientFinal: string): string | null {
      const m = /^(c=([^,]*),r=([^,]*)(?:,[^,]*)*),p=([^,]+)$/.exec(clientFinal);
      if (!m || m[2] !== channel || m[3] !== nonce) return null;
      const authMessage = `${clientFirstBare},${serverFirst},${m[1]}`;
      const proof = Buffer.from(m[4]!, "base64");
      const signature = hmac(verifier.storedKey, authMessage);
      if (proof.length !== signature.length) return null;
      const clientKey = Buffer.from(proof.map((b, i) => b ^ signature[i]!));
      if (!timingSafeEqual(sha256(clientKey), verifier.storedKey)) return null;
      return `v=${hmac(verifier.serverKey, authMessage).toString("base64")}`;
    },
  };
}

/** Listens on host:port (0 for any free port) and admits clients that know `password` to `upstreamPath`. */
export async function startPasswordGate(opts: { password: string; upstreamPath: string; host: string; port: number }): Promise<PasswordGate> {
  const verifier = verifierFor(opts.password);
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const timer = setTimeout(() => client.destroy(), AUTH_TIMEOUT_MS);
    const scram = scramSession(verifier);
    let buffer = Buffer.alloc(0);
    let startup: Buffer | null = null;
    let stage: "startup" | "sasl-initial" | "sasl-final" = "startup";

    const refuse = (code: string, text: string): false => {
      clearTimeout(timer);
      client.removeListener("data", onData);
      client.end(errorResponse(code, text));
      return false;
    };

    const admit = () => {
      clearTimeout(timer);
      client.removeListener("data", onData);
      client.pause();
      const upstream = connect(opts.upstreamPath);
      sockets.add(upstream);
      upstream.on("close", () => {
        sockets.delete(upstream);
        client.destroy();
      });
      client.on("close", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      upstream.write(Buffer.concat([startup!, buffer]));
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    };

    // Returns false while the buffer holds no complete message.
    const step = (): boolean => {
      if (stage === "startup") {
        if (buffer.length < 8) return false;
        const length = buffer.readInt32BE(0);
        if (length < 8 || length > MAX_AUTH_MESSAGE) return refuse("08P01", "invalid startup packet");
        if (buffer.length < length) return false;
        const msg = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        const code = msg.readInt32BE(4);
        // No TLS on loopback: answer 'N' and the client carries on in plain text.
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          client.write("N");
          return true;
        }
        // PGlite has no backend to cancel; an unauthenticated cancel is just closed.
        if (code === CANCEL_REQUEST) {
          clearTimeout(timer);
          client.removeListener("data", onData);
          client.end();
          return false;
        }
        if (code !== PROTOCOL_3) return refuse("08P01", "unsupported frontend protocol");
        startup = Buffer.from(msg);
        stage = "sasl-initial";
        client.write(authentication(10, Buffer.from("SCRAM-SHA-256\0\0")));
        return true;
      }
      if (buffer.length < 5) return false;
      const length = buffer.readInt32BE(1);
      if (buffer[0] !== 0x70 /* 'p' */ || length < 4 || length > MAX_AUTH_MESSAGE) return refuse("08P01", "expected a SASL response");
      if (buffer.length < length + 1) return false;
      let body = buffer.subarray(5, length + 1);
      buffer = buffer.subarray(length + 1);
      const user = startupUser(startup!);
      const wrong = () => refuse("28P01", `password authentication failed for user "${user}"`);
      if (stage === "sasl-initial") {
        const end = body.indexOf(0);
        if (end < 0 || body.subarray(0, end).toString() !== "SCRAM-SHA-256" || body.length < end + 5) return wrong();
        body = body.subarray(end + 5);
        const reply = scram.first(body.toString("utf8"));
        if (!reply) return wrong();
        stage = "sasl-final";
        client.write(authentication(11, Buffer.from(reply)));
        return true;
      }
      const reply = scram.final(body.toString("utf8"));
      if (!reply) return wrong();
      client.write(authentication(12, Buffer.from(reply)));
      admit();
      return false;
    };

    function onData(chunk: Buffer) {
      buffer = Buffer.concat([buffer, chunk]);
      while (step());
    }
    client.on("data", onData);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
