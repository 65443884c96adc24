import { LEVEL_WORDS, type Level } from "./judgement";

// The coverage panel's sentences, shown as they stand: second person, and each says what to
// do next. Kept apart from the matching so the rules read without the wording.

export type JudgementStatus = "agrees" | "close" | "mismatch" | "mixed" | "unclear" | "no-plan" | "no-conclusion";

const q = (s: string) => `‘${s}’`;
const list = (xs: string[]) => xs.map(q).join(", ");

export function placementReason(where: "introduction" | "conclusion", paragraph: number | null, judgement: string[], echoes: string[]): string {
  if (paragraph === null) {
    return where === "introduction"
      ? "No introduction yet: open with your line of argument."
      : "No conclusion yet: start your last paragraph with “In conclusion” or “Overall”, or mark it as your conclusion.";
  }
  const found = [judgement.length ? `states a judgement (${list(judgement)})` : "", echoes.length ? `echoes your line of argument (${list(echoes)})` : ""].filter(Boolean);
  const label = `Your ${where} (paragraph ${paragraph + 1})`;
  if (found.length) return `${label} ${found.join(" and ")}.`;
  return `${label} does not state your line of argument yet: say how far you agree, and why${where === "introduction" ? ", so every paragraph can come back to it" : ""}.`;
}

export function judgementMessage(status: JudgementStatus, planned: Level | null, phrases: string[]): string {
  const said = phrases.length ? list(phrases) : "";
  switch (status) {
    case "agrees":
      return `Your conclusion (${said}) agrees with your planned judgement (${LEVEL_WORDS[planned!]}).`;
    case "close":
      return `Your conclusion says ${said}; your plan says ${LEVEL_WORDS[planned!]}. Check that is the judgement you mean.`;
    case "mismatch":
      return `Your conclusion says ${said}, but your planned judgement is ${LEVEL_WORDS[planned!]}. Change one so they agree.`;
    case "mixed":
      return `Your conclusion says both ${said}: decide which is your judgement and say it once, clearly.`;
    case "unclear":
      return `Your conclusion does not say how far yet: use words such as “${LEVEL_WORDS[planned!]}” and give your reason.`;
    case "no-plan":
      return "Place your answer on the plan's judgement line to compare it with your conclusion.";
    case "no-conclusion":
      return "No conclusion yet, so there is no judgement to compare with your plan.";
  }
}
