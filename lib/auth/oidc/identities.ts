import "server-only";
import { db } from "../../db";
import { AppError, notFound } from "../../errors";
import type { SessionUser } from "../sessions";

// The provider accounts linked to one's own Extent account (/account, decision 034).

export async function listLinkedIdentities(user: SessionUser) {
  const [identities, account] = await Promise.all([
    db().externalIdentity.findMany({
      where: { userId: user.id, kind: { in: ["GOOGLE", "MICROSOFT", "OIDC"] } },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, email: true, createdAt: true },
    }),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } }),
  ]);
  return { identities, hasPassword: account.passwordHash !== null };
}

/**
 * Unlinks one of the user's own provider accounts, unless it is their last way to sign in: an
 * account with no password keeps at least one provider. Someone else's link is not found. The
 * count and the delete share a transaction that locks the user's row, so two unlinks at once
 * cannot both pass the check.
 */
export async function unlinkIdentity(user: SessionUser, identityId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const [owner] = await tx.$queryRaw<{ hasPassword: boolean }[]>`
      SELECT "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const identity = await tx.externalIdentity.findFirst({
      where: { id: identityId, userId: user.id, kind: { in: ["GOOGLE", "MICROSOFT", "OIDC"] } },
      select: { id: true },
    });
    if (!owner || !identity) throw notFound("That linked account");
    if (!owner.hasPassword) {
      const others = await tx.externalIdentity.count({ where: { userId: user.id, kind: { in: ["GOOGLE", "MICROSOFT", "OIDC"] }, id: { not: identityId } } });
      if (others === 0) {
        throw new AppError("This is the only way you sign in to Extent, so it can't be unlinked. Link another provider first.", 409);
      }
    }
    await tx.externalIdentity.delete({ where: { id: identityId } });
  });
}
