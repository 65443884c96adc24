import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { sha256 } from "../archive";

// A finished export's bytes, in the database (instances share no disk): one ExportFile and
// chunks of at most 1 MiB, streamed back one row at a time. Unguarded.

export const CHUNK_BYTES = 1 << 20;

export async function saveExportFile(tx: Prisma.TransactionClient, requestId: string, fileName: string, bytes: Uint8Array, expiresAt: Date) {
  // A retried job replaces what an earlier attempt left (the chunks cascade).
  await tx.exportFile.deleteMany({ where: { requestId } });
  const file = await tx.exportFile.create({
    data: { requestId, fileName, contentType: "application/zip", bytes: bytes.length, sha256: sha256(bytes), expiresAt },
    select: { id: true },
  });
  for (let n = 0, at = 0; at < bytes.length; n++, at += CHUNK_BYTES) {
    await tx.exportChunk.create({ data: { fileId: file.id, n, data: Buffer.from(bytes.subarray(at, at + CHUNK_BYTES)) } });
  }
  return file.id;
}

/** The file's chunks in order, read one row per pull, so a large file is never all in memory. */
export function streamExportFile(fileId: string, chunks: number): ReadableStream<Uint8Array> {
  let n = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (n >= chunks) return controller.close();
      const row = await db().exportChunk.findUnique({ where: { fileId_n: { fileId, n } }, select: { data: true } });
      if (!row) return controller.error(new Error(`Export file ${fileId} is missing chunk ${n}.`));
      n++;
      controller.enqueue(new Uint8Array(row.data));
    },
  });
}
