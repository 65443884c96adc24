// What deleting a User row does under the current schema (/work/main/prisma/migrations applied by
// `prisma migrate deploy` to database r15_prisma; see scripts/prisma-coexist.sh for how).
// Builds: school, teacher T (owner), co-teacher C, student S with work in every state, then tries
// deleting S, C and T, each in a rolled-back transaction, and reports errors and what remains.
import pg from "pg";
import { checker } from "./harness.mjs";
const { check, done } = checker();
const c = new pg.Client("postgres://postgres@127.0.0.1:5432/r15_prisma"); await c.connect();
const q = (sql, p) => c.query(sql, p);
await q("begin");
await q(`insert into "School"(id,name) values ('sch','School')`);
for (const [id, role, email, name] of [["T", "TEACHER", "t@x.test", "Teacher T"], ["C", "TEACHER", "c@x.test", "Co C"], ["S", "STUDENT", "s@x.test", "Student S"], ["S2", "STUDENT", "s2@x.test", "Student S2"]])
  await q(`insert into "User"(id,email,name,role,"schoolId") values ($1,$2,$3,$4,'sch')`, [id, email, name, role]);
await q(`insert into "Classroom"(id,name,subject,"yearGroup","joinCode","teacherId") values ('cls','12H','History','12','JOIN1','T')`);
await q(`insert into "ClassTeacher"("classroomId","teacherId",role) values ('cls','T','OWNER'),('cls','C','CO_TEACHER')`);
await q(`insert into "Enrolment"(id,"classroomId","studentId") values ('e1','cls','S'),('e2','cls','S2')`);
await q(`insert into "Topic"(id,title,"ownerId","sourceFormat","sourceText") values ('topT','Versailles','T','TEXT','x'),('topC','Weimar','C','TEXT','y')`);
await q(`insert into "Question"(id,"topicId","createdById",text,source,stem,focus) values ('qT','topT','T','To what extent…?','MANUAL','TO_WHAT_EXTENT','NONE'),('qC','topC','C','How far…?','MANUAL','HOW_FAR','NONE')`);
await q(`insert into "RubricVersion"(id,"rubricId",version,fingerprint,title,content) values ('rv','r',1,'fp','R','{}')`);
// aT: set by T with T's question; aC: set by co-teacher C in T's class with C's question.
await q(`insert into "Assignment"(id,"classroomId","questionId","rubricVersionId","setById","dueAt") values ('aT','cls','qT','rv','T',now()),('aC','cls','qC','rv','C',now())`);
await q(`insert into "Plan"(id,"assignmentId","studentId",content,"updatedAt") values ('p1','aT','S','{}',now())`);
await q(`insert into "Draft"(id,"assignmentId","studentId","updatedAt","submittedAt") values ('d1','aT','S',now(),now()),('d2','aC','S2',now(),now())`);
await q(`insert into "DraftRevision"(id,"draftId",text,"wordCount",reason,"updatedAt") values ('r1','d1','text',1,'SUBMIT',now())`);
await q(`insert into "DraftPaste"(id,"draftId",at,chars) values ('pa1','d1',now(),10)`);
await q(`insert into "DraftSpan"(id,"draftId","startedAt","endedAt","wordCount") values ('sp1','d1',now(),now(),1)`);
await q(`insert into "Submission"(id,"draftId",number,text,"wordCount","submittedAt") values ('sub1','d1',1,'text',1,now()),('sub2','d2',1,'text2',1,now())`);
await q(`insert into "Marking"(id,"submissionId","markerId",status,"updatedAt") values ('m1','sub1','C','RETURNED',now()),('m2','sub2','T','RETURNED',now())`);
await q(`insert into "Annotation"(id,"submissionId","authorId","criterionId",kind,comment,exact,prefix,suffix,start,"end","updatedAt") values ('an1','sub1','C','k','TARGET','c','t','','',0,1,now())`);
await q(`insert into "CandidateNumber"("assignmentId","studentId",number) values ('aT','S',101)`);
await q(`insert into "Invitation"(id,"classroomId",email,name,token,"invitedById","acceptedById","acceptedAt") values ('inv1','cls','s@x.test','Student S','tok1','T','S',now())`);
await q(`insert into "Session"(id,"tokenHash","userId","expiresAt") values ('se1','h1','S',now())`);
await q(`insert into "DemoSeed"(key,"userIds","classroomIds") values ('demo',array['S','T'],array['cls'])`);
await q("commit");

// Every column that can name a person: FK columns to User, plus email/name copies and id arrays.
const personColumns = (await q(`select conrelid::regclass::text t, a.attname col from pg_constraint k join pg_attribute a on a.attrelid=k.conrelid and a.attnum=any(k.conkey) where contype='f' and confrelid='"User"'::regclass`)).rows;
async function remaining(id, email) {
  const out = [];
  for (const { t, col } of personColumns) { const n = (await q(`select count(*)::int n from ${t} where "${col}"=$1`, [id])).rows[0].n; if (n) out.push(`${t}.${col}=${n}`); }
  for (const t of ['"Invitation"', '"TeacherInvitation"', '"DepartmentInvitation"', '"ExternalIdentity"']) { const n = (await q(`select count(*)::int n from ${t} where email=$1`, [email])).rows[0].n; if (n) out.push(`${t}.email=${n}`); }
  const demo = (await q(`select count(*)::int n from "DemoSeed" where $1 = any("userIds")`, [id])).rows[0].n; if (demo) out.push(`"DemoSeed".userIds=${demo}`);
  return out;
}
const counts = async () => { const o = {}; for (const t of ["Classroom", "Assignment", "Draft", "Submission", "Marking", "Annotation", "Question"]) o[t] = (await q(`select count(*)::int n from "${t}"`)).rows[0].n; return o; };
async function tryDelete(id, email) {
  await q("begin");
  let error = null;
  try { await q(`delete from "User" where id=$1`, [id]); } catch (e) { error = e.message; }
  const left = error ? [] : await remaining(id, email);
  const after = error ? null : await counts();
  await q("rollback");
  return { error, left, after };
}
console.log("before:", JSON.stringify(await counts()));
const s = await tryDelete("S", "s@x.test");
console.log("delete student S:", JSON.stringify(s));
check("deleting a student works (cascade) but leaves Invitation(email,name) and DemoSeed.userIds", !s.error && s.left.some((x) => x.includes("Invitation")) && s.left.some((x) => x.includes("DemoSeed")));
const co = await tryDelete("C", "c@x.test");
console.log("delete co-teacher C:", JSON.stringify(co));
// Observed: NOT refused. Assignment.setById CASCADE removes aC (with S2's draft, submission and marking) in the
// same statement, so Question's RESTRICT never fires; Annotation.authorId CASCADE removes C's comments on S's work.
check("deleting a co-teacher silently deletes the assignment they set in another's class, with the students' work, and their annotations", !co.error && co.after.Assignment === 1 && co.after.Draft === 1 && co.after.Annotation === 0, co.error ?? "");
const t = await tryDelete("T", "t@x.test");
console.log("delete owner T:", JSON.stringify(t));
check("deleting the owner teacher wipes the class with every student's work (Classroom.teacherId CASCADE)", !!t.error || t.after.Submission === 0, t.error ?? JSON.stringify(t.after));
// RESTRICT can fire: C's own class uses T's question (if questions are ever shared between teachers).
await q(`insert into "Classroom"(id,name,subject,"yearGroup","joinCode","teacherId") values ('cls2','13C','History','13','JOIN2','C')`);
await q(`insert into "Assignment"(id,"classroomId","questionId","rubricVersionId","setById","dueAt") values ('aX','cls2','qT','rv','C',now())`);
const t2 = await tryDelete("T", "t@x.test");
console.log("delete T when another teacher's class uses T's question:", JSON.stringify(t2.error));
check("…then deleting T is refused by Assignment.questionId RESTRICT", /violates foreign key constraint/.test(t2.error ?? ""), t2.error ?? "");
await q(`delete from "User"; delete from "School"; delete from "RubricVersion"; delete from "DemoSeed"`).catch((e) => console.log("cleanup:", e.message));
await c.end();
process.exitCode = done() ? 1 : 0;
