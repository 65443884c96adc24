import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Privacy notice" };

const STORED: { what: string; detail: string }[] = [
  { what: "Accounts", detail: "Name, email address, role (student or teacher), school, a hash of the password (never the password), and two-factor settings for those who turn them on." },
  { what: "Classes", detail: "Class names, who teaches each class, which students are enrolled, join codes and invitations." },
  { what: "Teaching materials", detail: "Topics and notes a teacher imports, questions, mark schemes chosen, assignments and a teacher’s comment bank." },
  {
    what: "Students’ work",
    detail: "Essay plans, drafts with their saved history (the text at each save, and when and how much was pasted), and every version handed in.",
  },
  {
    what: "Marking and feedback",
    detail: "Marks and levels, annotations and comments on essays, targets, students’ responses to feedback, whole-class feedback and moderation (second marks and agreed marks).",
  },
  { what: "Sign-in sessions", detail: "A record of each signed-in browser (a keyed hash of its cookie, how it signed in and when it expires)." },
  {
    what: "Audit trail",
    detail: "Sign-ins, mark changes (before and after), returns of marked work, exports, deletions, and changes to roles and class enrolment: who did what, and when.",
  },
];

// Public, for anyone signed in or not (no session is read here). A data-protection officer
// reads this before saying yes: keep it true when what is stored changes (decision 043).
export default function PrivacyNoticePage() {
  return (
    <article className="mx-auto max-w-3xl space-y-6 text-slate-800">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Privacy notice and data processing</h1>
        <p className="mt-1 text-slate-700">
          Last reviewed <time dateTime="2026-12-02">2 December 2026</time>. Your school decides why and how Extent is used; it is the data
          controller, and whoever runs Extent for the school processes the data on its behalf.
        </p>
      </header>

      <section aria-labelledby="what" className="space-y-2">
        <h2 id="what" className="text-lg font-semibold text-slate-900">What is stored</h2>
        <dl className="space-y-3">
          {STORED.map((s) => (
            <div key={s.what}>
              <dt className="font-medium text-slate-900">{s.what}</dt>
              <dd className="text-slate-700">{s.detail}</dd>
            </div>
          ))}
        </dl>
        <p>
          Extent keeps no advertising or tracking data, and sets only the cookies it needs to keep you signed in (and, inside a learning
          platform, to remember which platform opened it).
        </p>
      </section>

      <section aria-labelledby="where" className="space-y-2">
        <h2 id="where" className="text-lg font-semibold text-slate-900">Where it is kept</h2>
        <p>
          Everything is kept in one PostgreSQL database run by your school or by whoever runs Extent for it. The app itself keeps nothing in
          memory between requests, so there is no second copy. Extent makes no calls to other companies’ services: no analytics, fonts or
          scripts are loaded from elsewhere.
        </p>
      </section>

      <section aria-labelledby="how-long" className="space-y-2">
        <h2 id="how-long" className="text-lg font-semibold text-slate-900">How long it is kept</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Accounts and their work are kept while the account exists; a class’s work while the class exists.</li>
          <li>
            Each school sets how long closed classes and their work are kept. A scheduled job deletes them when that time is up, and teachers
            are told in advance.
          </li>
          <li>
            A sign-in session ends when you sign out, or 30 days after it was last renewed by use; an ended session signs nobody in, and its
            record goes when it is next presented or with the account.
          </li>
          <li>
            Students and school administrators can export a student’s data (a machine-readable archive and a readable copy) and delete an
            account; schools can delete a class, or all their data when they stop using Extent.
          </li>
          <li>An export’s archive can be downloaded for 7 days by the person who asked for it, and is then deleted.</li>
          <li>
            When an account is deleted, nothing that names the person is kept. If the school has chosen to keep marks, a student’s marks stay
            with no name or text attached, only a random reference. The audit trail keeps what happened, with the person’s name replaced by
            that reference.
          </li>
        </ul>
      </section>

      <section aria-labelledby="sub-processors" className="space-y-2">
        <h2 id="sub-processors" className="text-lg font-semibold text-slate-900">Sub-processors</h2>
        <p>
          None by default. If the operator configures email, messages are sent through the operator’s own mail (SMTP) server. If your school
          chooses to sign in with Google, Microsoft or another provider, or to use Extent from a learning platform, those are services your
          school already uses, and only what they need to sign you in or receive marks is exchanged with them.
        </p>
      </section>

      <section aria-labelledby="rights" className="space-y-2">
        <h2 id="rights" className="text-lg font-semibold text-slate-900">Your rights and questions</h2>
        <p>
          To see, correct, export or delete your data, or to ask a question about it, speak to your teacher or your school’s data-protection
          officer. See also the <Link className="text-indigo-700 underline" href="/accessibility">accessibility statement</Link>.
        </p>
      </section>
    </article>
  );
}
