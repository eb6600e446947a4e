-- The discretion benchmark's basis is a legal provision only: it is printed on the 行政处罚决定书 served on the party
-- (行政处罚法 Art. 59(3)). What the table says about its own rows — a tier that is an example and not law, an article
-- number still to be checked — is a note for the legal reviewer and the head, kept beside the basis and shown on the
-- internal forms only. Rows stored before the table had the note output carry it inside the basis: moved out here.
ALTER TABLE case_penalty ADD COLUMN benchmark_note VARCHAR(1000);
UPDATE case_penalty
   SET benchmark_note = '裁量阶次为示例，非法律规定；待甘肃省交通运输行政处罚裁量基准',
       benchmark_basis = REPLACE(benchmark_basis, '（裁量阶次为示例，非法律规定；待甘肃省交通运输行政处罚裁量基准）', '')
 WHERE benchmark_basis LIKE '%（裁量阶次为示例，非法律规定；待甘肃省交通运输行政处罚裁量基准）%';
UPDATE case_penalty
   SET benchmark_note = CASE WHEN benchmark_note IS NULL THEN '条号待核' ELSE CONCAT('条号待核；', benchmark_note) END,
       benchmark_basis = REPLACE(benchmark_basis, '（条号待核）', '')
 WHERE benchmark_basis LIKE '%（条号待核）%';
