-- 行政处罚法 Art. 29 (一事不再罚): the fine register knows the party by its ID number (身份证号) or unified social
-- credit code (统一社会信用代码), not only by name and plate, and the violation fined, so that the same act is found
-- in every procedure (general, summary, police) even under another plate or none.
ALTER TABLE linkage_fine ADD COLUMN party_id VARCHAR(18);
ALTER TABLE linkage_fine ADD COLUMN violation_code VARCHAR(32);
CREATE INDEX ix_fine_act_date ON linkage_fine (act_date);

-- One row locked (SELECT ... FOR UPDATE) by every fine entering the register: two fines for the same act decided
-- at the same moment are checked one after the other, so they never both enter.
CREATE TABLE linkage_fine_lock (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO linkage_fine_lock (id) VALUES (1);
