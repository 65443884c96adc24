import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { funnel, levelHeatmap, markDistribution } from "@/lib/tracking/analytics";
import { filterBoard, type BoardFilter, type BoardStatusFilter } from "@/lib/tracking/board";
import { CELL_STATUS_ORDER } from "@/lib/tracking/cell-status";
import { getAssignmentAnalytics, getBoardPage, getClassBoard, getDepartmentOverview } from "@/lib/tracking/tracking-data";
import { bulkClass } from "../../bench/bulk-class";
import { daysFromNow } from "./work-fixtures";

// The board's counting, filtering, sorting and paging run in SQL (lib/tracking/internal/
// board-sql.ts); the pure functions (buildBoard, filterBoard, deriveCell) stay the
// reference. Each view is compared with them on the same bulk-inserted class, now and ten
// days on (when untouched work is overdue and quiet students are flagged).

const STATUSES: (BoardStatusFilter | undefined)[] = [undefined, ...CELL_STATUS_ORDER, "to-mark", "overdue", "inactive"];

async function allPages(c: Awaited<ReturnType<typeof bulkClass>>, filter: BoardFilter, now: Date) {
  const first = await getBoardPage(c.teacher, c.classroomId, filter, 1, now);
  const rows = [...first.board.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await getBoardPage(c.teacher, c.classroomId, filter, page, now)).board.rows);
  return { first, rows };
}

describe("the board in SQL agrees with the pure functions", () => {
  it("filters, sorts and pages 80 students as filterBoard does, with whole-class column summaries", async () => {
    const c = await bulkClass(db(), { students: 80, assignments: 3 });
    for (const now of [new Date(), daysFromNow(10)]) {
      const { board } = await getClassBoard(c.teacher, c.classroomId, now);
      const filters: BoardFilter[] = [
        ...STATUSES.map((status, i) => ({ status, sort: (["name", "activity", "mark"] as const)[i % 3] })),
        { sort: "activity" },
        { sort: "mark" },
        { status: "late", assignmentId: c.assignments[1] },
        { status: "to-mark", assignmentId: c.assignments[2], sort: "mark" },
        { student: "student 0001", sort: "activity" },
        { student: "S1", status: "overdue" },
        { student: `${c.teacher.email.slice(0, 6)}`, assignmentId: c.assignments[0] },
        { student: "nobody at all" },
      ];
      for (const filter of filters) {
        const expected = filterBoard(board, filter);
        const { first, rows } = await allPages(c, filter, now);
        const label = JSON.stringify({ filter, now });
        expect(first.matched, label).toBe(expected.rows.length);
        expect(first.pages, label).toBe(Math.max(1, Math.ceil(expected.rows.length / 50)));
        expect(first.board.rows.length, label).toBeLessThanOrEqual(50);
        expect(rows.map((r) => r.student.id), label).toEqual(expected.rows.map((r) => r.student.id));
        expect(rows.map((r) => r.cells.map((x) => x.status)), label).toEqual(expected.rows.map((r) => r.cells.map((x) => x.status)));
        expect(first.board.columns.map((x) => x.id), label).toEqual(expected.columns.map((x) => x.id));
        // The summaries describe the whole class, whatever the filter.
        expect(first.columns.map(({ id, number, counts, overdue, averageMark, marked }) => ({ id, number, counts, overdue, averageMark, marked })), label).toEqual(
          board.columns.map(({ id, number, counts, overdue, averageMark, marked }) => ({ id, number, counts, overdue, averageMark, marked })),
        );
        expect(first.students).toBe(80);
      }
      // Every status appears, so the comparison above covered each.
      expect(new Set(board.rows.flatMap((r) => r.cells.map((x) => x.status))).size).toBe(8);
    }
  }, 120_000);

  it("pages: 50 a page, a page past the end shows the last, and the sort holds across pages", async () => {
    const c = await bulkClass(db(), { students: 105, assignments: 2 });
    const one = await getBoardPage(c.teacher, c.classroomId, {}, 1);
    const three = await getBoardPage(c.teacher, c.classroomId, {}, 3);
    expect([one.pages, one.board.rows.length, three.board.rows.length, three.page]).toEqual([3, 50, 5, 3]);
    expect((await getBoardPage(c.teacher, c.classroomId, {}, 99)).board.rows.map((r) => r.student.id)).toEqual(three.board.rows.map((r) => r.student.id));
    expect(one.board.rows[0]!.student.name).toMatch(/^Student 00000 /);
    expect(three.board.rows.at(-1)!.student.name).toMatch(/^Student 00104 /);
  });

  it("the department view and analytics count as the board does", async () => {
    const c = await bulkClass(db(), { students: 45, assignments: 3 });
    for (const now of [new Date(), daysFromNow(10)]) {
      const { board } = await getClassBoard(c.teacher, c.classroomId, now);
      const [overview] = await getDepartmentOverview(c.teacher, now);
      const averages = board.rows.flatMap((r) => (r.averagePercent === null ? [] : [r.averagePercent]));
      expect(overview).toMatchObject({
        students: 45,
        inactive: board.rows.filter((r) => r.inactive).length,
        averagePercent: Math.round(averages.reduce((s, v) => s + v, 0) / averages.length),
      });
      expect(overview!.columns.map((x) => [x.counts, x.overdue, x.averageMark])).toEqual(board.columns.map((x) => [x.counts, x.overdue, x.averageMark]));
      for (const [i, id] of c.assignments.entries()) {
        const a = await getAssignmentAnalytics(c.teacher, id, now);
        const cells = board.rows.map((r) => r.cells[i]!);
        const totals = cells.flatMap((x) => (x.mark === null ? [] : [x.mark]));
        expect(a.funnel).toEqual(funnel(cells.map((x) => x.status)));
        expect(a.distribution).toEqual(markDistribution(totals, board.columns[i]!.rubric.totalMarks));
        expect([a.marked, a.students, a.assignment.number]).toEqual([totals.length, 45, i + 1]);
        expect(a.heatmap.rows.map((r) => r.studentId).sort()).toEqual(board.rows.filter((r) => r.cells[i]!.mark !== null).map((r) => r.student.id).sort());
      }
    }
  });

  it("analytics pages the heatmap 50 students at a time, with whole-class averages as levelHeatmap gives", async () => {
    const c = await bulkClass(db(), { students: 260, assignments: 3 });
    // bulkClass gives every marking of an assignment the same levels: vary the first
    // criterion's level (0–3) so the averages depend on which markings are counted.
    await db().$executeRaw`UPDATE "Marking" SET awards = jsonb_set(awards, '{0,level}', to_jsonb(hashtext(id) & 3)) WHERE id LIKE ${`${c.classroomId.slice(0, -1)}%`}`;
    const { board } = await getClassBoard(c.teacher, c.classroomId);
    for (const [i, id] of c.assignments.entries()) {
      const first = await getAssignmentAnalytics(c.teacher, id);
      const rubric = board.columns[i]!.rubric;
      const criteria = rubric.criteria.map((x) => ({ id: x.id, name: x.name, levelCount: x.levels.length }));
      // The reference: every marked student's latest complete marking, through the pure function.
      const markedRows = board.rows.filter((r) => r.cells[i]!.mark !== null);
      const { rows: expectedRows, ...expected } = levelHeatmap({
        criteria,
        students: markedRows.map((r) => ({ id: r.student.id, name: r.student.name, awards: r.cells[i]!.awards })),
      });
      expect(markedRows.length).toBeGreaterThan(50);
      const rows = [...first.heatmap.rows];
      for (let page = 2; page <= first.heatmapPage.pages; page++) {
        const next = await getAssignmentAnalytics(c.teacher, id, new Date(), page);
        expect(next.heatmap.criteria).toEqual(expected.criteria);
        rows.push(...next.heatmap.rows);
      }
      expect(first.heatmap.rows).toHaveLength(50);
      expect({ criteria: first.heatmap.criteria, weakest: first.heatmap.weakest }).toEqual(expected);
      expect(first.heatmapPage.pages).toBe(Math.ceil(markedRows.length / 50));
      expect(rows).toEqual(expectedRows);
      expect(first.distribution).toEqual(markDistribution(markedRows.map((r) => r.cells[i]!.mark!), rubric.totalMarks));
      // A page past the end shows the last one.
      const past = await getAssignmentAnalytics(c.teacher, id, new Date(), 999);
      expect([past.heatmapPage.page, past.heatmap.rows.map((r) => r.studentId)]).toEqual([first.heatmapPage.pages, rows.slice(-past.heatmap.rows.length).map((r) => r.studentId)]);
    }
  }, 120_000);
});
