import { performance } from "node:perf_hooks";
import { computeCoverage } from "../lib/coverage/coverage";
import { AGRI, CUBA_NAMING_DESTAL, DESTAL, STATED_QUESTION, statedAnalysis, statedPlan } from "../lib/coverage/fixtures";

// Decision 021: coverage is recomputed as the student types, so one run over a long essay
// must stay well inside a frame budget. A timing, so it lives here and not in the unit tests.

export const byNameOnly = true;

export async function run({ quick }: { quick: boolean }) {
  // About 1,500 words: the three paragraphs nine times over.
  const text = Array.from({ length: 9 }, () => [AGRI, CUBA_NAMING_DESTAL, DESTAL].join("\n\n")).join("\n\n");
  const words = text.split(/\s+/).length;
  const plan = statedPlan();
  const analysis = statedAnalysis();
  const runs = quick ? 20 : 200;
  for (let i = 0; i < 5; i++) computeCoverage({ text, plan, analysis, question: STATED_QUESTION });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // A character more each time, as typing does, so nothing can be served from a cache.
    computeCoverage({ text: text + "x".repeat(i % 7), plan, analysis, question: STATED_QUESTION });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(1);
  console.log(`computeCoverage over a ${words}-word essay, ${runs} runs: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}
