import type { AgreementReport } from "@/lib/moderation/stats";
import { ScrollBox } from "@/components/ui/scroll-box";

// The moderation report's tables, shared by an assignment's report and the department's.
// Data-free: they render an AgreementReport (lib/moderation/stats.ts).

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
export const decimal = (n: number | null, unit = "") => (n === null ? "—" : `${n.toFixed(2)}${unit}`);
const signed = (n: number | null, unit: string) => (n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(2)}${unit}`);

const th = "py-2 pr-3 font-medium";

export function CriterionAgreementTable({ report, caption }: { report: AgreementReport; caption: string }) {
  return (
    <ScrollBox label="Agreement by criterion">
      <table className="w-full text-left text-sm" data-testid="criterion-agreement">
        <caption className="mb-2 text-left text-sm text-slate-600">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className={th}>Criterion</th>
            <th scope="col" className={th}>Essays compared</th>
            <th scope="col" className={th}>Same level</th>
            <th scope="col" className={th}>Mean difference (levels)</th>
          </tr>
        </thead>
        <tbody>
          {report.perCriterion.map((c) => (
            <tr key={c.criterion} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{c.criterion}</th>
              <td className="py-2 pr-3">{c.compared}</td>
              <td className="py-2 pr-3">{c.compared ? `${c.exact} of ${c.compared} (${percent(c.exactRate)})` : "—"}</td>
              <td className="py-2 pr-3">{decimal(c.meanAbsDiff)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-2 pr-3 font-medium text-slate-900">All criteria</th>
            <td className="py-2 pr-3">{report.secondMarked}</td>
            <td className="py-2 pr-3">{report.overall.compared ? `${report.overall.exact} of ${report.overall.compared} (${percent(report.overall.exactRate)})` : "—"}</td>
            <td className="py-2 pr-3">
              {decimal(report.overall.meanAbsDiff)}
              {report.overall.meanAbsMarkDiff !== null ? ` (total: ${decimal(report.overall.meanAbsMarkDiff, " marks")})` : ""}
            </td>
          </tr>
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function MarkerAgreementTable({ report }: { report: AgreementReport }) {
  if (!report.markers.length) return <p className="text-sm text-slate-600">No mark has been agreed yet, so no marker can be compared with the agreed marks.</p>;
  return (
    <ScrollBox label="Markers compared with the agreed marks">
      <table className="w-full text-left text-sm" data-testid="marker-agreement">
        <caption className="mb-2 text-left text-sm text-slate-600">
          Each marker against the agreed marks, over the essays they marked (first or second). Above zero: more generous than the agreed mark.
        </caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className={th}>Marker</th>
            <th scope="col" className={th}>Essays</th>
            <th scope="col" className={th}>Mean difference (levels)</th>
            <th scope="col" className={th}>Mean absolute (levels)</th>
            <th scope="col" className={th}>Mean difference (total)</th>
          </tr>
        </thead>
        <tbody>
          {report.markers.map((m) => (
            <tr key={m.marker.id ?? m.marker.name} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{m.marker.name}</th>
              <td className="py-2 pr-3">{m.essays}</td>
              <td className="py-2 pr-3">{signed(m.meanLevelDiff, "")}</td>
              <td className="py-2 pr-3">{decimal(m.meanAbsLevelDiff)}</td>
              <td className="py-2 pr-3">{signed(m.meanMarkDiff, " marks")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
