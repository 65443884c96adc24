import Link from "next/link";

type Version = { number: number; markingStatus: "IN_PROGRESS" | "RETURNED" | null };

const LABEL = { IN_PROGRESS: "marking", RETURNED: "returned" } as const;

/** Tabs between a student's plan-and-draft and each handed-in version's marking. */
export function StudentWorkNav({ base, versions, current }: { base: string; versions: Version[]; current: "work" | number }) {
  const tab = (active: boolean) =>
    `rounded-t-md border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`;
  return (
    <nav aria-label="This student's work" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      <Link href={base} className={tab(current === "work")} aria-current={current === "work" ? "page" : undefined}>
        Plan and draft
      </Link>
      {versions.map((v) => (
        <Link key={v.number} href={`${base}/mark?version=${v.number}`} className={tab(current === v.number)} aria-current={current === v.number ? "page" : undefined}>
          {versions.length > 1 ? `Version ${v.number}` : "Marking"}
          {v.markingStatus ? <span className="ml-1 font-normal text-slate-600">({LABEL[v.markingStatus]})</span> : null}
        </Link>
      ))}
    </nav>
  );
}
