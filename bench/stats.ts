// Pure helpers for the benchmarks: percentiles, rates and the markdown table they print.
// Kept apart from the runners so they can be unit-tested (bench/stats.test.ts).

/** The q-quantile (0..1) of the samples by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** a / b, or NaN when b is not a positive number (a ratio to a failed reference is unknown). */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(b) ? a / b : Number.NaN;
}

/** A number with the given decimals, "–" for NaN or infinity (a measurement that did not run). */
export function num(x: number, decimals = 0): string {
  return Number.isFinite(x) ? x.toFixed(decimals) : "–";
}

export function bytes(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A GitHub-flavoured markdown table; pipes in cells are escaped, numbers right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => String(v).replaceAll("|", "\\|").replaceAll("\n", " ");
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[–\d.,×%\s-]*(ms|s|KB|MB|B|%|×)?$/.test(String(r[i] ?? ""))));
  const lines = [
    `| ${headers.map(cell).join(" | ")} |`,
    `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${headers.map((_, i) => cell(r[i] ?? "")).join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** Total CPU time (user + system, in clock ticks) from the text of /proc/<pid>/stat. */
export function cpuTicksFromStat(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces: split after the last ")".
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state), so utime (field 14) is rest[11] and stime (field 15) rest[12].
  return Number(rest[11]) + Number(rest[12]);
}

/** The parent pid (field 4) from the text of /proc/<pid>/stat. */
export function parentPidFromStat(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** pgbench's throughput line: "tps = 5321.4 (without initial connection time)". */
export function tpsFromPgbench(output: string): number {
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(output) ?? /tps = ([\d.]+)/.exec(output);
  return m ? Number(m[1]) : Number.NaN;
}
