import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Accessibility statement" };

// Public, for anyone signed in or not (no session is read here). When this page changes,
// change its date; the test suite it describes is tests/browser/accessibility.test.ts
// (decision 043).
export default function AccessibilityStatementPage() {
  return (
    <article className="mx-auto max-w-3xl space-y-6 text-slate-800">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Accessibility statement</h1>
        <p className="mt-1 text-slate-700">
          Last reviewed <time dateTime="2026-12-02">2 December 2026</time>.
        </p>
      </header>

      <section aria-labelledby="target" className="space-y-2">
        <h2 id="target" className="text-lg font-semibold text-slate-900">What we aim for</h2>
        <p>
          Extent aims to meet the{" "}
          <a className="text-indigo-700 underline" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines (WCAG) 2.2
          </a>{" "}
          at level AA, for students, teachers and school administrators alike. Every page should work with a keyboard alone, with a screen reader,
          zoomed to 400% and on a phone 390 pixels wide.
        </p>
      </section>

      <section aria-labelledby="testing" className="space-y-2">
        <h2 id="testing" className="text-lg font-semibold text-slate-900">How we test it</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Our automated browser tests run the <a className="text-indigo-700 underline" href="https://github.com/dequelabs/axe-core">axe-core</a>{" "}
            accessibility engine on every page of the app, in its main states (empty, with work in it, with an error shown), checking the WCAG
            2.0, 2.1 and 2.2 A and AA rules and axe’s best-practice rules. A change that introduces a single violation fails the tests and is not
            released.
          </li>
          <li>
            Keyboard tests check that focus moves somewhere sensible after each action (adding evidence to a plan, adding or deleting an
            annotation, returning a marking, closing a dialog) instead of being lost to the top of the page.
          </li>
          <li>Buttons and links are at least 24 by 24 pixels, or spaced so that they can be hit without touching a neighbour.</li>
          <li>Pages are checked for sideways scrolling at 390 pixels wide.</li>
        </ul>
        <p>
          Automated checks find only part of what WCAG asks for. Pages are also tried by hand with a keyboard while they are built, but Extent
          has not yet had an independent accessibility audit.
        </p>
      </section>

      <section aria-labelledby="limitations" className="space-y-2">
        <h2 id="limitations" className="text-lg font-semibold text-slate-900">Known limitations</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Notes, questions and comments written by teachers are shown as they were written: we cannot guarantee that imported notes have
            meaningful headings or that comments make sense out of context.
          </li>
          <li>
            Charts (the progress funnel, the spread of marks, the levels heatmap) are images with a text description; the same numbers are in a
            table that opens from “Show … as a table” under each chart, which is easier to read with a screen reader than the chart.
          </li>
          <li>CSV downloads are plain data files; how accessible they are depends on the spreadsheet program that opens them.</li>
          <li>
            Inside a learning platform (Moodle, Canvas and others), Extent runs in the platform’s frame; the platform’s own pages are outside our
            control.
          </li>
          <li>
            Extent has not yet been tested by people who use screen readers, switch access or voice control every day. Until it has, some
            problems that automated and keyboard tests cannot see may remain: please tell us about them.
          </li>
        </ul>
      </section>

      <section aria-labelledby="report" className="space-y-2">
        <h2 id="report" className="text-lg font-semibold text-slate-900">Reporting a problem</h2>
        <p>
          If something in Extent is hard or impossible for you to use, tell your teacher or your school’s Extent administrator, who can pass it
          to whoever runs Extent for your school. Say which page you were on, what you were trying to do and what assistive technology you use,
          if any. We treat accessibility problems as bugs and aim to reply within five working days.
        </p>
        <p>
          How Extent handles your data is described in the <Link className="text-indigo-700 underline" href="/privacy">privacy notice</Link>.
        </p>
      </section>
    </article>
  );
}
