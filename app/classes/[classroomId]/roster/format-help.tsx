import { Card } from "@/components/ui/card";

const EXAMPLE = `name,email
Amira Khan,amira.khan@school.org
Zoë Brown,zoe.brown@school.org
Łukasz Nowak,lukasz.nowak@school.org`;

export function FormatHelp() {
  return (
    <Card>
      <h2 className="text-lg font-semibold">The format</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>
          The first row names the columns: <code className="font-mono">name,email</code>. “First name” and “Last name” columns work instead of
          “name”; other columns are ignored.
        </li>
        <li>Then one student a row. A name containing a comma goes in double quotes.</li>
        <li>
          From Excel, save as <strong>CSV UTF-8</strong>; from Google Sheets, <strong>File › Download › CSV</strong>. Accented names then come
          through intact.
        </li>
        <li>If any row has a problem, nothing is imported and each problem is listed with its line number.</li>
      </ul>
      <h3 className="mt-4 text-sm font-medium text-slate-800">Example</h3>
      <pre className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-800">
        {EXAMPLE}
      </pre>
    </Card>
  );
}
