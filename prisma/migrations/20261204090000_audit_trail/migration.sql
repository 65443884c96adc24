-- The audit trail (decision 039). Plain text ids, no foreign keys: deleting a person, a class
-- or a school never cascades into it.
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "subjectId" TEXT,
    "schoolId" TEXT,
    "classroomId" TEXT,
    "entityType" TEXT,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AuditEvent_classroomId_at_idx" ON "AuditEvent"("classroomId", "at" DESC);
CREATE INDEX "AuditEvent_schoolId_at_idx" ON "AuditEvent"("schoolId", "at" DESC);
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");
CREATE INDEX "AuditEvent_subjectId_idx" ON "AuditEvent"("subjectId");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at" DESC);

-- Append-only, enforced here rather than in the app so that no code path (and no future
-- route) can edit the trail. Two narrow exceptions, each switched on for one transaction
-- only with set_config(name, value, true) (never a session-level SET: on the embedded
-- database every connection shares one session):
--   extent.audit_erasure = '<id> <pseudonym>': a person's deletion may replace their id by a
--     pseudonym in actorId / subjectId, and change nothing else;
--   extent.audit_prune_before = '<timestamp>': the trail's own retention may delete older rows.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  erasure text := current_setting('extent.audit_erasure', true);
  prune text := current_setting('extent.audit_prune_before', true);
  erased_id text;
  pseudonym text;
BEGIN
  IF tg_op = 'UPDATE' AND erasure IS NOT NULL AND erasure <> '' THEN
    erased_id := split_part(erasure, ' ', 1);
    pseudonym := split_part(erasure, ' ', 2);
    IF (to_jsonb(NEW) - 'actorId' - 'subjectId') = (to_jsonb(OLD) - 'actorId' - 'subjectId')
       AND (NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
            OR (OLD."actorId" = erased_id AND NEW."actorId" = pseudonym))
       AND (NEW."subjectId" IS NOT DISTINCT FROM OLD."subjectId"
            OR (OLD."subjectId" = erased_id AND NEW."subjectId" = pseudonym))
    THEN
      RETURN NEW;
    END IF;
  END IF;
  IF tg_op = 'DELETE' AND prune IS NOT NULL AND prune <> '' AND OLD."at" < prune::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', tg_op USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (TRUNCATE refused)' USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
