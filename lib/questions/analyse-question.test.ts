import { describe, expect, it } from "vitest";
import { analyseQuestion, type QuestionAnalysis } from "./analyse-question";
import { findPeriod } from "./find-period";
import { pastTense } from "./verb-forms";

type Case = [question: string, expected: QuestionAnalysis];

const period = (from: number | null, to: number | null, label: string) => ({ from, to, label });
const none = { focus: "none", statedFactor: null, claim: null, outcome: null } as const;

describe("analyseQuestion: the sample's practice questions", () => {
  it("reads a stated-factor 'How far' question", () => {
    expect(analyseQuestion("How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?")).toEqual({
      stem: "how-far",
      focus: "stated-factor",
      statedFactor: "de-Stalinisation",
      claim: "De-Stalinisation was the most significant factor in Khrushchev’s fall from power",
      outcome: "Khrushchev’s fall from power",
      period: period(null, 1964, "in 1964"),
    });
  });

  it("turns a 'To what extent did X transform Y' question into a past-tense claim", () => {
    expect(analyseQuestion("To what extent did Khrushchev’s reforms transform the USSR by 1964?")).toEqual({
      stem: "to-what-extent",
      focus: "claim",
      statedFactor: null,
      claim: "Khrushchev’s reforms transformed the USSR",
      outcome: null,
      period: period(null, 1964, "by 1964"),
    });
  });

  it("keeps a straight apostrophe when the question uses one", () => {
    expect(analyseQuestion("To what extent did Khrushchev's reforms transform the USSR by 1964?").claim).toBe("Khrushchev's reforms transformed the USSR");
  });
});

const CASES: Case[] = [
  [
    "To what extent was Khrushchev's foreign policy a failure?",
    { stem: "to-what-extent", focus: "claim", statedFactor: null, claim: "Khrushchev's foreign policy was a failure", outcome: null, period: null },
  ],
  [
    "How far do you agree that Stalin's purges strengthened his control of the USSR in the years 1934–39?",
    {
      stem: "how-far",
      focus: "claim",
      statedFactor: null,
      claim: "Stalin's purges strengthened his control of the USSR",
      outcome: null,
      period: period(1934, 1939, "in the years 1934–39"),
    },
  ],
  [
    "'The Cuban Missile Crisis was the main reason for Khrushchev's fall in 1964.' Assess the validity of this view.",
    {
      stem: "assess",
      focus: "stated-factor",
      statedFactor: "The Cuban Missile Crisis",
      claim: "The Cuban Missile Crisis was the main reason for Khrushchev's fall",
      outcome: "Khrushchev's fall",
      period: period(null, 1964, "in 1964"),
    },
  ],
  [
    "‘Khrushchev’s reforms achieved little by 1964.’ How far do you agree with this view?",
    { stem: "how-far", focus: "claim", statedFactor: null, claim: "Khrushchev’s reforms achieved little", outcome: null, period: period(null, 1964, "by 1964") },
  ],
  [
    "Assess the reasons for the collapse of the Provisional Government in 1917.",
    { stem: "assess", ...none, outcome: "the collapse of the Provisional Government", period: period(null, 1917, "in 1917") },
  ],
  [
    "Assess the significance of the Pilgrimage of Grace in the development of opposition to Henry VIII between 1529 and 1547.",
    {
      stem: "assess",
      focus: "stated-factor",
      statedFactor: "the Pilgrimage of Grace",
      claim: "The Pilgrimage of Grace was significant in the development of opposition to Henry VIII",
      outcome: "the development of opposition to Henry VIII",
      period: period(1529, 1547, "between 1529 and 1547"),
    },
  ],
  [
    "How significant was the Montgomery Bus Boycott for the Civil Rights Movement in the 1950s?",
    {
      stem: "how-significant",
      focus: "stated-factor",
      statedFactor: "the Montgomery Bus Boycott",
      claim: "The Montgomery Bus Boycott was significant in the Civil Rights Movement",
      outcome: "the Civil Rights Movement",
      period: period(1950, 1959, "in the 1950s"),
    },
  ],
  [
    "How important were the Kennedy brothers in the passing of civil rights legislation?",
    {
      stem: "how-significant",
      focus: "stated-factor",
      statedFactor: "the Kennedy brothers",
      claim: "The Kennedy brothers were significant in the passing of civil rights legislation",
      outcome: "the passing of civil rights legislation",
      period: null,
    },
  ],
  [
    "Evaluate the view that Elizabeth I's religious settlement was a success.",
    { stem: "other", focus: "claim", statedFactor: null, claim: "Elizabeth I's religious settlement was a success", outcome: null, period: null },
  ],
  ["Why did the Tsarist regime collapse in 1917?", { stem: "other", ...none, outcome: "the Tsarist regime collapsed", period: period(null, 1917, "in 1917") }],
  [
    "  to what extent   did the Treaty of Versailles cause the Second World War ",
    {
      stem: "to-what-extent",
      focus: "stated-factor",
      statedFactor: "the Treaty of Versailles",
      claim: "The Treaty of Versailles caused the Second World War",
      outcome: "the Second World War",
      period: null,
    },
  ],
  [
    "How far did the New Deal end the Depression in the years 1933-41?",
    { stem: "how-far", focus: "claim", statedFactor: null, claim: "The New Deal ended the Depression", outcome: null, period: period(1933, 1941, "in the years 1933-41") },
  ],
  [
    "To what extent were economic problems responsible for the fall of the Weimar Republic?",
    {
      stem: "to-what-extent",
      focus: "stated-factor",
      statedFactor: "economic problems",
      claim: "Economic problems were responsible for the fall of the Weimar Republic",
      outcome: "the fall of the Weimar Republic",
      period: null,
    },
  ],
  [
    "How far had Stalin achieved his aims by 1941?",
    { stem: "how-far", focus: "claim", statedFactor: null, claim: "Stalin had achieved his aims", outcome: null, period: period(null, 1941, "by 1941") },
  ],
  [
    "To what extent can Khrushchev be seen as a reformer?",
    { stem: "to-what-extent", focus: "claim", statedFactor: null, claim: "Khrushchev can be seen as a reformer", outcome: null, period: null },
  ],
  [
    "How far did Henry VII succeed in securing the Tudor dynasty by 1509?",
    {
      stem: "how-far",
      focus: "claim",
      statedFactor: null,
      claim: "Henry VII succeeded in securing the Tudor dynasty",
      outcome: null,
      period: period(null, 1509, "by 1509"),
    },
  ],
  [
    "To what extent did the Truman Doctrine lead to the division of Europe, 1947–49?",
    {
      stem: "to-what-extent",
      focus: "stated-factor",
      statedFactor: "the Truman Doctrine",
      claim: "The Truman Doctrine led to the division of Europe",
      outcome: "the division of Europe",
      period: period(1947, 1949, "1947–49"),
    },
  ],
  [
    "How far was the Cuban Missile Crisis a turning point in the Cold War",
    { stem: "how-far", focus: "claim", statedFactor: null, claim: "The Cuban Missile Crisis was a turning point in the Cold War", outcome: null, period: null },
  ],
  [
    "Assess the extent to which Martin Luther King was the most important factor in the success of the Civil Rights Movement in the years 1955–68.",
    {
      stem: "assess",
      focus: "stated-factor",
      statedFactor: "Martin Luther King",
      claim: "Martin Luther King was the most important factor in the success of the Civil Rights Movement",
      outcome: "the success of the Civil Rights Movement",
      period: period(1955, 1968, "in the years 1955–68"),
    },
  ],
  [
    "To what extent was the failure of the Virgin Lands Scheme due to poor planning?",
    {
      stem: "to-what-extent",
      focus: "stated-factor",
      statedFactor: "poor planning",
      claim: "The failure of the Virgin Lands Scheme was due to poor planning",
      outcome: "the failure of the Virgin Lands Scheme",
      period: null,
    },
  ],
  [
    "How far did the policies of Alexander II stop the threat of revolution?",
    { stem: "how-far", focus: "claim", statedFactor: null, claim: "The policies of Alexander II stopped the threat of revolution", outcome: null, period: null },
  ],
  [
    "To what extent did Mary I carry out a Catholic restoration in the years 1553 to 1558?",
    {
      stem: "to-what-extent",
      focus: "claim",
      statedFactor: null,
      claim: "Mary I carried out a Catholic restoration",
      outcome: null,
      period: period(1553, 1558, "in the years 1553 to 1558"),
    },
  ],
  [
    "1. To what extent did Stalin's economic policies bring about the modernisation of the USSR in the years 1928–41? (25 marks)",
    {
      stem: "to-what-extent",
      focus: "stated-factor",
      statedFactor: "Stalin's economic policies",
      claim: "Stalin's economic policies brought about the modernisation of the USSR",
      outcome: "the modernisation of the USSR",
      period: period(1928, 1941, "in the years 1928–41"),
    },
  ],
  [
    "'Stalin's victory in the power struggle was due to his control of the party machine.' How far do you agree?",
    {
      stem: "how-far",
      focus: "stated-factor",
      statedFactor: "his control of the party machine",
      claim: "Stalin's victory in the power struggle was due to his control of the party machine",
      outcome: "Stalin's victory in the power struggle",
      period: null,
    },
  ],
  [
    "How far did economic change lead to political instability in Russia in the years 1881–1914?",
    {
      stem: "how-far",
      focus: "stated-factor",
      statedFactor: "economic change",
      claim: "Economic change led to political instability in Russia",
      outcome: "political instability in Russia",
      period: period(1881, 1914, "in the years 1881–1914"),
    },
  ],
  ["Discuss the causes of the Cold War.", { stem: "other", ...none, outcome: "the Cold War", period: null }],
  ["Assess the impact of the Second World War on the Soviet Union.", { stem: "assess", ...none, period: null }],
  [
    "How far was the Hungarian Uprising of 1956 the main reason for the hardening of Khrushchev's policy towards Eastern Europe after 1956",
    {
      stem: "how-far",
      focus: "stated-factor",
      statedFactor: "the Hungarian Uprising of 1956",
      claim: "The Hungarian Uprising of 1956 was the main reason for the hardening of Khrushchev's policy towards Eastern Europe",
      outcome: "the hardening of Khrushchev's policy towards Eastern Europe",
      period: period(1956, null, "after 1956"),
    },
  ],
  [
    "How significant a threat to Elizabeth I was the Northern Rebellion?",
    { stem: "how-significant", focus: "stated-factor", statedFactor: "the Northern Rebellion", claim: null, outcome: "Elizabeth I", period: null },
  ],
];

describe("analyseQuestion across stems and topics", () => {
  it.each(CASES)("%s", (question, expected) => {
    expect(analyseQuestion(question)).toEqual(expected);
  });

  it("covers every stem", () => {
    const stems = new Set(CASES.map(([q]) => analyseQuestion(q).stem));
    expect([...stems].sort()).toEqual(["assess", "how-far", "how-significant", "other", "to-what-extent"]);
  });

  it("does not invent a claim for 'How far do you agree with this view?' without a quotation", () => {
    expect(analyseQuestion("How far do you agree with this view?")).toEqual({ stem: "how-far", ...none, period: null });
  });
});

describe("findPeriod", () => {
  it.each([
    ["in the years 1953–64", { from: 1953, to: 1964 }],
    ["between 1953 and 1964", { from: 1953, to: 1964 }],
    ["1953-1964", { from: 1953, to: 1964 }],
    ["from 1895 to 1905", { from: 1895, to: 1905 }],
    ["c. 1890–05", { from: 1890, to: 1905 }],
    ["in the early 1960s", { from: 1960, to: 1963 }],
    ["by the 1930s", { from: null, to: 1939 }],
    ["since 1945", { from: 1945, to: null }],
    ["in the nineteenth century", { from: 1800, to: 1899 }],
  ])("reads %s", (phrase, expected) => {
    const { period: found, rest } = findPeriod(`How far did Russia change ${phrase}?`);
    expect(found).toMatchObject(expected);
    expect(rest).not.toMatch(/\d{3}/);
  });

  it("prefers the question's closing date phrase and removes only that one", () => {
    expect(findPeriod("How significant was the Secret Speech in 1956 for Khrushchev's position by 1964?")).toEqual({
      period: period(null, 1964, "by 1964"),
      rest: "How significant was the Secret Speech in 1956 for Khrushchev's position?",
    });
  });
});

describe("pastTense", () => {
  it.each([
    ["transform", "transformed"],
    ["stop", "stopped"],
    ["change", "changed"],
    ["carry", "carried"],
    ["bring", "brought"],
    ["lead", "led"],
    ["make", "made"],
    ["undermine", "undermined"],
    ["achieve", "achieved"],
    ["fail", "failed"],
    ["succeed", "succeeded"],
    ["control", "controlled"],
    ["benefit", "benefited"],
    ["destroy", "destroyed"],
  ])("%s → %s", (verb, past) => {
    expect(pastTense(verb)).toBe(past);
  });
});

describe("issue 16: Edexcel's 'How accurate' form and years inside names", () => {
  it("reads 'How accurate is it to say that X' as the claim X, with no 'is accurate' in the factor", () => {
    expect(analyseQuestion("How accurate is it to say that the Treaty of Versailles was the main reason for the rise of the Nazis in the years 1919–33?")).toEqual({
      stem: "other",
      focus: "stated-factor",
      statedFactor: "the Treaty of Versailles",
      claim: "The Treaty of Versailles was the main reason for the rise of the Nazis",
      outcome: "the rise of the Nazis",
      period: period(1919, 1933, "in the years 1919–33"),
    });
  });

  it("dates a question by the years inside its names, keeping the names whole", () => {
    expect(analyseQuestion("‘Economic problems were the most important cause of the Revolution of 1905.’ Assess the validity of this view.")).toMatchObject({
      statedFactor: "Economic problems",
      outcome: "the Revolution of 1905",
      period: period(1905, 1905, "the Revolution of 1905"),
    });
    expect(analyseQuestion("How far was the 1832 Reform Act a response to popular pressure?")).toMatchObject({
      claim: "The 1832 Reform Act was a response to popular pressure",
      period: period(1832, 1832, "the 1832 Reform Act"),
    });
    expect(findPeriod("the Reform Act of 1832 in the years 1830–32").period).toEqual(period(1830, 1832, "in the years 1830–32"));
  });
});
