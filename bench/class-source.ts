import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { classWorld, insertSession, type ClassWorld } from "./world";

// The teacher-page worlds. bench/bulk-class.ts (the tracking tests' bulk class: every kind of
// cell, three rubric shapes) is preferred, so the bench measures what those tests check; it is
// loaded by path at run time so the bench still runs, on its own simpler world
// (world.ts classWorld), in a checkout without it.

type BulkClass = (prisma: PrismaClient, o: { students: number; assignments: number }) => Promise<{ teacher: { id: string }; classroomId: string; assignments: string[] }>;

export async function classSource(databaseUrl: string, client: pg.Client, secret: string) {
  const file = path.join(import.meta.dirname, "bulk-class.ts");
  const bulkClass = existsSync(file) ? ((await import(pathToFileURL(file).href)) as { bulkClass?: BulkClass }).bulkClass : undefined;
  if (!bulkClass) {
    return { name: "bench/world.ts classWorld", make: (students: number, assignments: number) => classWorld(client, secret, students, assignments), close: async () => {} };
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const make = async (students: number, assignments: number): Promise<ClassWorld> => {
    const made = await bulkClass(prisma, { students, assignments });
    const teacherToken = await insertSession(client, secret, made.teacher.id);
    return { classroomId: made.classroomId, assignmentIds: made.assignments, teacherToken };
  };
  return { name: "bench/bulk-class.ts bulkClass", make, close: () => prisma.$disconnect() };
}
