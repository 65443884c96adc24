/** In place of the scorecard while a feedback-before-marks assignment holds the level and mark (decision 031). */
export function HeldMarks() {
  return (
    <section aria-labelledby="held-marks-heading" className="rounded-lg border border-indigo-200 bg-indigo-50 p-5" data-testid="marks-held-notice">
      <h2 id="held-marks-heading" className="text-lg font-semibold text-indigo-950">
        Your level and mark
      </h2>
      <p className="mt-1 text-sm text-indigo-950">
        Read your teacher&rsquo;s comments and targets first, then write your response below. Your level and mark appear here once you have sent it.
      </p>
    </section>
  );
}
