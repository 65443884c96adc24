import type { Evidence, Factor, Plan } from "../planner/plan-schema";
import { analyseQuestion } from "../questions/analyse-question";

// Hand-written plans for the coverage tests (and the browser test's world): one stated-factor
// question and one claim question on the Khrushchev topic, as a student would plan them.

const ev = (id: string, text: string, key = false): Evidence => ({ id, text, source: { kind: "own" }, ...(key ? { key } : {}) });

function factor(id: string, name: string, kind: Factor["kind"], parts: Partial<Factor>): Factor {
  return { id, name, kind, evidence: [], argumentFor: "", argumentAgainst: "", weight: null, miniJudgement: "", ...parts };
}

export const STATED_QUESTION = "How far was de-Stalinisation the most significant factor in Khrushchev's fall from power in 1964?";

export function statedPlan(): Plan {
  return {
    factors: [
      factor("destal", "De-Stalinisation", "stated", {
        weight: 2,
        evidence: [ev("e-speech", "Secret Speech to the 20th Party Congress, February 1956"), ev("e-hungary", "Hungarian uprising crushed by Soviet tanks, November 1956")],
        argumentFor: "It angered hardliners such as Molotov, who tried to remove him in the Anti-Party Group's coup of 1957.",
        argumentAgainst: "He survived that challenge, so it cannot explain 1964 on its own.",
        miniJudgement: "De-Stalinisation weakened his authority but was not decisive.",
      }),
      factor("agri", "Agricultural failure", "other", {
        weight: 5,
        evidence: [ev("e-virgin", "Virgin Lands scheme ploughed up 36 million hectares in Kazakhstan", true), ev("e-1963", "1963 harvest failure: grain imported from Canada"), ev("e-maize", "Maize campaign planted corn in unsuitable regions")],
        argumentFor: "Food shortages humiliated the regime and broke his promise to overtake America in meat and milk.",
        argumentAgainst: "Bad weather was partly to blame.",
        miniJudgement: "Agricultural failure was the most significant factor.",
      }),
      factor("cuba", "Cuban Missile Crisis", "other", {
        weight: 4,
        evidence: [ev("e-withdraw", "Missiles withdrawn from Cuba in October 1962"), ev("e-turkey", "Jupiter missiles removed from Turkey in secret", true)],
        argumentFor: "The Presidium saw the climbdown before Kennedy as a humiliation.",
        argumentAgainst: "The secret deal over Turkey was in fact a gain.",
        miniJudgement: "Cuba damaged his standing with the Presidium.",
      }),
    ],
    criteria: [],
    customCriteria: [],
    judgement: { position: 25, argument: "Agricultural failure was the main reason for his fall; de-Stalinisation only weakened him." },
  };
}

export const CLAIM_QUESTION = "To what extent did Khrushchev's reforms transform the USSR in the years 1953–64?";

export function claimPlan(): Plan {
  return {
    factors: [
      factor("pol-c", "Political: change", "claim", {
        area: "Political",
        weight: 4,
        evidence: [ev("e-gulag", "Millions of Gulag prisoners released by 1956"), ev("e-terror", "Mass terror ended: rivals such as Malenkov were demoted, not shot")],
        argumentFor: "Ending the terror changed how the party ruled.",
      }),
      factor("pol-l", "Political: continuity / limits", "counter", {
        area: "Political",
        weight: 3,
        evidence: [ev("e-oneparty", "One-party state and censorship remained; Pasternak was forced to refuse the Nobel Prize in 1958")],
        argumentFor: "The Communist Party's monopoly of power was never questioned.",
      }),
      factor("eco-c", "Economic: change", "claim", {
        area: "Economic",
        weight: 2,
        evidence: [ev("e-sovnarkhoz", "Sovnarkhozy regional economic councils replaced the industrial ministries in 1957")],
        argumentFor: "Decentralising planning was a real break with Stalin's system.",
      }),
      factor("eco-l", "Economic: continuity / limits", "counter", {
        area: "Economic",
        weight: 4,
        evidence: [ev("e-gosplan", "Gosplan still set output targets for heavy industry in the Seven-Year Plan of 1959")],
        argumentFor: "Central planning and the priority of heavy industry stayed.",
      }),
    ],
    criteria: [],
    customCriteria: [],
    judgement: { position: 40, argument: "The reforms changed how the USSR was ruled but left its one-party, centrally planned system intact." },
  };
}

export const statedAnalysis = () => analyseQuestion(STATED_QUESTION);
export const claimAnalysis = () => analyseQuestion(CLAIM_QUESTION);

// Paragraphs of an essay on the stated-factor question, as the coverage tests and
// bench/coverage.bench.ts use them.
export const AGRI =
  "The failure of agriculture was the most important reason for his removal. The Virgin Lands scheme ploughed up 36 million hectares in Kazakhstan, and at first the harvests were good, but soil erosion followed and in 1963 the harvest failed so badly that grain had to be imported from Canada. This humiliated a leader who had promised to overtake America in meat and milk.";
export const CUBA_NAMING_DESTAL =
  "The Cuban Missile Crisis of 1962 also damaged him. Whereas de-Stalinisation had made enemies, Cuba made him look weak: the missiles were withdrawn from Cuba in October 1962 and the Presidium saw the climbdown before Kennedy as a humiliation, even though the Jupiter missiles were removed from Turkey in secret.";
export const DESTAL =
  "De-Stalinisation angered hardliners. After the Secret Speech to the 20th Party Congress in February 1956, Molotov and the Anti-Party Group tried to remove him in 1957, and the Hungarian uprising had to be crushed by tanks. Yet he survived that challenge, so it cannot explain 1964 on its own.";
