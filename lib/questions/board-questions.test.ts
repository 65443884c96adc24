import { describe, expect, it } from "vitest";
import { analyseQuestion } from "./analyse-question";
import { BOARD_QUESTIONS, type BoardQuestion } from "./fixtures/board-questions";

// The analyser against questions in every board's forms (lib/questions/fixtures). Each
// case is its own test, so a failure names the question; the summary test reports the
// share right, which must be all of them.

function reading(c: BoardQuestion) {
  const a = analyseQuestion(c.question);
  const weighed = a.focus === "stated-factor" ? a.statedFactor : a.focus === "claim" ? a.claim : null;
  return { stem: a.stem, focus: a.focus, weighed, period: a.period ? [a.period.from, a.period.to] : null };
}

const expected = (c: BoardQuestion) => ({ stem: c.stem, focus: c.focus, weighed: c.weighed, period: c.period });

describe("analyseQuestion reads every board's questions", () => {
  it("has at least 80 questions from AQA, Edexcel, OCR, Cambridge and IB", () => {
    expect(BOARD_QUESTIONS.length).toBeGreaterThanOrEqual(80);
    for (const board of ["AQA", "Edexcel", "OCR", "Cambridge", "IB"]) expect(BOARD_QUESTIONS.filter((c) => c.board === board).length).toBeGreaterThanOrEqual(12);
  });

  it.each(BOARD_QUESTIONS.map((c) => [`${c.board}: ${c.question}`, c] as const))("%s", (_name, c) => {
    expect(reading(c)).toEqual(expected(c));
  });

  it("gets every case right (the share is reported)", () => {
    const right = BOARD_QUESTIONS.filter((c) => JSON.stringify(reading(c)) === JSON.stringify(expected(c)));
    const share = `${right.length}/${BOARD_QUESTIONS.length} (${Math.round((100 * right.length) / BOARD_QUESTIONS.length)}%)`;
    process.stdout.write(`analyseQuestion: ${share} of the board questions read right\n`);
    expect(share).toBe(`${BOARD_QUESTIONS.length}/${BOARD_QUESTIONS.length} (100%)`);
  });
});
