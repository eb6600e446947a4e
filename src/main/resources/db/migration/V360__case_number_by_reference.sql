-- The documents of 先行登记保存 and 扣押 take their 文号 from series of their own (domain.md §3.3), once per
-- document: a document made again finds the number its case was given, by the case (reference) and the series.
CREATE INDEX ix_case_number_reference ON case_number (reference, number_type);
