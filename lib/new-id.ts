import { randomBytes } from "node:crypto";

// Ids for rows written by raw SQL on the hot save path, where Prisma's client-side
// @default(cuid()) does not run. Shaped like those cuids ("c", base-36 milliseconds, a
// counter, randomness; 25 characters) so they sort by creation time in byte order too,
// which history's tie-break on equal timestamps relies on (ORDER BY "createdAt", id).
let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(12, "0").slice(-12);
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${random}`;
}
