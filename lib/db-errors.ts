// Prisma's driver-adapter path reports unique violations as P2002 but puts the
// constraint's fields under meta.driverAdapterError, not meta.target.
export function isUniqueViolation(e: unknown, field?: string): boolean {
  if (typeof e !== "object" || e === null || (e as { code?: unknown }).code !== "P2002") return false;
  if (!field) return true;
  const meta = (e as { meta?: Record<string, unknown> }).meta ?? {};
  const fields =
    (meta.target as string[] | undefined) ??
    ((meta.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause?.constraint
      ?.fields ?? []);
  return Array.isArray(fields) && fields.some((f) => f.replaceAll('"', "") === field);
}
