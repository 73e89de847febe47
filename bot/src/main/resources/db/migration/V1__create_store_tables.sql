-- Runs unchanged on SQLite and PostgreSQL. Instants are epoch milliseconds (BIGINT), dates
-- ISO text 'YYYY-MM-DD', local times 'HH:MM[:SS]'. Every channel-scoped row carries the full
-- channel key (platform, workspace, channel) so nothing leaks across platforms or teams.
--
-- Flyway placeholders, set per dialect by Dialect: id_column is an auto-generated id;
-- without_rowid makes SQLite keep a table keyed by its natural key in that key's b-tree alone
-- (WITHOUT ROWID), so an insert writes one b-tree instead of two; PostgreSQL has no rowid.

CREATE TABLE channels (
    platform  TEXT    NOT NULL,
    workspace TEXT    NOT NULL,
    channel   TEXT    NOT NULL,
    post_at   TEXT    NOT NULL,
    zone      TEXT    NOT NULL,
    days      TEXT    NOT NULL, -- e.g. 'MONDAY,TUESDAY'; empty: no day
    reveal_at TEXT    NOT NULL,
    enabled   BOOLEAN NOT NULL,
    filters   TEXT,
    PRIMARY KEY (platform, workspace, channel)
) ${without_rowid};

CREATE TABLE rounds (
    id               ${id_column},
    platform         TEXT    NOT NULL,
    workspace        TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    round_date       TEXT    NOT NULL,
    question_id      TEXT    NOT NULL,
    posted_at        BIGINT  NOT NULL,
    message_ref      TEXT,
    thread_ref       TEXT,
    followups_sent   INTEGER NOT NULL DEFAULT 0,
    last_followup_at BIGINT,
    revealed_at      BIGINT,
    last_reply_at    BIGINT,
    -- One round per channel and date, even with several bot instances on one database.
    CONSTRAINT rounds_one_per_channel_date UNIQUE (platform, workspace, channel, round_date)
);

CREATE INDEX rounds_by_thread ON rounds (platform, workspace, channel, thread_ref);

CREATE TABLE participations (
    round_id        BIGINT NOT NULL REFERENCES rounds (id),
    user_id         TEXT   NOT NULL,
    participated_at BIGINT NOT NULL,
    source          TEXT   NOT NULL,
    PRIMARY KEY (round_id, user_id)
) ${without_rowid};

-- Questions asked per channel and cycle; a cycle ends when the bank is used up.
CREATE TABLE question_history (
    platform    TEXT    NOT NULL,
    workspace   TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    cycle       INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    asked_at    BIGINT  NOT NULL,
    PRIMARY KEY (platform, workspace, channel, cycle, question_id)
) ${without_rowid};

-- Platform events already handled: platforms deliver some events more than once. No index on
-- seen_at: every event writes a row here, while the purge of old rows runs rarely on a table
-- that the purge keeps small.
CREATE TABLE processed_events (
    platform TEXT   NOT NULL,
    event_id TEXT   NOT NULL,
    seen_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, event_id)
) ${without_rowid};
