import { formatDateTime } from "@/components/format";

type Props = {
  teacherNames: string[];
  markerName: string | null;
  updatedAt: Date | null;
  annotations: { authorName: string }[];
};

// In a class with several teachers (decision 025) the desk says who did what: who last saved
// the marks and who wrote the comments. Marks and comments keep their author (markerId,
// authorId), so a colleague's work is never passed off as yours, even after they have left the
// class. One teacher who did all the marking: nothing shown.
export function SharedMarkingNote({ teacherNames, markerName, updatedAt, annotations }: Props) {
  const byOthers = [markerName, ...annotations.map((a) => a.authorName)].some((name) => name !== null && !teacherNames.includes(name));
  if (teacherNames.length < 2 && !byOthers) return null;
  const byAuthor = new Map<string, number>();
  for (const a of annotations) byAuthor.set(a.authorName, (byAuthor.get(a.authorName) ?? 0) + 1);
  return (
    <div className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-800" data-testid="shared-marking">
      <p>
        <span className="font-medium text-slate-900">{teacherNames.length > 1 ? "Shared class:" : "Taught by"}</span> {teacherNames.join(", ")}.
      </p>
      <p className="mt-1" data-testid="marked-by">
        {markerName ? (
          <>
            Marks last saved by <span className="font-medium">{markerName}</span>
            {updatedAt ? ` on ${formatDateTime(updatedAt)}` : ""}.
          </>
        ) : (
          "Not marked yet."
        )}{" "}
        {byAuthor.size ? `Comments by ${[...byAuthor].map(([name, n]) => `${name} (${n})`).join(", ")}.` : "No comments yet."}
      </p>
    </div>
  );
}
