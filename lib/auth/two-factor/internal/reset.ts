import { db } from "../../../db";

// For whoever runs the deployment (`npm run two-factor -- reset email`, decision 035): a
// teacher who lost both their phone and their recovery codes. No acting user: it is never
// reachable from inside the app. Their sessions end too, so the next sign-in starts afresh
// (and is asked to set two-factor up again if their school requires it).
export async function resetTwoFactor(email: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) return false;
  await db().$transaction([
    db().recoveryCode.deleteMany({ where: { userId: user.id } }),
    db().twoFactor.deleteMany({ where: { userId: user.id } }),
    db().session.deleteMany({ where: { userId: user.id } }),
  ]);
  return true;
}
