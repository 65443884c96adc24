import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importNotes } from "@/lib/notes/import-notes";
import { addQuestion, deleteQuestion, getQuestion, getQuestionBank, updateQuestionAnalysis } from "@/lib/questions/questions";
import { makeStudent, makeTeacher } from "../factories";

const sample = readFileSync(path.resolve(import.meta.dirname, "../fixtures/khrushchev-ussr-1953-1964.txt"), "utf8");

async function teacherWithTopic() {
  const teacher = await makeTeacher();
  const topic = await importNotes(teacher, { text: sample, title: "Khrushchev" });
  return { teacher, topic };
}

describe("question bank", () => {
  it("lists questions by topic and analyses a question added by hand", async () => {
    const { teacher, topic } = await teacherWithTopic();
    const { id } = await addQuestion(teacher, { topicId: topic.id, text: "How significant was the Virgin Lands Scheme in Khrushchev’s economic policy in the years 1954–64?" });
    const q = await getQuestion(teacher, id);
    expect(q).toMatchObject({ source: "MANUAL", stem: "HOW_SIGNIFICANT", focus: "STATED_FACTOR", statedFactor: "the Virgin Lands Scheme", periodFrom: 1954, periodTo: 1964, analysisEdited: false });
    const bank = await getQuestionBank(teacher);
    expect(bank).toHaveLength(1);
    expect(bank[0]!.questions.map((x) => x.text)).toHaveLength(3);
  });

  it("a teacher corrects the analysis; it is stored and marked as checked", async () => {
    const { teacher, topic } = await teacherWithTopic();
    const { id } = await addQuestion(teacher, { topicId: topic.id, text: "To what extent was Khrushchev’s foreign policy a failure?" });
    await updateQuestionAnalysis(teacher, {
      questionId: id,
      text: "To what extent was Khrushchev’s foreign policy a failure in the years 1955–64?",
      stem: "TO_WHAT_EXTENT",
      focus: "CLAIM",
      claim: "Khrushchev’s foreign policy was a failure",
      statedFactor: "",
      outcome: "",
      periodFrom: "1955",
      periodTo: "1964",
      periodLabel: "in the years 1955–64",
    });
    expect(await getQuestion(teacher, id)).toMatchObject({ periodFrom: 1955, periodTo: 1964, statedFactor: null, analysisEdited: true });
  });

  it("refuses an inconsistent correction with field messages and keeps the old analysis", async () => {
    const { teacher, topic } = await teacherWithTopic();
    const { id } = await addQuestion(teacher, { topicId: topic.id, text: "To what extent was Khrushchev’s foreign policy a failure?" });
    const before = await getQuestion(teacher, id);
    const attempt = updateQuestionAnalysis(teacher, { questionId: id, text: before.text, stem: "HOW_FAR", focus: "STATED_FACTOR", statedFactor: "", periodFrom: "1970", periodTo: "1960" });
    await expect(attempt).rejects.toThrow(/Name the stated factor/);
    await expect(attempt).rejects.toThrow(/end year must not be before/);
    expect(await getQuestion(teacher, id)).toEqual(before);
  });

  it("refuses a question that is too short", async () => {
    const { teacher, topic } = await teacherWithTopic();
    await expect(addQuestion(teacher, { topicId: topic.id, text: "Why?" })).rejects.toThrow(/full question/);
  });

  it("other teachers and students cannot see or change a teacher's questions", async () => {
    const { teacher, topic } = await teacherWithTopic();
    const q = await db().question.findFirstOrThrow({ where: { topicId: topic.id } });
    const other = await makeTeacher();
    const student = await makeStudent();
    await expect(getQuestion(other, q.id)).rejects.toMatchObject({ status: 404 });
    await expect(addQuestion(other, { topicId: topic.id, text: "How far did Khrushchev succeed in reforming agriculture?" })).rejects.toMatchObject({ status: 404 });
    await expect(deleteQuestion(other, q.id)).rejects.toMatchObject({ status: 404 });
    await expect(getQuestionBank(student)).rejects.toMatchObject({ status: 403 });
    await expect(addQuestion(student, { topicId: topic.id, text: "How far did Khrushchev succeed in reforming agriculture?" })).rejects.toMatchObject({ status: 403 });
    expect(await getQuestionBank(other)).toEqual([]);
    expect(await db().question.count()).toBe(2);
    await deleteQuestion(teacher, q.id);
    expect(await db().question.count()).toBe(1);
  });
});
