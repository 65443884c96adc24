-- Teachers are told, in the app and by email, when a closed class is to be deleted under the
-- school's retention setting (decisions 042 and 047), not only on their dashboard.
ALTER TYPE "NotificationKind" ADD VALUE 'CLASS_TO_BE_DELETED';
