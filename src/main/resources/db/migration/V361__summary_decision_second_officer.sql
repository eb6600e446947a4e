-- 当场处罚 by not fewer than two officers (行政处罚法 Art. 42; 9号令 2019 Art. 22; domain.md §2.3, §2.15): the
-- certified officer of the same body who acted on the spot with the one who registered the case. Decisions made
-- before it was recorded have none.
ALTER TABLE summary_decision ADD COLUMN second_officer VARCHAR(64);
