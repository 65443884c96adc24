import { describe, expect, it } from "vitest";
import { migrateReportedSuccess, pendingMigrations } from "./migrations";

const folders = ["20261129043730_init", "20261129051254_assignments_plans_drafts", "20261202150000_demo_seed"];
const done = (name: string) => ({ name, finished: true, rolledBack: false });

describe("pendingMigrations", () => {
  it("is empty when every folder has a finished row", () => {
    expect(pendingMigrations(folders, folders.map(done))).toEqual([]);
  });

  it("lists folders with no row, in order (a fresh database has none)", () => {
    expect(pendingMigrations(folders, [])).toEqual(folders);
    expect(pendingMigrations(folders, [done(folders[0]!)])).toEqual(folders.slice(1));
  });

  it("counts a failed (unfinished) or rolled-back migration as pending", () => {
    expect(pendingMigrations(folders, [done(folders[0]!), done(folders[1]!), { name: folders[2]!, finished: false, rolledBack: false }])).toEqual([folders[2]]);
    expect(pendingMigrations(folders, [done(folders[0]!), done(folders[1]!), { name: folders[2]!, finished: true, rolledBack: true }])).toEqual([folders[2]]);
  });

  it("is satisfied by a later successful row after a rolled-back one", () => {
    const rows = [...folders.map(done), { name: folders[2]!, finished: true, rolledBack: true }];
    expect(pendingMigrations(folders, rows)).toEqual([]);
  });

  it("ignores rows for folders that are not in the checkout", () => {
    expect(pendingMigrations(folders, [...folders.map(done), done("20270101000000_future")])).toEqual([]);
  });
});

describe("migrateReportedSuccess", () => {
  it("recognises both of Prisma Migrate's success lines and nothing else", () => {
    expect(migrateReportedSuccess("3 migrations found\n\nAll migrations have been successfully applied.\n")).toBe(true);
    expect(migrateReportedSuccess("8 migrations found in prisma/migrations\n\nNo pending migrations to apply.\n")).toBe(true);
    expect(migrateReportedSuccess("Applying migration `20261129043730_init`\n")).toBe(false);
    expect(migrateReportedSuccess("Error: P3009 migrate found failed migrations")).toBe(false);
  });
});
