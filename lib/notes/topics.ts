import { db } from "../db";
import { assertTeacher, requireTopicOwner } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";

export async function listTopics(user: SessionUser) {
  assertTeacher(user);
  return db().topic.findMany({
    where: { ownerId: user.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, summary: true, createdAt: true, _count: { select: { points: true, questions: true, faq: true } } },
  });
}

export type TopicTreeSection = {
  id: string;
  heading: string;
  level: number;
  intro: string | null;
  points: { id: string; text: string; subpoints: string[] }[];
  children: TopicTreeSection[];
};

/** A topic with its section tree rebuilt from flat rows (three queries, whatever the size). */
export async function getTopic(user: SessionUser, topicId: string) {
  await requireTopicOwner(user, topicId);
  const [topic, sections, points] = await Promise.all([
    db().topic.findUniqueOrThrow({
      where: { id: topicId },
      select: {
        id: true,
        title: true,
        summary: true,
        createdAt: true,
        faq: { orderBy: { position: "asc" }, select: { id: true, question: true, answer: true } },
        questions: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, stem: true, modelAnswer: true } },
      },
    }),
    db().topicSection.findMany({
      where: { topicId },
      orderBy: { position: "asc" },
      select: { id: true, parentId: true, heading: true, level: true, intro: true },
    }),
    db().point.findMany({ where: { topicId }, orderBy: { position: "asc" }, select: { id: true, sectionId: true, text: true, subpoints: true } }),
  ]);
  const byId = new Map<string, TopicTreeSection>();
  for (const s of sections) byId.set(s.id, { id: s.id, heading: s.heading, level: s.level, intro: s.intro, points: [], children: [] });
  for (const p of points) byId.get(p.sectionId)?.points.push({ id: p.id, text: p.text, subpoints: p.subpoints });
  const roots: TopicTreeSection[] = [];
  for (const s of sections) {
    const node = byId.get(s.id)!;
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return { ...topic, sections: roots, pointCount: points.length };
}
