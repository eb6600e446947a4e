-- 我的案件 (the case list's "mine"): a user's own cases are found before any limit, through the cases they filed and
-- the cases they investigate or preside; both read an index, so they stay fast with a year's cases (issue 16).
CREATE INDEX ix_case_file_filed_by ON case_file (filed_by);
CREATE INDEX ix_case_officer_user ON case_officer (user_id);
