-- 听证笔录 (行政处罚法 Art. 64(10)): the record the presider made is kept with the hearing, because the decision is
-- made on its basis (Art. 65) — 听证后法制审核, 集体讨论 and 处罚决定审批 show it. Hearings held before it was kept
-- here have it only in the case's full-process record ("… 举行听证：<record>"): copied from there.
ALTER TABLE case_hearing ADD COLUMN hearing_record VARCHAR(2000);
UPDATE case_hearing SET hearing_record = (
    SELECT SUBSTRING(e.note, LOCATE('举行听证：', e.note) + 5) FROM case_event e
     WHERE e.case_number = case_hearing.case_number AND e.step = 'holdHearing' AND LOCATE('举行听证：', e.note) > 0
     ORDER BY e.id DESC LIMIT 1)
 WHERE party_attended = TRUE;
