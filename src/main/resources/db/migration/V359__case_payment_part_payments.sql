-- 部分缴纳: money the party paid towards a fine without an approved schedule, short of what was owed. It is kept,
-- so that what the party still owes, the 催告书 and the court application (行政强制法 Arts. 35, 54) count it, and
-- a later payment settles only the rest (行政处罚法 Arts. 67, 72).
ALTER TABLE case_payment ADD COLUMN received DECIMAL(12,2);
ALTER TABLE case_payment ADD COLUMN last_received_on DATE;
