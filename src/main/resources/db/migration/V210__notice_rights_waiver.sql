-- 行政处罚法 Art. 62 (domain.md §2.7): the party may waive its statement, defence and hearing request in writing;
-- the waiver, its date and the evidence holding the written waiver are kept with the case's penalty facts.
ALTER TABLE case_penalty ADD COLUMN rights_waived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE case_penalty ADD COLUMN rights_waived_on DATE;
ALTER TABLE case_penalty ADD COLUMN waiver_evidence_id BIGINT;
