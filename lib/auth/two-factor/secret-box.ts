import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Sealing the TOTP secret at rest (docs/decisions/035-two-factor.md). Unlike a password, the
// server must read the secret back to check a code, so it cannot be hashed; it is encrypted
// instead, with AES-256-GCM under a key derived from SESSION_SECRET by HKDF. The key lives
// in the environment, never the database, so a leaked table or backup yields no secrets.
// The user's id is the additional data: a sealed secret copied onto another account's row
// does not open there. "v1." names the scheme, so a later key or cipher can be told apart.

const VERSION = "v1";

/** A purpose-bound key from the app secret: one derivation per use, never the raw secret. */
export function deriveKey(appSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "extent", purpose, 32));
}

const b64 = (b: Buffer) => b.toString("base64url");

export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(".");
}

/** The plaintext, or null when the value was tampered with, sealed for someone else, or under another key. */
export function open(key: Buffer, sealed: string, boundTo: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
