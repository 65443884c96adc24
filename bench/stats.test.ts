import { describe, expect, it } from "vitest";
import { bytes, cpuTicksFromStat, markdownTable, num, parentPidFromStat, percentile, ratio, summarize, tpsFromPgbench } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank, whatever the order of the samples", () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(xs, 0.5)).toBe(5);
    expect(percentile(xs, 0.95)).toBe(10);
    expect(percentile(xs, 0.1)).toBe(1);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 1)).toBe(10);
  });
  it("finds the tail in a large sample", () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(xs, 0.99)).toBe(990);
    expect(percentile(xs, 0.95)).toBe(950);
  });
  it("is NaN for no samples, and summarize reports the count", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(summarize([])).toMatchObject({ count: 0 });
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p95: 3, p99: 3, max: 3 });
  });
});

describe("formatting", () => {
  it("prints a markdown table with numeric columns right-aligned and pipes escaped", () => {
    const table = markdownTable(["Writers", "Name", "p50"], [[10, "a|b", "12 ms"], [50, "c", "–"]]);
    expect(table.split("\n")).toEqual(["| Writers | Name | p50 |", "| ---: | --- | ---: |", "| 10 | a\\|b | 12 ms |", "| 50 | c | – |"]);
  });
  it("shows a measurement that did not run as a dash", () => {
    expect(num(Number.NaN)).toBe("–");
    expect(num(1.234, 1)).toBe("1.2");
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(1, 4)).toBe(0.25);
    expect(bytes(2048)).toBe("2 KB");
    expect(bytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});

describe("parsing", () => {
  it("reads CPU ticks and the parent from /proc/<pid>/stat, with spaces in the name", () => {
    const stat = "4242 (next-server (v1)) S 4200 4242 4200 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 11 0 123 456 789";
    expect(cpuTicksFromStat(stat)).toBe(290);
    expect(parentPidFromStat(stat)).toBe(4200);
  });
  it("reads pgbench's tps", () => {
    expect(tpsFromPgbench("latency average = 1.2 ms\ntps = 5321.412 (without initial connection time)\n")).toBeCloseTo(5321.412);
    expect(tpsFromPgbench("error")).toBeNaN();
  });
});
