-- Runs unchanged on SQLite and PostgreSQL.
--
-- When a channel next has scheduled work (epoch milliseconds), as the engine (round.Routines)
-- planned it after its last run there: a tick reads only the channels whose time has come, by
-- channels_due, so a tick with nothing due costs one index lookup however many channels there
-- are. 0 means "at the next tick": a new channel, or one changed outside the engine (its
-- schedule saved, a round posted by hand, a follow-up sent on a reply). run_version counts those
-- changes, so that a plan computed from what was read before one of them is not written.
ALTER TABLE channels ADD COLUMN next_run_at BIGINT NOT NULL DEFAULT 0;

ALTER TABLE channels ADD COLUMN run_version BIGINT NOT NULL DEFAULT 0;

CREATE INDEX channels_due ON channels (enabled, next_run_at);
