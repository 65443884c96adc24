// The 13B demo class (prisma/seed-class.ts): its students, the questions its teacher adds by
// hand, and the words she writes when she returns work.

import type { Strand } from "./essay-fragments";

export const BIG_CLASS = { name: "13B History", yearGroup: "Year 13", joinCode: "KHRU39" } as const;

// A British sixth-form mix. Emails are first.last@extent.demo, lower-case ASCII (see emailFor).
export const BIG_CLASS_STUDENTS: readonly string[] = [
  "Zoë Armstrong",
  "Łukasz Nowak",
  "Siobhán O'Connor",
  "José Fernández",
  "Aaliyah Begum",
  "Oliver Bennett",
  "Harriet Clarke",
  "Mohammed Hussain",
  "Isla Campbell",
  "Kwame Mensah",
  "Freya Jenkins",
  "Rhys Llewellyn",
  "Priyanka Sharma",
  "Jack Thompson",
  "Amelia Wright",
  "Tomasz Kowalski",
  "Grace Adeyemi",
  "Ethan Murphy",
  "Niamh Gallagher",
  "Hamza Ali",
  "Lily Robinson",
  "Joshua Green",
  "Chiara Rossi",
  "Callum MacLeod",
  "Maya Chauhan",
  "Samuel Adebayo",
  "Sophie Walsh",
  "Yusuf Demir",
  "Aoife Byrne",
  "Adaeze Okonkwo-Smith",
];

// Letters that Unicode decomposition does not reduce to ASCII.
const FOLD: Record<string, string> = { ł: "l", ø: "o", đ: "d", ß: "ss", æ: "ae", œ: "oe", þ: "th", ð: "d", ı: "i" };

/** "Siobhán O'Connor" → "siobhan.oconnor@extent.demo". */
export function emailFor(name: string): string {
  const ascii = (part: string) =>
    part
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\x00-\x7f]/g, (c) => FOLD[c] ?? "")
      .replace(/[^a-z0-9-]/g, "");
  const [first, ...rest] = name.split(" ");
  return `${ascii(first ?? "")}.${ascii(rest.join(""))}@extent.demo`;
}

// Added to the Khrushchev topic through lib/questions, as a teacher would type them.
export const EXTRA_QUESTIONS = {
  virginLands: "To what extent was the Virgin Lands Scheme a success?",
  secretSpeech: "How significant was the Secret Speech of 1956 for the USSR?",
  cuba: "Assess the reasons for the outcome of the Cuban Missile Crisis for the USSR.",
  livingStandards: "How far did living standards in the USSR improve under Khrushchev, 1953–1964?",
} as const;

// "What went well" for the student's strongest strand, "even better if" for the weakest.
export const WENT_WELL: Record<Strand, string[]> = {
  knowledge: [
    "Accurate, well-chosen detail throughout: your dates and figures are precise and relevant to the question.",
    "A good range of knowledge, and you use it as evidence for your points rather than as narrative.",
  ],
  analysis: [
    "You explain rather than describe: most paragraphs show how the evidence answers the question.",
    "Good analytical paragraphs that link each factor to the outcome in the question.",
  ],
  judgement: [
    "A clear judgement, stated early and carried through to the conclusion.",
    "You weigh the factors against each other and reach a supported conclusion.",
  ],
  organisation: [
    "Well organised: each paragraph opens with a point that answers the question, so the argument is easy to follow.",
    "A clear structure, one point to a paragraph, so the essay is easy to follow.",
  ],
};

export const EVEN_BETTER_IF: Record<Strand, string[]> = {
  knowledge: [
    "Make your evidence more precise: replace general phrases such as \"lots of\" with names, dates and figures from the notes.",
    "Widen your evidence so that every paragraph has at least one specific example.",
  ],
  analysis: [
    "Turn description into explanation: after each piece of evidence, say how it answers the question (\"this meant that…\").",
    "Show how the factors link to each other, not only that each one played a part.",
  ],
  judgement: [
    "Reach a supported judgement: say how far, using criteria such as scale and duration, and carry it through every paragraph, not just the conclusion.",
    "End each paragraph with a mini-judgement that links back to the question, so your conclusion follows from the essay.",
    "Your conclusion lists both sides; decide which matters more and explain why.",
  ],
  organisation: [
    "Plan your structure: state your argument in the introduction and begin each paragraph with a point that links to it.",
    "Keep each paragraph to one point, and cut sentences that drift away from the question.",
  ],
};

export const REDRAFT_ASK = " Please redraft your introduction and conclusion so they give a clear judgement, then resubmit.";

// Replies students write to returned feedback.
export const RESPONSES: readonly string[] = [
  "Thank you. I'll put my judgement in the introduction next time instead of only at the end.",
  "I see what you mean about describing too much. I'll use \"this meant that\" after my evidence.",
  "Thanks, I'll learn the figures for the Virgin Lands so my evidence is more precise.",
  "Could we go over mini-judgements in class? I'm not sure how to do them without repeating myself.",
  "Thank you! I'm going to try using scale and duration as my criteria in the next essay.",
  "I'll plan my paragraphs before writing next time so the structure is clearer.",
];

// What a student writes when they mark a target addressed in their redraft.
export const ADDRESSED_NOTES: Record<Strand, string> = {
  judgement: "I rewrote this in my redraft so it gives a clear judgement.",
  analysis: "Redrafted: I now explain how this links back to the question.",
  knowledge: "Added precise figures and dates in my redraft.",
  organisation: "Cut this, so the paragraph stays on the question.",
};
