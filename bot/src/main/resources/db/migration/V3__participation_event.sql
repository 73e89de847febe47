-- The platform event a participation was recorded from (null for a button press or a platform
-- without event ids). A user's first reply in a round is then one write, this row: its
-- redelivery conflicts on (round_id, user_id) and is recognised by this id, so the reply needs no
-- processed_events row. Only later replies of a counted user are deduplicated there.
ALTER TABLE participations ADD COLUMN event_id TEXT;
