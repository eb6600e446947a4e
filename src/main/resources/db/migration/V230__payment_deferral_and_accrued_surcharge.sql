-- 暂缓或分期缴纳 (行政处罚法 Art. 66 ¶2): the date the party applied (only before the payment deadline, Art. 67),
-- the date of the approval, the deadline it replaced, and the 加处罚款 accrued up to the approval (Art. 72), which
-- the approval does not cancel.
ALTER TABLE case_payment ADD COLUMN deferral_applied_on DATE;
ALTER TABLE case_payment ADD COLUMN deferral_approved_on DATE;
ALTER TABLE case_payment ADD COLUMN due_before_deferral DATE;
ALTER TABLE case_payment ADD COLUMN accrued_surcharge DECIMAL(12,2);
