-- Runs unchanged on SQLite and PostgreSQL.
--
-- A round's place in its life, explicit (round.RoundState): claimed -> posted -> revealed, and
-- closed once the channel's next round is claimed; claimed -> skipped when its post never landed
-- within the grace period (a post by hand can still make it posted). Before this it was read off
-- which columns were null. Every write that moves a round names the states it may move from.
ALTER TABLE rounds ADD COLUMN state TEXT NOT NULL DEFAULT 'claimed'
    CONSTRAINT rounds_state_known CHECK (state IN ('claimed', 'posted', 'revealed', 'closed', 'skipped'));

-- Existing rounds get the state their columns meant: without a message, claimed or skipped; with
-- one, closed when a later round of the channel exists (its claim closed this one), else revealed
-- or posted.
UPDATE rounds
   SET state = CASE
       WHEN message_ref IS NULL AND skipped_at IS NOT NULL THEN 'skipped'
       WHEN message_ref IS NULL THEN 'claimed'
       WHEN EXISTS (SELECT 1 FROM rounds later
                     WHERE later.platform = rounds.platform
                       AND later.workspace = rounds.workspace
                       AND later.channel = rounds.channel
                       AND later.round_date > rounds.round_date) THEN 'closed'
       WHEN revealed_at IS NOT NULL THEN 'revealed'
       ELSE 'posted'
   END;
