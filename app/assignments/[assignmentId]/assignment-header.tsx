import { Badge } from "@/components/ui/card";
import { formatDue } from "@/components/format";
import { timeLeft } from "@/lib/assignments/status";

export function AssignmentHeader({ question, classroom, dueAt, wordLimit, status, instructions }: { question: string; classroom: string; dueAt: Date; wordLimit: number | null; status: "OPEN" | "CLOSED"; instructions: string }) {
  const left = timeLeft(dueAt, new Date());
  return (
    <header className="mb-6">
      <p className="text-sm text-slate-600">{classroom}</p>
      <h1 className="mt-1 font-serif text-2xl font-semibold leading-snug text-slate-900">{question}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>Due {formatDue(dueAt)}</span>
        {status === "CLOSED" ? <Badge tone="slate">Closed</Badge> : <Badge tone={left.overdue ? "red" : left.soon ? "amber" : "green"}>{left.label}</Badge>}
        {wordLimit ? <span>· Word limit {wordLimit.toLocaleString("en-GB")}</span> : null}
      </div>
      {instructions ? <p className="mt-3 max-w-3xl whitespace-pre-line rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800">{instructions}</p> : null}
    </header>
  );
}
