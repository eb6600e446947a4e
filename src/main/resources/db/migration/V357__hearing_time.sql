-- 听证通知 (行政处罚法 Art. 64(2)): the party is told the time and the place of the hearing — the time of day is kept
-- beside its day. Hearings noticed before have none.
ALTER TABLE case_hearing ADD COLUMN scheduled_at TIME;
