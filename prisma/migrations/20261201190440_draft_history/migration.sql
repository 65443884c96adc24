-- History entries that mark one moment in the draft: an inserted outline, a large paste,
-- a large cut (lib/drafts/history-policy.ts, docs/decisions/007-draft-history.md).
ALTER TYPE "RevisionReason" ADD VALUE 'OUTLINE';
ALTER TYPE "RevisionReason" ADD VALUE 'PASTE';
ALTER TYPE "RevisionReason" ADD VALUE 'CUT';
