-- Runs unchanged on SQLite and PostgreSQL.
--
-- A round's last reply was the later of rounds.last_reply_at and the newest thread-reply
-- participation, which every read of a round computed by scanning its participations: a reply
-- into a round of n repliers read O(n) rows. From now on a reply stores its time on the round
-- itself when a follow-up depends on it (round.RoundThreads), and reads of a round read the
-- column alone. Existing rounds get the time the reads computed.
UPDATE rounds
   SET last_reply_at = (SELECT MAX(p.participated_at) FROM participations p
                         WHERE p.round_id = rounds.id AND p.source = 'THREAD_REPLY')
 WHERE EXISTS (SELECT 1 FROM participations p
                WHERE p.round_id = rounds.id AND p.source = 'THREAD_REPLY'
                  AND (rounds.last_reply_at IS NULL OR p.participated_at > rounds.last_reply_at));
