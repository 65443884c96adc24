// One way to say "1 student" / "2 students" everywhere (issue 16: the app said "1 FAQ
// entries" and "1 students"). English needs only one and many; irregular plurals are passed.

const grouped = new Intl.NumberFormat("en-GB");

/** The noun for `count`: `noun(1, "entry", "entries")` → "entry". */
export function noun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** A count with its noun: `plural(1, "student")` → "1 student", `plural(1200, "point")` → "1,200 points". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${grouped.format(count)} ${noun(count, one, many)}`;
}
