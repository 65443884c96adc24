import "server-only";
import { db } from "../../db";
import { analyseQuestion } from "../../questions/analyse-question";
import { analysisToColumns } from "../../questions/question-record";
import type { ParsedSection, ParsedTopic } from "../types";

// Internal: writes a parsed topic for `ownerId` without asking who is acting. importNotes
// (which checks the teacher) and the seed call it; app/ may not import this (lint).

export async function saveTopic(ownerId: string, parsed: ParsedTopic, format: "text" | "markdown", sourceText: string) {
  return db().$transaction(async (tx) => {
    const topic = await tx.topic.create({
      data: {
        title: parsed.title,
        summary: parsed.summary,
        ownerId,
        sourceFormat: format === "markdown" ? "MARKDOWN" : "TEXT",
        sourceText,
      },
      select: { id: true, title: true },
    });

    // Sections are few (tens), so creating them one by one to learn parent ids is fine;
    // points, FAQ and questions go in bulk.
    let position = 0;
    const points: { topicId: string; sectionId: string; text: string; subpoints: string[]; path: string[]; position: number }[] = [];
    const walk = async (sections: ParsedSection[], parentId: string | null, path: string[]) => {
      for (const s of sections) {
        const row = await tx.topicSection.create({
          data: { topicId: topic.id, parentId, heading: s.heading, level: s.level, intro: s.intro, position: position++ },
          select: { id: true },
        });
        const here = [...path, s.heading];
        for (const p of s.points) {
          points.push({ topicId: topic.id, sectionId: row.id, text: p.text, subpoints: p.subpoints, path: here, position: points.length });
        }
        await walk(s.children, row.id, here);
      }
    };
    await walk(parsed.sections, null, []);
    if (points.length) await tx.point.createMany({ data: points });
    if (parsed.faq.length) {
      await tx.faqEntry.createMany({
        data: parsed.faq.map((f, i) => ({ topicId: topic.id, question: f.question, answer: f.answer, position: i })),
      });
    }
    if (parsed.practiceQuestions.length) {
      await tx.question.createMany({
        data: parsed.practiceQuestions.map((q) => ({
          topicId: topic.id,
          createdById: ownerId,
          text: q.question,
          modelAnswer: q.modelAnswer,
          source: "IMPORTED" as const,
          ...analysisToColumns(analyseQuestion(q.question)),
        })),
      });
    }
    return topic;
  });
}
