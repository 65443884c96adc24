import "server-only";
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { db } from "../../db";

// The tool's RSA signing keys (decision 036), in Postgres so every instance signs with the
// same key and publishes the same set. Made on first use; rotation = insert a new row (it
// signs from then on) and set retiredAt on the old one, which stays published for a day so
// platforms that cached the set still verify what it signed.

const PUBLISH_RETIRED_MS = 24 * 60 * 60 * 1000;

export type SigningKey = { kid: string; key: CryptoKey };

async function makeKey(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `extent-${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString("hex")}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  await db().ltiKey.create({ data: { kid, publicJwk, privateJwk } });
}

async function currentRow() {
  return db().ltiKey.findFirst({ where: { retiredAt: null }, orderBy: [{ createdAt: "desc" }, { kid: "desc" }] });
}

/** The key that signs now (made if there is none). Two instances racing on first use each make one; the newer signs and both are published. */
export async function signingKey(): Promise<SigningKey> {
  let row = await currentRow();
  if (!row) {
    await makeKey();
    row = await currentRow();
  }
  const key = (await importJWK(row!.privateJwk as JWK, "RS256")) as CryptoKey;
  return { kid: row!.kid, key };
}

/** The public key set served at /lti/jwks. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  await signingKey();
  const rows = await db().ltiKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(Date.now() - PUBLISH_RETIRED_MS) } }] },
    orderBy: { createdAt: "desc" },
    select: { publicJwk: true },
  });
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/** Starts signing with a new key; the old one stays published for a day. */
export async function rotateSigningKey(): Promise<void> {
  const old = await currentRow();
  await makeKey();
  if (old) await db().ltiKey.update({ where: { kid: old.kid }, data: { retiredAt: new Date() } });
}
