import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../questions/analyse-question";
import { judgementQuestion, judgementWords, questionVoice, scaleEnds } from "./question-voice";

const voiceOf = (question: string) => questionVoice(question, analyseQuestion(question));
const labelOf = (question: string) => judgementQuestion(analyseQuestion(question), voiceOf(question));

describe("questionVoice", () => {
  it("takes the judgement line's scale from the question's wording", () => {
    const table: [string, string][] = [
      ["To what extent did Khrushchev’s reforms transform the USSR by 1964?", "extent"],
      ["How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?", "far"],
      ["How significant was the Secret Speech in Khrushchev's consolidation of power?", "significance"],
      ["‘Economic failure was the main reason for Khrushchev's fall from power in 1964.’ How far do you agree?", "agree"],
      ["How far do you agree that the Virgin Lands scheme was a failure?", "agree"],
      ["‘The Cuban Missile Crisis was the main reason for Khrushchev's fall.’ Assess the validity of this view.", "agree"],
      ["Assess the reasons for Khrushchev's fall from power.", "extent"],
    ];
    for (const [question, scale] of table) expect(voiceOf(question).scale, question).toBe(scale);
  });

  it("treats a quoted or agree-with claim as a claim to argue, even when it names a factor", () => {
    expect(voiceOf("‘Economic failure was the main reason for Khrushchev's fall from power in 1964.’ How far do you agree?")).toMatchObject({
      agreeWithClaim: true,
      claim: "Economic failure was the main reason for Khrushchev's fall from power",
    });
    expect(voiceOf("How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?").agreeWithClaim).toBe(false);
    expect(voiceOf("To what extent did Khrushchev’s reforms transform the USSR by 1964?").agreeWithClaim).toBe(false);
  });
});

describe("the judgement line's words", () => {
  it("speaks each scale's own words, band by band", () => {
    const at = [5, 25, 50, 75, 95];
    expect(at.map((p) => judgementWords(p, "extent"))).toEqual(["not at all", "to a limited extent", "to some extent", "to a great extent", "entirely"]);
    expect(at.map((p) => judgementWords(p, "far"))).toEqual(["not at all far", "not far", "some way", "very far", "all the way"]);
    expect(at.map((p) => judgementWords(p, "significance"))).toEqual(["not significant", "of limited significance", "quite significant", "very significant", "decisive"]);
    expect(at.map((p) => judgementWords(p, "agree"))).toEqual(["disagree entirely", "largely disagree", "partly agree", "largely agree", "agree entirely"]);
  });

  it("labels the ends of the line in the same words", () => {
    expect(scaleEnds("far")).toEqual({ low: "not at all far", middle: "some way", high: "all the way" });
    expect(scaleEnds("agree")).toEqual({ low: "disagree entirely", middle: "partly agree", high: "agree entirely" });
  });

  it("asks the question back in the student's terms", () => {
    expect(labelOf("How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?")).toBe(
      "How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power?",
    );
    expect(labelOf("To what extent was de-Stalinisation the main reason for Khrushchev's fall from power?")).toBe(
      "To what extent was de-Stalinisation the main reason for Khrushchev's fall from power?",
    );
    expect(judgementQuestion({ ...analyseQuestion("How far was X the most significant factor in Y?"), claim: null }, { scale: "far", agreeWithClaim: false, claim: null })).toBe(
      "How far was X the most significant factor in Y?",
    );
    expect(labelOf("How significant was the Secret Speech in Khrushchev's consolidation of power?")).toBe(
      "How significant was the Secret Speech in Khrushchev's consolidation of power?",
    );
    expect(labelOf("How far do you agree that the Virgin Lands scheme was a failure?")).toBe("How far do you agree that the Virgin Lands scheme was a failure?");
    expect(labelOf("To what extent did Khrushchev’s reforms transform the USSR by 1964?")).toBe("To what extent do you agree that Khrushchev’s reforms transformed the USSR?");
  });
});
