-- Runs unchanged on SQLite and PostgreSQL.
--
-- 1. A thread reference names one round per channel: a reply is looked up by it. Before this,
-- each console process numbered its messages from m1 again, so old databases can hold one
-- reference for several rounds. The newest of them keeps it (a reply typed now means the round
-- posted last; the console's older messages are gone with their process) and every older one
-- gets its reference suffixed with its id, which no platform ever sends. Nothing is deleted:
-- those rounds keep their participations and streaks. message_ref stays as it was.
UPDATE rounds
   SET thread_ref = thread_ref || '~superseded-' || CAST(id AS TEXT)
 WHERE thread_ref IS NOT NULL
   AND EXISTS (SELECT 1 FROM rounds newer
                WHERE newer.platform = rounds.platform
                  AND newer.workspace = rounds.workspace
                  AND newer.channel = rounds.channel
                  AND newer.thread_ref = rounds.thread_ref
                  AND newer.id > rounds.id);

DROP INDEX rounds_by_thread;

CREATE UNIQUE INDEX rounds_one_per_thread ON rounds (platform, workspace, channel, thread_ref);

-- 2. Posting a claimed round. The claim and the post cannot be one transaction (the post goes to
-- a platform), so the instance that posts holds a lease until post_lease_until; a round still
-- without a message after its lease ran out (kill -9, a platform error, a 429) is posted by
-- whichever run takes the lease next, within the grace period, and otherwise marked skipped.
ALTER TABLE rounds ADD COLUMN post_lease_until BIGINT;

ALTER TABLE rounds ADD COLUMN skipped_at BIGINT;
