-- 交通运输行政执法程序规定 Art. 61 ⑦: the party signs the 当场行政处罚决定书, or the officers note the refusal on it.
-- Kept with the decision, so that the decision printed says which (signed / refused) and the note, as the paper did.
ALTER TABLE summary_decision ADD COLUMN party_signature VARCHAR(16);
ALTER TABLE summary_decision ADD COLUMN refusal_note VARCHAR(255);
