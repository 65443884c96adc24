import type { Rubric } from "@/lib/rubrics/rubric-schema";
import { ScrollBox } from "@/components/ui/scroll-box";

/** The mark scheme as students and teachers read it: each level's band, descriptor and next step. */
export function RubricPanel({ rubric, audience }: { rubric: Rubric; audience: "student" | "teacher" }) {
  return (
    <details className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold text-slate-900">Mark scheme: {rubric.title} ({rubric.totalMarks} marks)</summary>
      {rubric.source?.unconfirmed && audience === "teacher" ? <p className="mt-2 text-sm text-amber-900">Note: {rubric.source.unconfirmed}</p> : null}
      <div className="mt-3 space-y-4">
        {rubric.criteria.map((c) => (
          <section key={c.id}>
            {rubric.criteria.length > 1 ? <h3 className="font-medium text-slate-900">{c.name}</h3> : null}
            <p className="text-sm text-slate-600">{c.description}</p>
            <ScrollBox label={`${c.name} levels`} className="mt-2">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="w-20 py-1 font-medium">Level</th>
                    <th scope="col" className="w-20 py-1 font-medium">Marks</th>
                    <th scope="col" className="py-1 font-medium">{audience === "student" ? "What it looks like" : "Descriptor"}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...c.levels].reverse().map((l) => (
                    <tr key={l.level} className="border-t border-slate-100 align-top">
                      <td className="py-1.5">{l.level}</td>
                      <td className="py-1.5">{l.marks.min}–{l.marks.max}</td>
                      <td className="py-1.5">
                        {l.descriptor}
                        {audience === "student" ? <span className="mt-0.5 block text-indigo-800">{l.nextStep}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </section>
        ))}
      </div>
    </details>
  );
}
