/**
 * The numbers behind a chart, as a table under a disclosure: for screen-reader users, for
 * copying, and for anyone who would rather read than look. The first column heads its row.
 */
export function ChartDataTable({ label, head, rows }: { label: string; head: string[]; rows: (string | number | null)[][] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-indigo-800">{label}</summary>
      <table className="mt-2 text-left">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="pr-4 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest], i) => (
            <tr key={i}>
              <th scope="row" className="pr-4 text-left font-normal">
                {first}
              </th>
              {rest.map((v, j) => (
                <td key={j} className="pr-4">
                  {v ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
