-- An email's send is claimed for a few minutes instead of for good (decision 047): a process
-- killed mid-send no longer loses the email, since the job's retry finds the claim lapsed.
ALTER TABLE "Notification" ADD COLUMN "emailClaimedAt" TIMESTAMP(3);
