// An append-only audit table enforced in the database, with the one narrow exception that a person's
// erasure needs: inside a transaction that sets extent.audit_erasure (SET LOCAL, via set_config(.., true)),
// the trigger lets an UPDATE replace that person's id by a pseudonym and change nothing else.
// Works the same on PostgreSQL 15 and PGlite (one session: never use session-level SET there).
// Run: node scripts/audit-append-only.mjs pg|pglite
import pg from "pg";
import { database, checker } from "./harness.mjs";
const { check, done } = checker();
const kind = process.argv[2] ?? "pg";
const dbh = await database(kind, "r15_audit");
const c = new pg.Client(dbh.url); await c.connect();

// What a Prisma migration would hold (Prisma models the table; the trigger is raw SQL in migration.sql).
await c.query(`
create table "AuditEvent" (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  action      text not null,            -- SIGN_IN, MARK_CHANGED, MARKING_RETURNED, EXPORT, DELETION, ROLE_CHANGED, ENROLMENT_CHANGED ...
  "actorId"   text,                     -- plain ids, no foreign keys: deleting a person never cascades here
  "subjectId" text,
  "schoolId"  text,
  "classroomId" text,
  "entityType" text,
  "entityId"  text,
  before      jsonb,
  after       jsonb
);
create index on "AuditEvent" ("classroomId", at desc);
create index on "AuditEvent" ("schoolId", at desc);
create index on "AuditEvent" ("actorId");
create index on "AuditEvent" ("subjectId");

create function audit_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and current_setting('extent.audit_erasure', true) is not null
     and current_setting('extent.audit_erasure', true) <> '' then
    -- Only the erased person's id may change, and only to the pseudonym given for this transaction.
    if (to_jsonb(new) - 'actorId' - 'subjectId') = (to_jsonb(old) - 'actorId' - 'subjectId')
       and (new."actorId" is not distinct from old."actorId" or (old."actorId" = split_part(current_setting('extent.audit_erasure'), ' ', 1) and new."actorId" = split_part(current_setting('extent.audit_erasure'), ' ', 2)))
       and (new."subjectId" is not distinct from old."subjectId" or (old."subjectId" = split_part(current_setting('extent.audit_erasure'), ' ', 1) and new."subjectId" = split_part(current_setting('extent.audit_erasure'), ' ', 2)))
    then return new; end if;
  end if;
  if tg_op = 'DELETE' and current_setting('extent.audit_prune_before', true) is not null
     and current_setting('extent.audit_prune_before', true) <> ''
     and old.at < current_setting('extent.audit_prune_before')::timestamptz then
    return old; -- the audit's own retention job
  end if;
  raise exception 'AuditEvent is append-only (% refused)', tg_op using errcode = 'P0001';
end $$;
create trigger audit_append_only before update or delete on "AuditEvent" for each row execute function audit_append_only();
create function audit_no_truncate() returns trigger language plpgsql as $$ begin raise exception 'AuditEvent is append-only (TRUNCATE refused)'; end $$;
create trigger audit_no_truncate before truncate on "AuditEvent" for each statement execute function audit_no_truncate();
`);

const ins = (action, actor, subject, before = null, after = null) => c.query(`insert into "AuditEvent"(action,"actorId","subjectId","classroomId",before,after) values ($1,$2,$3,'class1',$4,$5)`, [action, actor, subject, before, after]);
await ins("SIGN_IN", "stu1", "stu1");
await ins("MARK_CHANGED", "tch1", "stu1", { total: 12, awards: [{ c: "analysis", level: 3 }] }, { total: 14, awards: [{ c: "analysis", level: 4 }] });
await ins("SIGN_IN", "stu2", "stu2");
const err = async (sql, params) => { try { await c.query(sql, params); return null; } catch (e) { return e.message; } };

const u = await err(`update "AuditEvent" set after = '{"total":20}' where action='MARK_CHANGED'`);
check("UPDATE refused", u?.includes("append-only"), u);
const d = await err(`delete from "AuditEvent" where "actorId"='stu2'`);
check("DELETE refused", d?.includes("append-only"), d);
const t = await err(`truncate "AuditEvent"`);
check("TRUNCATE refused", t?.includes("append-only"), t);

// Erasure of stu1, in the same transaction that deletes their rows elsewhere.
await c.query("begin");
await c.query(`select set_config('extent.audit_erasure', $1, true)`, ["stu1 erased-7f3a"]);
const r = await c.query(`update "AuditEvent" set "actorId" = case when "actorId"='stu1' then 'erased-7f3a' else "actorId" end, "subjectId" = case when "subjectId"='stu1' then 'erased-7f3a' else "subjectId" end where 'stu1' in ("actorId","subjectId")`);
await c.query("savepoint s");
const sneaky = await err(`update "AuditEvent" set before = null where action='MARK_CHANGED'`);
await c.query("rollback to savepoint s");
await c.query(`insert into "AuditEvent"(action,"actorId","subjectId") values ('ACCOUNT_DELETED','admin1','erased-7f3a')`);
await c.query("commit");
check("erasure UPDATE of the id allowed inside the flagged transaction", r.rowCount === 2, `rows=${r.rowCount}`);
check("…but changing any other column is still refused, even then", sneaky?.includes("append-only"), sneaky);
const left = (await c.query(`select count(*)::int n from "AuditEvent" where 'stu1' in ("actorId","subjectId")`)).rows[0].n;
check("no audit row names stu1 after erasure (row count 0)", left === 0);
const kept = (await c.query(`select after->>'total' t from "AuditEvent" where action='MARK_CHANGED'`)).rows[0].t;
check("the mark change itself is kept (anonymised)", kept === "14");
const u2 = await err(`update "AuditEvent" set "actorId"='x' where "actorId"='stu2'`);
check("flag is transaction-local: UPDATE refused again afterwards", u2?.includes("append-only"), u2);

// Retention of the audit itself.
await c.query("begin");
await c.query(`select set_config('extent.audit_prune_before', $1, true)`, [new Date(Date.now() + 1000).toISOString()]);
const pr = await c.query(`delete from "AuditEvent" where at < now() + interval '1 second'`);
await c.query("commit");
check("pruning older rows allowed with the prune flag", pr.rowCount === 4, `rows=${pr.rowCount}`);
await c.end(); await dbh.stop();
process.exitCode = done() ? 1 : 0;
